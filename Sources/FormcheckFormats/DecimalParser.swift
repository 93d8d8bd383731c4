import Glibc

/// Decimal numbers read from bytes, with no String and no allocation: the same Double that
/// strtod(3) and Swift's `Double(String)` give (correctly rounded), for the plain decimal syntax
/// an IMU logger writes — an optional sign, digits with an optional '.', an optional exponent
/// (`9.81`, `-1.5e-3`, `.5`, `7.`, `+2E+04`). Nothing else is a number here (no `inf`, `nan`,
/// hex, spaces or thousands separators).
///
/// Most numbers take the exact fast path (Clinger 1990): a significand of at most 19 digits that is
/// below 2⁵³, times or divided by a power of ten up to 10²² — both exact in a Double — is one
/// IEEE operation, hence correctly rounded. Longer significands, larger exponents and subnormals go
/// to strtod, which is correctly rounded in glibc.
enum DecimalParser {
    /// Bytes a number may have (longer text is not a number here).
    static let maxLength = 63

    /// 10⁰ … 10²², each exact in a Double.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// 10^k, exact, for k in 0…22.
    @inline(__always) static func exactPowerOfTen(_ k: Int) -> Double { powersOfTen[k] }

    /// The number that fills `text` exactly, or nil when `text` is not one (empty, more than
    /// `maxLength` bytes, a character outside the syntax, no digit before the exponent, an exponent
    /// without digits).
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = text.count
        guard n > 0, n <= maxLength else { return nil }
        var i = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            i = 1
        }
        var significand: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        while i < n {
            let d = text[i] &- 0x30
            guard d < 10 else { break }
            sawDigit = true
            if significand != 0 || d != 0 {
                if significantDigits < 19 { significand = significand &* 10 &+ UInt64(d) } else { exponent += 1 }
                significantDigits += 1
            }
            i += 1
        }
        if i < n, text[i] == UInt8(ascii: ".") {
            i += 1
            while i < n {
                let d = text[i] &- 0x30
                guard d < 10 else { break }
                sawDigit = true
                if significand != 0 || d != 0 {
                    if significantDigits < 19 {
                        significand = significand &* 10 &+ UInt64(d)
                        exponent -= 1
                    }
                    significantDigits += 1
                } else {
                    exponent -= 1
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < n, text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < n, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
                exponentNegative = text[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            let first = i
            while i < n {
                let d = text[i] &- 0x30
                guard d < 10 else { break }
                if written < 100_000 { written = written * 10 + Int(d) }
                i += 1
            }
            guard i > first else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == n else { return nil }
        if significand == 0 { return negative ? -0.0 : 0.0 }
        if significantDigits <= 19, significand <= 1 << 53, exponent >= -22, exponent <= 22 {
            let m = Double(significand)
            let v = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
            return negative ? -v : v
        }
        return strtodFallback(text)
    }

    /// strtod(3) of `text` (at most `maxLength` bytes, already known to be a number).
    private static func strtodFallback(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &buffer) { raw -> Double? in
            let n = text.count
            raw.copyMemory(from: UnsafeRawBufferPointer(text))
            raw[n] = 0
            let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &endPointer)
            guard let endPointer, endPointer - base == n else { return nil }
            return value
        }
    }

    /// `parse` of bytes[a..<b] without the spaces and tabs around it.
    static func parse(_ bytes: [UInt8], _ a: Int, _ b: Int) -> Double? {
        bytes.withUnsafeBufferPointer { parse(trimmed(UnsafeBufferPointer(rebasing: $0[a..<b]))) }
    }

    /// `text` without the spaces and tabs at either end.
    @inline(__always) static func trimmed(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var a = 0, b = text.count
        while a < b && (text[a] == 0x20 || text[a] == 0x09) { a += 1 }
        while b > a && (text[b - 1] == 0x20 || text[b - 1] == 0x09) { b -= 1 }
        return UnsafeBufferPointer(rebasing: text[a..<b])
    }
}
