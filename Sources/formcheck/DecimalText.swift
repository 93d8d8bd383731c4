/// Fast fixed-point decimal formatting into a byte buffer, for large CSV outputs
/// (String(format:) per number is slow for a million numbers).
enum DecimalText {
    private static let powers: [Double] = (0...12).map { d in (0..<d).reduce(1.0) { r, _ in r * 10 } }

    /// Appends `value` with exactly `decimals` (0…12) digits after the point, rounded half away
    /// from zero; "nan"/"inf"/"-inf" for non-finite values; values of 1e15 and more in magnitude
    /// are written with Swift's shortest representation.
    static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: value.isNaN ? Array("nan".utf8) : Array((value < 0 ? "-inf" : "inf").utf8))
            return
        }
        let d = max(0, min(12, decimals))
        let scale = powers[d]
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e18, abs(value) < 1e15 else {
            out.append(contentsOf: Array("\(value)".utf8))
            return
        }
        var n = UInt64(scaled)
        if value < 0 && n != 0 { out.append(UInt8(ascii: "-")) }
        // Digits, least significant first, into a small stack buffer.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: up to 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            } while n > 0 || count <= d
            var i = count - 1
            while i >= 0 {
                if i == d - 1 { out.append(UInt8(ascii: ".")) }
                out.append(buffer[i])
                i -= 1
            }
        }
    }
}
