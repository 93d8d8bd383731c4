import Foundation
import MotionCore

/// A session read from two sensors at once — one on each thigh — as files: one evemu recording per
/// device and this small JSON file that ties them (`formcheck record`, `live --record` and
/// `routine --record` with two devices write it; `formcheck replay SESSION.json` replays the pair;
/// the simulator writes one for a pair scenario):
///
/// ```json
/// {
///   "formcheckSession" : 1,
///   "recordings" : [
///     { "device" : "Nintendo Switch Left Joy-Con IMU", "file" : "s.left.evemu", "side" : "left",
///       "start" : 5123456789, "uniq" : "98:B6:E9:00:00:11" },
///     { "device" : "Nintendo Switch Right Joy-Con IMU", "file" : "s.right.evemu", "side" : "right",
///       "start" : 5123461240, "uniq" : "98:B6:E9:00:00:22" }
///   ]
/// }
/// ```
///
/// An evemu recording's times start at 0.000001 s (as evemu-record's do); `start` is the kernel
/// time (CLOCK_MONOTONIC, microseconds, the clock of every evdev event) of its first event, so a
/// replay puts each file's events back on the clock they were read on and the two sensors line up
/// as they did live. `file` is relative to the session file's folder (or absolute); `uniq` may be
/// null (a node without one); `start` is null for a recording that never got an event. Every key
/// is required, no other is allowed, and there is exactly one recording per thigh. The top level
/// may also say how the sides were chosen, `"sides" : "named"` (`--left`/`--right`, a Joy-Con L
/// and R by their hands: kept) or `"given"` (in the order given, nothing telling them apart: a
/// replay tells them from the movement, as live did); without it (files written before it, the
/// simulator's) a replay takes a Joy-Con L and R as named, anything else as given.
public struct SessionFile: Sendable, Hashable {
    /// One recording of the session.
    public struct Entry: Sendable, Hashable, Codable {
        /// The thigh the sensor was on.
        public var side: Side
        /// The evemu file, relative to the session file's folder (or absolute).
        public var file: String
        /// The device's name, as the recording's header has it.
        public var device: String
        /// The device's uniq (Bluetooth address), if it has one.
        public var uniq: String?
        /// Kernel time of the recording's first event, microseconds (nil: no event was recorded).
        public var start: Int64?

        public init(side: Side, file: String, device: String, uniq: String?, start: Int64?) {
            self.side = side
            self.file = file
            self.device = device
            self.uniq = uniq
            self.start = start
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case side, file, device, uniq, start
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            side = try c.decode(Side.self, forKey: .side)
            file = try c.decode(String.self, forKey: .file)
            device = try c.decode(String.self, forKey: .device)
            // Present, but may be null.
            _ = try c.decodeNil(forKey: .uniq)
            uniq = try c.decodeIfPresent(String.self, forKey: .uniq)
            _ = try c.decodeNil(forKey: .start)
            start = try c.decodeIfPresent(Int64.self, forKey: .start)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(side, forKey: .side)
            try c.encode(file, forKey: .file)
            try c.encode(device, forKey: .device)
            try c.encode(uniq, forKey: .uniq)
            try c.encode(start, forKey: .start)
        }
    }

    /// How the recordings' sides were chosen (the `sides` key).
    public enum Sides: String, Sendable, Hashable, Codable, CaseIterable {
        /// Named for their thighs (`--left`/`--right`, a Joy-Con L and R): kept.
        case named
        /// As given, nothing telling them apart: told from the movement when coached.
        case given
    }

    /// The format's version (the `formcheckSession` key): 1.
    public static let version = 1

    public var recordings: [Entry]
    /// How the sides were chosen (nil: not said).
    public var sides: Sides?

    public init(recordings: [Entry], sides: Sides? = nil) {
        self.recordings = recordings
        self.sides = sides
    }

    /// The recording of `side`'s thigh.
    public func entry(_ side: Side) -> Entry? {
        recordings.first { $0.side == side }
    }

    /// Where `entry`'s file is, for a session file at `sessionPath`.
    public static func path(of entry: Entry, besides sessionPath: String) -> String {
        if entry.file.hasPrefix("/") { return entry.file }
        let folder = (sessionPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? entry.file : folder + "/" + entry.file
    }

    /// The file names a session at `sessionPath` gives its recordings: `NAME.left.evemu` and
    /// `NAME.right.evemu` beside `NAME.json`.
    public static func recordingPath(_ side: Side, sessionPath: String) -> String {
        let base = sessionPath.hasSuffix(".json") ? String(sessionPath.dropLast(5)) : sessionPath
        return base + "." + side.rawValue + ".evemu"
    }

    /// True when `path` names a session file rather than a recording (it ends in .json).
    public static func isSessionPath(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".json")
    }

    // MARK: - Reading

