/// Reads an evemu recording (format 1.0–1.3, as evemu-record and libevemu write it):
/// the device description first, then events one at a time, the file read in chunks
/// (`ChunkedLineReader`): memory does not grow with the file.
///
/// Stricter than libevemu where libevemu would silently read garbage: every problem is an
/// `InputError` of kind `.malformed` carrying the file and 1-based line.
public struct EvemuReader {
    /// File format version from the `# EVEMU major.minor` first line (1.0 when absent).
    public let formatVersion: (major: Int, minor: Int)
    public let description: DeviceDescription
    public let path: String

    private let lines: ChunkedLineReader
    /// Byte offset and line number (of the line before) where the events start: a reader made
    /// from them (`init(source:path:description:formatVersion:eventStart:)`) does not parse the description again.
    let eventStart: (offset: Int, line: Int)
    /// 1-based number of the line last read.
    public var line: Int { lines.lineNumber }

    /// Parses the description; events are read afterwards with `nextEvent()`.
    public init(bytes: [UInt8], path: String) throws(InputError) {
        try self.init(source: .bytes(bytes), path: path)
    }

    /// Reads `source` from its first event, the description parsed before (`eventStart`).
    init(source: RecordingSource, path: String, description: DeviceDescription,
         formatVersion: (major: Int, minor: Int), eventStart: (offset: Int, line: Int)) throws(InputError) {
        self.path = path
        self.formatVersion = formatVersion
        self.description = description
        self.eventStart = eventStart
        lines = try ChunkedLineReader(source, path: path, offset: eventStart.offset, line: eventStart.line)
    }

    package init(source: RecordingSource, path: String) throws(InputError) {
        self.path = path
        let lines = try ChunkedLineReader(source, path: path)
        self.lines = lines
        var version = (major: 1, minor: 0)
        var sawFirstLine = false
        var header = HeaderBuilder()
        var desc: DeviceDescription?
        var eventStart: (offset: Int, line: Int)?

        func fail(_ line: Int, _ message: String, fix: String? = nil) -> InputError {
            InputError(.malformed, path: path, line: line, message, fix: fix)
        }

        while let raw = try lines.next() {
            if raw.isEmpty { continue }
            let number = lines.lineNumber
            let text = Array(raw)[...]
            if !sawFirstLine {
                sawFirstLine = true
                if let v = Self.parseVersionLine(text) {
                    version = v
                    if v.major != 1 || v.minor > 3 {
                        throw fail(number, "unsupported evemu format version \(v.major).\(v.minor)",
                                   fix: "formcheck reads evemu formats 1.0 to 1.3; re-record with evemu-record or formcheck record")
                    }
                    continue
                }
            }
            if text.first == UInt8(ascii: "#") {
                if desc == nil { header.noteComment(text) }
                continue
            }
            let tag = Self.tag(of: text)
            switch tag {
            case "N":
                guard desc == nil, header.name == nil else {
                    throw fail(number, "a second device name (N:) line", fix: "a recording describes one device; split the file")
                }
                let name = Self.trimmed(text.dropFirst(2))
                guard !name.isEmpty else {
                    throw fail(number, "empty device name on the N: line", fix: "write the device's name after 'N: '")
                }
                header.name = String(decoding: name, as: UTF8.self)
                header.nameLine = number
            case "I":
                guard let nameLine = header.nameLine, header.id == nil else {
                    throw fail(number, header.id == nil ? "I: line before the device name (N:)" : "a second I: line",
                               fix: "the description starts with 'N: <name>' then 'I: <bus> <vendor> <product> <version>'")
                }
                _ = nameLine
                let fields = Self.fields(text.dropFirst(2))
                guard fields.count == 4, let ids = Self.hexValues(fields, maxDigits: 4) else {
                    throw fail(number, "expected 'I: bus vendor product version' as four hex numbers of up to 4 digits")
                }
                header.id = ids.map { UInt16($0) }
            case "P", "B", "A", "L", "S":
                guard header.id != nil else {
                    throw fail(number, "\(tag): line before the N: and I: lines",
                               fix: "the description starts with 'N: <name>' then 'I: <bus> <vendor> <product> <version>'")
                }
                guard eventStart == nil else {
                    throw fail(number, "\(tag): line after the first event", fix: "move the description lines above the E: lines")
                }
                try header.parse(tag: tag, fields: Self.fields(text.dropFirst(2)), version: version, line: number, path: path)
            case "E":
                guard header.id != nil else {
                    throw fail(number, "event before the device description",
                               fix: "an evemu file starts with the device description (N:, I:, P:, B:, A: lines); record with evemu-record or formcheck record")
                }
                // nextEvent() reads this line again.
                lines.unread()
                eventStart = (lines.offset, number - 1)
            default:
                throw fail(number, "unexpected line '\(Self.preview(text))'",
                           fix: "lines are comments (#) or start with N:, I:, P:, B:, A:, L:, S: or E:")
            }
            if eventStart != nil { break }
        }
        guard header.name != nil else {
            throw fail(max(lines.lineNumber, 1), lines.offset == 0 ? "empty file" : "no device description (N: line) found",
                       fix: "is this an evemu recording? Record one with 'formcheck record' or evemu-record")
        }
        guard header.id != nil else {
            throw fail(max(lines.lineNumber, 1), "the device description has no I: line after N:",
                       fix: "add 'I: <bus> <vendor> <product> <version>' (hex) after the N: line")
        }
        desc = header.build()
        self.description = desc!
        self.formatVersion = version
        self.eventStart = eventStart ?? (lines.offset, lines.lineNumber)
    }

