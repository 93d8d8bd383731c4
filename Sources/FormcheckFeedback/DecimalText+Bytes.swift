extension DecimalText {
    /// "00" … "99": two digits at a time.
    private static let digitPairs: [UInt8] = {
        var table: [UInt8] = []
        for k in 0..<100 {
            let tens = UInt8(truncatingIfNeeded: k / 10), ones = UInt8(truncatingIfNeeded: k % 10)
            table.append(48 + tens)
            table.append(48 + ones)
        }
        return table
    }()
    /// 10⁰ … 10¹², exact.
    private static let scales: [Double] = (0...12).map { d in (0..<d).reduce(1.0) { r, _ in r * 10 } }

    /// Appends `value` as text with exactly `decimals` (0…12) digits after the point, rounded half
    /// away from zero (`value` × 10^decimals rounded to an integer, so no binary noise shows), to a
    /// byte buffer — for large CSV outputs (a million numbers), with no String per number. Negative
    /// zero, and negative values that round to zero, print without a sign; non-finite values print as
    /// "nan", "inf" or "-inf"; magnitudes of 10¹⁵ and more (or that scale to 9·10¹⁸ and more) in
    /// Swift's shortest form (`"\(value)"`).
    public static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: value.isNaN ? Array("nan".utf8) : Array((value < 0 ? "-inf" : "inf").utf8))
            return
        }
        let d = max(0, min(12, decimals))
        let scaled = (abs(value) * scales[d]).rounded()
        guard scaled < 9e18, abs(value) < 1e15 else {
            out.append(contentsOf: Array("\(value)".utf8))
            return
        }
        var n = UInt64(scaled)
        // Up to 20 digits, a point and a sign, written backwards from the end of a 32-byte buffer.
        var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &text) { buffer in
            digitPairs.withUnsafeBufferPointer { pairs in
                var p = 32
                var written = 0
                // The digits after the point, two at a time, then one when `d` is odd.
                while written + 2 <= d {
                    let r = Int(n % 100)
                    n /= 100
                    p -= 2
                    buffer[p] = pairs[2 * r]
                    buffer[p + 1] = pairs[2 * r + 1]
                    written += 2
                }
                if written < d {
                    p -= 1
                    buffer[p] = UInt8(truncatingIfNeeded: 48 + n % 10)
                    n /= 10
                }
                if d > 0 {
                    p -= 1
                    buffer[p] = UInt8(ascii: ".")
                }
                // The whole part: at least one digit.
                repeat {
                    p -= 1
                    buffer[p] = UInt8(truncatingIfNeeded: 48 + n % 10)
                    n /= 10
                } while n > 0
                if value < 0 && scaled != 0 {
                    p -= 1
                    buffer[p] = UInt8(ascii: "-")
                }
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[p..<32]))
            }
        }
    }
}
