/// Accumulates the description lines of an evemu file the way libevemu does: each `P:` line
/// adds 8 property bytes, each `B: <type>` line the next 8 code bytes of that type, and `A:`
/// lines give ranges of the ABS codes the `B:` lines enabled.
struct HeaderBuilder {
    var name: String?
    var nameLine: Int?
    var id: [UInt16]?
    private var propertyBytes = 0
    private var properties = Set<Int>()
    private var maskBytes: [UInt16: Int] = [:]
    private var codes: [UInt16: Set<UInt16>] = [:]
    private var absInfo: [UInt16: AbsInfo] = [:]
    private var leds: [UInt16: Int32] = [:]
    private var switches: [UInt16: Int32] = [:]
    /// Axis values from evemu's descriptive comments (`#       Value   8193`), which
    /// evemu-record takes from the device when recording starts.
    private var commentValues: [UInt16: Int32] = [:]
    private var commentType: Int?
    private var commentCode: Int?

    mutating func parse(tag: String, fields: [ArraySlice<UInt8>], version: (major: Int, minor: Int), line: Int, path: String) throws(InputError) {
        func fail(_ message: String, fix: String? = nil) -> InputError {
            InputError(.malformed, path: path, line: line, message, fix: fix)
        }
        switch tag {
        case "P":
            guard fields.count == 8, let mask = EvemuReader.hexValues(fields, maxDigits: 2) else {
                throw fail("expected 'P:' followed by 8 hex bytes (the property bitmask)")
            }
            for (i, byte) in mask.enumerated() {
                for bit in 0..<8 where byte & (1 << bit) != 0 {
                    properties.insert((propertyBytes + i) * 8 + bit)
                }
            }
            propertyBytes += 8
        case "B":
            guard fields.count == 9, let values = EvemuReader.hexValues(fields, maxDigits: 2) else {
                throw fail("expected 'B:' followed by the event type and 8 hex bytes (its code bitmask)")
            }
            let type = UInt16(values[0])
            guard type <= EventCode.evMax else {
                throw fail("unknown event type 0x\(String(type, radix: 16)) on a B: line",
                           fix: "event types go up to 0x1f (EV_MAX)")
            }
            let base = maskBytes[type, default: 0]
            for (i, byte) in values.dropFirst().enumerated() {
                for bit in 0..<8 where byte & (1 << bit) != 0 {
                    let code = (base + i) * 8 + bit
                    if let maxCode = EventCode.maxCode(ofType: type), code <= Int(maxCode) {
                        codes[type, default: []].insert(UInt16(code))
                        if type == EventCode.evAbs && absInfo[UInt16(code)] == nil {
                            // libevemu enables an ABS code with the range 0…1 until an A: line says more.
                            absInfo[UInt16(code)] = AbsInfo(minimum: 0, maximum: 1)
                        }
                    }
                }
            }
            maskBytes[type] = base + 8
        case "A":
            let needed = (version.major, version.minor) > (1, 1) ? 6 : 5
            guard fields.count == needed || (needed == 5 && fields.count == 6),
                  let index = EvemuReader.hexValues([fields[0]], maxDigits: 2)?.first,
                  let numbers = EvemuReader.decimalValues(Array(fields.dropFirst()))
            else {
                throw fail(
                    "expected 'A: <code hex> <min> <max> <fuzz> <flat>\(needed == 6 ? " <resolution>" : "")' (format \(version.major).\(version.minor))",
                    fix: needed == 6 ? "evemu 1.2 and later give six fields; a 1.1 file needs '# EVEMU 1.1' as its first line" : nil)
            }
            let code = UInt16(index)
            guard index <= Int(EventCode.maxCode(ofType: EventCode.evAbs)!) else {
                throw fail("ABS code 0x\(String(index, radix: 16)) is beyond ABS_MAX (0x3f)")
            }
            guard numbers[0] <= numbers[1] else {
                throw fail("ABS code 0x\(String(index, radix: 16)): minimum \(numbers[0]) is above maximum \(numbers[1])")
            }
            // Like libevemu, ranges of codes the B: lines did not enable are ignored.
            if codes[EventCode.evAbs]?.contains(code) == true {
                absInfo[code] = AbsInfo(
                    value: commentValues[code] ?? 0,
                    minimum: numbers[0], maximum: numbers[1], fuzz: numbers[2], flat: numbers[3],
                    resolution: numbers.count > 4 ? numbers[4] : 0)
            }
        case "L", "S":
            guard fields.count == 2, let index = EvemuReader.hexValues([fields[0]], maxDigits: 2)?.first,
                  let state = EvemuReader.decimalValues([fields[1]])?.first
            else {
                throw fail("expected '\(tag): <code hex> <state>'")
            }
            if tag == "L" { leds[UInt16(index)] = state } else { switches[UInt16(index)] = state }
        default:
            throw fail("unexpected \(tag): line")
        }
    }

    /// Picks the current axis values out of evemu's human-readable comment block.
    mutating func noteComment(_ text: ArraySlice<UInt8>) {
        let s = String(decoding: text, as: UTF8.self)
        if s.hasPrefix("#   Event type ") {
            commentType = Int(s.dropFirst(15).prefix { $0.isNumber })
            commentCode = nil
        } else if s.hasPrefix("#     Event code ") {
            commentCode = Int(s.dropFirst(17).prefix { $0.isNumber })
        } else if s.hasPrefix("#       Value"), commentType == Int(EventCode.evAbs), let code = commentCode.flatMap(UInt16.init(exactly:)),
                  let value = Int32(s.dropFirst(13).trimmingSpaces) {
            commentValues[code] = value
        }
    }

    func build() -> DeviceDescription {
        var info = absInfo
        for (code, value) in commentValues where info[code] != nil { info[code]!.value = value }
        let ids = id ?? [0, 0, 0, 0]
        return DeviceDescription(
            name: name ?? "", bustype: ids[0], vendor: ids[1], product: ids[2], version: ids[3],
            properties: properties, codes: codes, absInfo: info, leds: leds, switches: switches)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" || s.last == "\r" { s = s.dropLast() }
        return s
    }
}