    /// The next event, or nil at the end of the file. Comment and blank lines are skipped.
    public mutating func nextEvent() throws(InputError) -> InputEvent? {
        while let text = try lines.next() {
            if text.isEmpty || text[0] == UInt8(ascii: "#") { continue }
            return try parseEvent(text)
        }
        return nil
    }

    private func parseEvent(_ bytes: UnsafeBufferPointer<UInt8>) throws(InputError) -> InputEvent {
        let start = 0, end = bytes.count
        var p = start
        func fail(_ message: String) -> InputError {
            InputError(.malformed, path: path, line: line, message,
                       fix: "event lines read 'E: <seconds>.<microseconds> <type hex> <code hex> <value>'")
        }
        guard end - start >= 2, bytes[p] == UInt8(ascii: "E"), bytes[p + 1] == UInt8(ascii: ":") else {
            let text = Array(bytes)[...]
            let tag = Self.tag(of: text)
            if ["N", "I", "P", "B", "A", "L", "S"].contains(tag) {
                throw InputError(.malformed, path: path, line: line, "\(tag): line after the first event",
                                 fix: "move the description lines above the E: lines")
            }
            throw InputError(.malformed, path: path, line: line, "unexpected line '\(Self.preview(text))'",
                             fix: "after the description, lines are events (E:) or comments (#)")
        }
        p += 2
        skipSpaces(bytes, &p, end)
        // Seconds: decimal digits.
        var seconds: Int64 = 0
        let secStart = p
        while p < end, let d = digit(bytes[p]) {
            guard seconds < 100_000_000_000 else { throw fail("event time is too large") }
            seconds = seconds * 10 + Int64(d)
            p += 1
        }
        guard p > secStart else { throw fail("missing event time") }
        guard p < end, bytes[p] == UInt8(ascii: ".") else { throw fail("event time has no '.microseconds' part") }
        p += 1
        // Microseconds: up to six digits, read as an integer the way libevemu's %06u does.
        var micros: Int64 = 0
        let usStart = p
        while p < end, let d = digit(bytes[p]) {
            guard p - usStart < 6 else { throw fail("event time has more than six digits after the '.'") }
            micros = micros * 10 + Int64(d)
            p += 1
        }
        guard p > usStart else { throw fail("event time has no microseconds after the '.'") }
        guard p == end || bytes[p] == 0x20 || bytes[p] == 0x09 else { throw fail("unexpected text after the event time") }
        skipSpaces(bytes, &p, end)
        guard p < end else { throw fail("the event line ends after the time: no type, code or value") }
        guard let type = hexField(bytes, &p, end) else { throw fail("event type must be a hex number of up to four digits") }
        skipSpaces(bytes, &p, end)
        guard p < end else { throw fail("the event line ends after the type: no code or value") }
        guard let code = hexField(bytes, &p, end) else { throw fail("event code must be a hex number of up to four digits") }
        skipSpaces(bytes, &p, end)
        guard p < end else { throw fail("the event line ends after the code: no value") }
        var negative = false
        if p < end, bytes[p] == UInt8(ascii: "-") || bytes[p] == UInt8(ascii: "+") {
            negative = bytes[p] == UInt8(ascii: "-")
            p += 1
        }
        var magnitude: Int64 = 0
        let valueStart = p
        while p < end, let d = digit(bytes[p]) {
            magnitude = magnitude * 10 + Int64(d)
            guard magnitude <= 2_147_483_648 else { throw fail("event value is out of the 32-bit range") }
            p += 1
        }
        guard p > valueStart else { throw fail("missing or non-numeric event value") }
        let value = negative ? -magnitude : magnitude
        guard value <= Int64(Int32.max) else { throw fail("event value is out of the 32-bit range") }
        // Only white space or a comment may follow.
        skipSpaces(bytes, &p, end)
        guard p == end || bytes[p] == UInt8(ascii: "#") else {
            throw fail("unexpected text after the event value")
        }
        guard type <= Int(EventCode.evMax) else {
            throw InputError(.malformed, path: path, line: line, "unknown event type 0x\(String(type, radix: 16))",
                             fix: "the kernel's event types go up to 0x1f (EV_MAX); is this line corrupted?")
        }
        return InputEvent(time: seconds * 1_000_000 + micros, type: UInt16(type), code: UInt16(code), value: Int32(value))
    }