    /// A session file from its bytes; `path` names it in errors (a file: FormcheckDevices'
    /// `SessionFile.load`).
    public static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> SessionFile {
        let text = String(decoding: bytes, as: UTF8.self)
        let fix = "a session file is what 'formcheck record DEVICE DEVICE -o NAME.json' writes; see README \"Recordings\""
        /// `key`'s line: its `entry`-th occurrence (each recording has each key once), or its first.
        func malformed(_ message: String, key: String? = nil, entry: Int = 0) -> InputError {
            InputError(.malformed, path: path, line: key.flatMap { line(ofKey: $0, occurrence: entry, in: text) } ?? 1, message, fix: fix)
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw malformed("not JSON: \((error as NSError).userInfo["NSDebugDescription"] as? String ?? "cannot parse it")")
        }
        guard let top = object as? [String: Any] else { throw malformed("a session file is a JSON object") }
        for key in top.keys.sorted() where key != "formcheckSession" && key != "recordings" && key != "sides" {
            throw malformed("\(key): unknown key; the keys here are formcheckSession, recordings, sides", key: key)
        }
        var sides: Sides?
        if let given = top["sides"] {
            guard let name = given as? String, let s = Sides(rawValue: name) else {
                throw malformed("sides: \(given) is not \"named\" or \"given\" (how the recordings' sides were chosen)", key: "sides")
            }
            sides = s
        }
        guard let version = top["formcheckSession"] else { throw malformed("missing key \"formcheckSession\" (the format's version, 1)") }
        struct Version: Decodable {
            var formcheckSession: Int
        }
        guard (try? JSONDecoder().decode(Version.self, from: Data(bytes)).formcheckSession) == Self.version else {
            throw malformed("formcheckSession: version \(version) is not one this formcheck reads (1)", key: "formcheckSession")
        }
        guard let list = top["recordings"] as? [Any] else { throw malformed("missing key \"recordings\" (a list of two recordings)", key: "recordings") }
        let allowed = Entry.CodingKeys.allCases.map(\.rawValue)
        for (i, item) in list.enumerated() {
            guard let entry = item as? [String: Any] else { throw malformed("recordings: each recording is an object", key: "recordings") }
            for key in entry.keys.sorted() where !allowed.contains(key) {
                throw malformed("\(key): unknown key in a recording; its keys are \(allowed.joined(separator: ", "))", key: key)
            }
            for key in allowed where entry[key] == nil {
                throw malformed("missing key \"\(key)\" in a recording (\(key == "uniq" || key == "start" ? "null when there is none" : "required"))",
                                key: "recordings")
            }
            if let start = entry["start"], !(start is NSNull) {
                guard let n = start as? NSNumber, let d = Double(exactly: n.doubleValue), d.rounded() == d, abs(d) < 9e15 else {
                    throw malformed("start: \(start) is not a whole number of microseconds (or null)", key: "start", entry: i)
                }
            }
        }
        struct Top: Decodable {
            var recordings: [Entry]
        }
        let entries: [Entry]
        do {
            entries = try JSONDecoder().decode(Top.self, from: Data(bytes)).recordings
        } catch let DecodingError.dataCorrupted(c), let DecodingError.typeMismatch(_, c), let DecodingError.valueNotFound(_, c),
                let DecodingError.keyNotFound(_, c) {
            let key = c.codingPath.last { $0.intValue == nil }?.stringValue
            let entry = c.codingPath.compactMap(\.intValue).first ?? 0
            throw malformed((key.map { $0 + ": " } ?? "") + c.debugDescription, key: key, entry: entry)
        } catch {
            throw malformed("\(error)")
        }
        guard entries.count == 2, Set(entries.map(\.side)) == [.left, .right] else {
            throw malformed("recordings: a session has one recording per thigh, a left and a right (\(entries.count) given: "
                            + entries.map(\.side.rawValue).joined(separator: ", ") + ")", key: "recordings")
        }
        for (i, e) in entries.enumerated() {
            if e.file.isEmpty { throw malformed("file: empty; name the recording's evemu file", key: "file", entry: i) }
            if let s = e.start, s < 0 { throw malformed("start: \(s) µs is before the kernel clock's 0", key: "start", entry: i) }
        }
        return SessionFile(recordings: entries, sides: sides)
    }

    /// The 1-based line of the `occurrence`-th (from 0) `"key"` in `text` (nil when it is not there).
    static func line(ofKey key: String, occurrence: Int = 0, in text: String) -> Int? {
        var rest = text[...]
        var found: Range<String.Index>?
        for _ in 0...occurrence {
            guard let r = rest.range(of: "\"" + key + "\"") else { break }
            found = r
            rest = text[r.upperBound...]
        }
        guard let found else { return nil }
        return text[..<found.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    // MARK: - Writing

    /// The file's text: pretty, keys sorted, a newline at the end.
    public var text: String {
        struct File: Encodable {
            var formcheckSession: Int
            var recordings: [Entry]
            var sides: Sides?
        }
        return ((try? JSONDocument.text(File(formcheckSession: Self.version, recordings: recordings, sides: sides))) ?? "") + "\n"
    }
}
