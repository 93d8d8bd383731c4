extension DecimalParser {
    /// The fast path of a CSV row (issue 14): the plain number that starts at `text[start]`, read
    /// as far as it goes (to the first byte that cannot continue it), and where it stopped — when
    /// it is the common case, exact in one IEEE operation: at most 19 digits in all (leading zeros
    /// counted), a value below 2⁵³ in those digits, a power of ten up to 10²², at most `maxLength`
    /// bytes. nil otherwise (more digits, a larger exponent, no digit, an exponent without digits,
    /// a longer text): the caller then takes `parse` on the whole cell, which also says what is
    /// not a number. When the number ends at the cell's end, the value is bit for bit `parse`'s
    /// (and `Double(String)`'s): the same significand and power of ten, the same operation.
    /// Eight fraction digits at a time are read as one 64-bit word (SWAR).
    @inline(__always)
    static func plainPrefix(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: Double, end: Int)? {
        let n = text.count
        var i = start
        var negative = false
        if i < n, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var significand: UInt64 = 0
        let integerStart = i
        while i < n {
            let d = text[i] &- 0x30
            guard d < 10 else { break }
            significand = significand &* 10 &+ UInt64(d)
            i += 1
        }
        var digits = i - integerStart
        var exponent = 0
        if i < n, text[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            if let base = text.baseAddress {
                while i + 8 <= n {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    guard Self.isEightDigits(word) else { break }
                    significand = significand &* 100_000_000 &+ Self.eightDigits(word)
                    i += 8
                }
            }
            while i < n {
                let d = text[i] &- 0x30
                guard d < 10 else { break }
                significand = significand &* 10 &+ UInt64(d)
                i += 1
            }
            digits += i - fractionStart
            exponent = fractionStart - i
        }
        guard digits > 0, digits <= 19 else { return nil }
        if i < n, text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < n, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
                exponentNegative = text[i] == UInt8(ascii: "-")
                i += 1
            }
            let first = i
            var written = 0
            while i < n, i - first < 4 {
                let d = text[i] &- 0x30
                guard d < 10 else { break }
                written = written * 10 + Int(d)
                i += 1
            }
            guard i > first, i == n || text[i] &- 0x30 >= 10 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i - start <= maxLength else { return nil }
        if significand == 0 { return (negative ? -0.0 : 0.0, i) }
        guard significand <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        let m = Double(significand)
        let v = exponent >= 0 ? m * exactPowerOfTen(exponent) : m / exactPowerOfTen(-exponent)
        return (negative ? -v : v, i)
    }

    /// True when the eight bytes of `word` (little-endian) are all ASCII digits.
    @inline(__always) static func isEightDigits(_ word: UInt64) -> Bool {
        ((word &+ 0x4646_4646_4646_4646) | (word &- 0x3030_3030_3030_3030)) & 0x8080_8080_8080_8080 == 0
    }

    /// The value of eight ASCII digits (the first byte the most significant), little-endian word.
    @inline(__always) static func eightDigits(_ word: UInt64) -> UInt64 {
        var v = word &- 0x3030_3030_3030_3030
        v = v &* 10 &+ (v >> 8)
        v = ((v & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064
            &+ ((v >> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001) >> 32
        return v & 0xFFFF_FFFF
    }
}