    @inline(__always) private func digit(_ b: UInt8) -> Int? {
        b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil
    }

    @inline(__always) private func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ p: inout Int, _ end: Int) {
        while p < end && (bytes[p] == 0x20 || bytes[p] == 0x09) { p += 1 }
    }

    /// One to four hex digits ending at a space, a tab or the end of the line.
    private func hexField(_ bytes: UnsafeBufferPointer<UInt8>, _ p: inout Int, _ end: Int) -> Int? {
        var v = 0
        let s = p
        while p < end, let h = hexDigit(bytes[p]) {
            guard p - s < 4 else { return nil }
            v = v * 16 + h
            p += 1
        }
        guard p > s, p == end || bytes[p] == 0x20 || bytes[p] == 0x09 else { return nil }
        return v
    }
}

extension EvemuReader {
    /// Reads every remaining event (tests and small files; replay streams with `nextEvent()`).
    public mutating func allEvents() throws(InputError) -> [InputEvent] {
        var events: [InputEvent] = []
        while let e = try nextEvent() { events.append(e) }
        return events
    }

    static func parseVersionLine(_ text: ArraySlice<UInt8>) -> (major: Int, minor: Int)? {
        // "# EVEMU <major>.<minor>"
        let prefix = Array("# EVEMU ".utf8)
        guard text.count > prefix.count, text.starts(with: prefix) else { return nil }
        let rest = String(decoding: text.dropFirst(prefix.count), as: UTF8.self)
        let parts = rest.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let major = Int(parts[0]),
              let minor = Int(parts[1].prefix { $0.isNumber }) else { return nil }
        return (major, minor)
    }

    static func tag(of text: ArraySlice<UInt8>) -> String {
        guard text.count >= 2, text[text.startIndex + 1] == UInt8(ascii: ":") else { return "?" }
        return String(decoding: text.prefix(1), as: UTF8.self)
    }

    static func trimmed(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = text
        while let f = s.first, f == 0x20 || f == 0x09 { s = s.dropFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 || l == 0x0D { s = s.dropLast() }
        return s
    }

    static func fields(_ text: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var body = text
        if let hash = body.firstIndex(of: UInt8(ascii: "#")) { body = body[..<hash] }
        return body.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
    }

    static func hexValues(_ fields: [ArraySlice<UInt8>], maxDigits: Int) -> [Int]? {
        var out: [Int] = []
        for f in fields {
            guard !f.isEmpty, f.count <= maxDigits else { return nil }
            var v = 0
            for b in f {
                guard let h = hexDigit(b) else { return nil }
                v = v * 16 + h
            }
            out.append(v)
        }
        return out
    }

    static func decimalValues(_ fields: [ArraySlice<UInt8>]) -> [Int32]? {
        var out: [Int32] = []
        for f in fields {
            guard let v = Int32(String(decoding: f, as: UTF8.self)) else { return nil }
            out.append(v)
        }
        return out
    }

    /// The start of `text` for a message: invalid UTF-8 as U+FFFD, control characters as \xNN.
    static func preview(_ text: ArraySlice<UInt8>, limit: Int = 40) -> String {
        var s = ""
        for c in String(decoding: text.prefix(limit), as: UTF8.self).unicodeScalars {
            if c.value < 0x20 && c != "\t" || c.value == 0x7F {
                let h = String(c.value, radix: 16, uppercase: true)
                s += "\\x" + (h.count < 2 ? "0" + h : h)
            } else {
                s.unicodeScalars.append(c)
            }
        }
        return text.count > limit ? s + "…" : s
    }
}

@inline(__always) func hexDigit(_ b: UInt8) -> Int? {
    switch b {
    case 0x30...0x39: Int(b - 0x30)
    case 0x61...0x66: Int(b - 0x61 + 10)
    case 0x41...0x46: Int(b - 0x41 + 10)
    default: nil
    }
}

/// Splits a byte buffer into lines (LF, with an optional CR before it), numbering them from 1.
struct LineCursor {
    let bytes: [UInt8]
    var offset = 0
    var lineNumber = 0

    mutating func next() -> (start: Int, end: Int, number: Int)? {
        guard offset < bytes.count else { return nil }
        let start = offset
        var stop = start
        while stop < bytes.count && bytes[stop] != 0x0A { stop += 1 }
        offset = stop + 1
        lineNumber += 1
        var end = stop
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return (start, end, lineNumber)
    }
}
