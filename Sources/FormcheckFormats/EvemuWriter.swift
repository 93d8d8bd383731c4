/// Writes evemu 1.3 text byte for byte as libevemu's `evemu_write` and `evemu_write_event`
/// do, so evemu-play, evemu-device and libevemu read formcheck's recordings unchanged.
public struct EvemuWriter: Sendable {
    /// Milliseconds of the last SYN event written: the `+Nms` note on SYN lines counts from it.
    var lastMillis: Int64 = 0

    public init() {}

    /// The description block: header comments, then N:, I:, P:, B:, A:, L:, S: lines.
    /// - Parameters:
    ///   - kernelRelease: written as `# Kernel:` (evemu writes `uname -r`); nil leaves the line out.
    ///   - dmi: the machine's DMI modalias line, as evemu writes it when readable (written only
    ///     with a kernel release). This machine's two: FormcheckDevices' `header(for:)`.
    public static func header(for d: DeviceDescription, kernelRelease: String?, dmi: String? = nil) -> String {
        var out = "# EVEMU 1.3\n"
        if let kernelRelease {
            out += "# Kernel: \(kernelRelease)\n"
            if let dmi { out += "# DMI: \(dmi)" }
        }
        out += "# Input device name: \"\(d.name)\"\n"
        out += "# Input device ID: bus \(altHex(d.bustype)) vendor \(altHex(d.vendor)) product \(altHex(d.product)) version \(altHex(d.version))\n"
        if d.hasCode(EventCode.absX, ofType: EventCode.evAbs), d.hasCode(EventCode.absY, ofType: EventCode.evAbs) {
            let x = d.absInfo[EventCode.absX] ?? AbsInfo(minimum: 0, maximum: 1)
            let y = d.absInfo[EventCode.absY] ?? AbsInfo(minimum: 0, maximum: 1)
            let w = x.resolution != 0 ? (Int64(x.maximum) - Int64(x.minimum)) / Int64(x.resolution) : 0
            let h = y.resolution != 0 ? (Int64(y.maximum) - Int64(y.minimum)) / Int64(y.resolution) : 0
            if w != 0 && h != 0 { out += "# Size in mm: \(w)x\(h)\n" }
        }
        out += "# Supported events:\n"
        for type in 0...EventCode.evMax {
            let codes: [UInt16]
            if type == EventCode.evSyn {
                codes = Array(0...0x0f)
            } else {
                guard let set = d.codes[type], !set.isEmpty else { continue }
                codes = set.sorted()
            }
            out += "#   Event type \(type) (\(typeName(type)))\n"
            for code in codes {
                out += "#     Event code \(code) (\(codeName(type, code)))\n"
                if type == EventCode.evAbs {
                    let a = d.absInfo[code] ?? AbsInfo(minimum: 0, maximum: 1)
                    out += "#       Value   \(pad(a.value, 6))\n"
                    out += "#       Min     \(pad(a.minimum, 6))\n"
                    out += "#       Max     \(pad(a.maximum, 6))\n"
                    out += "#       Fuzz    \(pad(a.fuzz, 6))\n"
                    out += "#       Flat    \(pad(a.flat, 6))\n"
                    out += "#       Resolution \(pad(a.resolution, 3))\n"
                } else if type == EventCode.evLed {
                    out += "#        State \(d.leds[code] ?? 0)\n"
                } else if type == EventCode.evSw {
                    out += "#        State \(d.switches[code] ?? 0)\n"
                }
            }
        }
        out += "# Properties:\n"
        for p in d.properties.sorted() where p < 0x20 {
            out += "#   Property  type \(p) (\(propertyName(p)))\n"
        }
        out += "N: \(d.name)\n"
        out += "I: \(hex4(d.bustype)) \(hex4(d.vendor)) \(hex4(d.product)) \(hex4(d.version))\n"
        var prop = [UInt8](repeating: 0, count: 8)
        for p in d.properties where p < 0x20 { prop[p / 8] |= 1 << UInt8(p % 8) }
        out += "P: " + prop.map(hex2).joined(separator: " ") + "\n"
        out += "B: 00 0b 00 00 00 00 00 00 00\n"
        for type in 1...EventCode.evMax {
            guard let maxCode = EventCode.maxCode(ofType: type) else { continue }
            let byteCount = (Int(maxCode) + 1 + 7) / 8
            var mask = [UInt8](repeating: 0, count: (byteCount + 7) / 8 * 8)
            for code in d.codes[type] ?? [] where code <= maxCode { mask[Int(code) / 8] |= 1 << UInt8(code % 8) }
            for i in stride(from: 0, to: byteCount, by: 8) {
                out += "B: \(hex2(UInt8(type))) " + mask[i..<i + 8].map(hex2).joined(separator: " ") + "\n"
            }
        }
        for code in (d.codes[EventCode.evAbs] ?? []).sorted() {
            let a = d.absInfo[code] ?? AbsInfo(minimum: 0, maximum: 1)
            out += "A: \(hex2(UInt8(truncatingIfNeeded: code))) \(a.minimum) \(a.maximum) \(a.fuzz) \(a.flat) \(a.resolution)\n"
        }
        for code in (d.codes[EventCode.evLed] ?? []).sorted() {
            if let s = d.leds[code], s != 0 { out += "L: \(hex2(UInt8(truncatingIfNeeded: code))) \(s)\n" }
        }
        for code in (d.codes[EventCode.evSw] ?? []).sorted() {
            if let s = d.switches[code], s != 0 { out += "S: \(hex2(UInt8(truncatingIfNeeded: code))) \(s)\n" }
        }
        return out
    }

