extension EvemuWriter {
    /// Appends one `E:` line with evemu's trailing comment to `out` as UTF-8: the bytes of
    /// `line(for:)`, written straight into the buffer. Built line by line in Strings (interpolation,
    /// `String(radix:)`, padding), the evemu text of the simulator's scenarios was 26 % of the unit
    /// tests' CPU (a `perf` profile of the whole suite, 2026-12-01); this writes the digits itself.
    /// A time before zero (no recording has one: `RecordingFile` starts at 1 µs) is written as
    /// libevemu's `%lu.%06u` of the kernel's fields would not be, but deterministically: seconds
    /// and microseconds each with their own sign (-1.5 s is `-1.-500000`).
    public mutating func append(_ e: InputEvent, to out: inout [UInt8]) {
        let seconds = e.time / 1_000_000
        let micros = e.time % 1_000_000
        out.append(contentsOf: "E: ".utf8)
        Self.appendSigned(seconds, width: 0, to: &out)
        out.append(UInt8(ascii: "."))
        Self.appendSigned(micros, width: 6, to: &out)
        out.append(UInt8(ascii: " "))
        Self.appendHex4(e.type, to: &out)
        out.append(UInt8(ascii: " "))
        Self.appendHex4(e.code, to: &out)
        out.append(UInt8(ascii: " "))
        Self.appendSigned(Int64(e.value), width: 4, to: &out)
        out.append(UInt8(ascii: "\t"))
        if e.type == EventCode.evSyn {
            if e.code == EventCode.synMTReport {
                out.append(contentsOf: "# ++++++++++++ ".utf8)
                out.append(contentsOf: Self.codeName(e.type, e.code).utf8)
                out.append(contentsOf: " (".utf8)
                Self.appendSigned(Int64(e.value), width: 0, to: &out)
                out.append(contentsOf: ") ++++++++++\n".utf8)
            } else {
                let ms = seconds * 1000 + micros / 1000
                let dt = ms - lastMillis
                lastMillis = ms
                out.append(contentsOf: "# ------------ ".utf8)
                out.append(contentsOf: Self.codeName(e.type, e.code).utf8)
                out.append(contentsOf: " (".utf8)
                Self.appendSigned(Int64(e.value), width: 0, to: &out)
                out.append(contentsOf: ") ---------- ".utf8)
                if dt >= 0 { out.append(UInt8(ascii: "+")) }
                Self.appendSigned(dt, width: 0, to: &out)
                out.append(contentsOf: "ms\n".utf8)
            }
        } else {
            out.append(contentsOf: "# ".utf8)
            out.append(contentsOf: Self.typeName(e.type).utf8)
            out.append(contentsOf: " / ".utf8)
            let code = Self.codeName(e.type, e.code)
            out.append(contentsOf: code.utf8)
            // Padded to 20 characters as `line(for:)` does (the names are ASCII: a character a byte).
            let count = code.count
            if count < 20 { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 20 - count)) }
            out.append(UInt8(ascii: " "))
            Self.appendSigned(Int64(e.value), width: 0, to: &out)
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// printf's `%0Nd` for a value that is not negative (`width` 0: no padding).
    static func appendDecimal(_ value: UInt64, width: Int, to out: inout [UInt8]) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: UInt64.max has 20 digits
        withUnsafeMutableBytes(of: &buffer) { b in
            var v = value
            var i = b.count
            repeat {
                i -= 1
                b[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
                v /= 10
            } while v != 0
            let length = b.count - i
            if length < width { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - length)) }
            out.append(contentsOf: b[i...])
        }
    }

    /// printf's `%0Nd`: the sign, then zeros to `width` characters in all, then the digits.
    static func appendSigned(_ value: Int64, width: Int, to out: inout [UInt8]) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            appendDecimal(value.magnitude, width: width - 1, to: &out)
        } else {
            appendDecimal(UInt64(value), width: width, to: &out)
        }
    }

    /// `hex4`: four lower-case hex digits (a UInt16 never needs more).
    static func appendHex4(_ value: UInt16, to out: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        digits.withUTF8Buffer { d in
            out.append(d[Int(value >> 12)])
            out.append(d[Int(value >> 8 & 0xf)])
            out.append(d[Int(value >> 4 & 0xf)])
            out.append(d[Int(value & 0xf)])
        }
    }
}