    /// One `E:` line with evemu's trailing description comment.
    public mutating func line(for e: InputEvent) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(96)
        append(e, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A name from `EventNames`, or "(null)" where there is none — what glibc's printf writes for
    /// libevdev's NULL, so the comments stay those of libevemu.
    static func typeName(_ type: UInt16) -> String {
        EventNames.typeName(type) ?? "(null)"
    }

    static func codeName(_ type: UInt16, _ code: UInt16) -> String {
        EventNames.codeName(type: type, code: code) ?? "(null)"
    }

    static func propertyName(_ p: Int) -> String {
        EventNames.propertyName(p) ?? "(null)"
    }
}

/// printf's `%#04x`: "0x" and the hex digits, zero-padded to four characters; zero is "0000".
func altHex<T: BinaryInteger>(_ v: T) -> String {
    if v == 0 { return "0000" }
    let s = "0x" + String(v, radix: 16)
    return s.count >= 4 ? s : "0x" + String(repeating: "0", count: 4 - s.count) + String(v, radix: 16)
}

func hex2(_ v: UInt8) -> String {
    v < 16 ? "0" + String(v, radix: 16) : String(v, radix: 16)
}

/// printf's `%Nd` (space padded) or `%0Nd` (zero padded after the sign).
func pad<T: BinaryInteger>(_ v: T, _ width: Int, zero: Bool = false) -> String {
    let digits = String(v.magnitude)
    let sign = v < 0 ? "-" : ""
    let length = sign.count + digits.count
    guard length < width else { return sign + digits }
    return zero ? sign + String(repeating: "0", count: width - length) + digits
        : String(repeating: " ", count: width - length) + sign + digits
}

extension EvemuWriter {
    /// A whole recording as evemu text: the description, then one line per event (`kernelRelease`,
    /// `dmi`: as `header(for:kernelRelease:dmi:)`).
    public static func text(for d: DeviceDescription, events: [InputEvent], kernelRelease: String?, dmi: String? = nil) -> String {
        var writer = EvemuWriter()
        var out = Array(header(for: d, kernelRelease: kernelRelease, dmi: dmi).utf8)
        out.reserveCapacity(out.count + events.count * 72)
        for e in events { writer.append(e, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
