import Foundation

/// The exercise protocols built into formcheck (Protocols/*.json, compiled into the binary by the
/// EmbedBuiltIns plugin: nothing is looked up next to the executable), the user's own in
/// `$XDG_CONFIG_HOME/formcheck/protocols/NAME.json` (default `~/.config/formcheck/protocols/`),
/// which add exercises or replace a built-in one of the same name, and any protocol file. Every
/// protocol, built in or not, is read by `decode(_:path:)`: one function, whatever the bytes come from.
public enum ExerciseLibrary {
    /// The order `formcheck exercises` lists the built-in protocols in; built-in files not named
    /// here follow in alphabetical order.
    static let preferredOrder = ["piriformis", "hamstring", "knee-to-chest", "walk", "bridge", "straight-leg-raise", "clamshell",
                                 "side-lying-abduction", "bird-dog", "sit-to-stand"]

    /// Names of the built-in protocols, in the order `formcheck exercises` lists them.
    public static let names: [String] = {
        let builtIn = Set(BuiltInFiles.protocols.keys)
        return preferredOrder.filter(builtIn.contains) + builtIn.subtracting(preferredOrder).sorted()
    }()

    public enum LoadError: Error, CustomStringConvertible {
        case unknown(String)
        case unreadable(path: String, reason: String)
        /// `line` is 1-based, nil when the place is not known.
        case invalid(path: String, line: Int?, reason: String)

        public var description: String {
            switch self {
            case .unknown(let name): "no exercise '\(name)'; the built-in ones are \(ExerciseLibrary.names.joined(separator: ", "))"
            case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
            case .invalid(let path, let line?, let reason): "\(path):\(line): \(reason)"
            case .invalid(let path, nil, let reason): "\(path): \(reason)"
            }
        }
    }

    /// Every protocol: the built-in ones (a user file of the same name in its place), then the
    /// user's own in alphabetical order.
    public static func all(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [ExerciseProtocol] {
        let user = userProtocolNames(environment: environment)
        return try (names + user.filter { !names.contains($0) }).map { try named($0, environment: environment) }
    }

    /// A protocol by name: the user's file `protocols/NAME.json` in the configuration folder when
    /// there is one, else the built-in protocol.
    public static func named(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ExerciseProtocol {
        if isPlainName(name) {
            let path = userFolder(environment: environment) + "/" + name + ".json"
            if FileManager.default.fileExists(atPath: path) { return try load(path) }
        }
        guard let text = builtInText(name) else { throw LoadError.unknown(name) }
        return try decode(text, path: "built-in protocol \(name).json")
    }

    /// The exact text of a built-in protocol's file, compiled in (nil: no such built-in exercise).
    static func builtInText(_ name: String) -> String? {
        BuiltInFiles.protocols[name]
    }

    /// The folder of the user's own protocols: `$XDG_CONFIG_HOME/formcheck/protocols`, or
    /// `$HOME/.config/formcheck/protocols` when XDG_CONFIG_HOME is unset or empty (XDG base directories).
    public static func userFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.config")
        return base + "/formcheck/protocols"
    }

    /// Names of the user's protocol files (`NAME.json` in `userFolder`), sorted; none when the
    /// folder is missing or unreadable.
    static func userProtocolNames(environment: [String: String]) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: userFolder(environment: environment))) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.filter(isPlainName).sorted()
    }

    /// A name that can be a file in the user's folder (no path separators, not hidden).
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.hasPrefix(".")
    }

    /// A protocol file (JSON with the keys of `ExerciseProtocol`).
    public static func load(_ path: String) throws -> ExerciseProtocol {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LoadError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try decode(String(decoding: data, as: UTF8.self), path: path)
    }

    /// A protocol from its JSON text; `path` names it in errors. Unknown keys are refused with their
    /// line and the nearest known key; missing numbers take their defaults.
    public static func decode(_ text: String, path: String) throws -> ExerciseProtocol {
        let value: JSONValue
        do { value = try JSONValue(parsing: text) } catch {
            throw LoadError.invalid(path: path, line: line(ofOffset: error.offset, in: text), reason: error.message)
        }
        try checkKeys(value, at: "", text: text, path: path)
        let p: ExerciseProtocol
        do {
            p = try JSONDecoder().decode(ExerciseProtocol.self, from: Data(text.utf8))
        } catch DecodingError.keyNotFound(let key, let c) {
            let inside = c.codingPath.last?.stringValue
            throw LoadError.invalid(path: path, line: inside.flatMap { line(ofKey: $0, in: text) },
                                    reason: "missing key \"\(key.stringValue)\"" + (inside.map { " in \"\($0)\"" } ?? ""))
        } catch DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c), DecodingError.dataCorrupted(let c) {
            let key = c.codingPath.last { Int($0.stringValue) == nil && !$0.stringValue.hasPrefix("Index") }?.stringValue
            throw LoadError.invalid(path: path, line: key.flatMap { line(ofKey: $0, in: text) },
                                    reason: (key.map { $0 + ": " } ?? "") + c.debugDescription)
        }
        if let problem = problem(p) { throw LoadError.invalid(path: path, line: line(ofKey: problem.key, in: text), reason: problem.reason) }
        return p
    }

    /// A value the coach cannot work with.
    static func problem(_ p: ExerciseProtocol) -> (key: String, reason: String)? {
        if p.kind == .stretch && p.holdAngle == nil { return ("kind", "a stretch needs \"holdAngle\" (degrees)") }
        if p.pace.progressSeconds > 120 || p.pace.progressSeconds <= 0 {
            return ("progressSeconds", "progressSeconds must be more than 0 and at most 120 (progress at least every two minutes)")
        }
        let positive: [(String, Double)] = [
            ("minimumSeconds", p.hold.minimumSeconds), ("lowPassHz", p.hold.lowPassHz), ("steadyRate", p.hold.steadyRate),
            ("endAfter", p.hold.endAfter), ("correctionRepeatSeconds", p.hold.correctionRepeatSeconds),
            ("rateSmoothingHz", p.rateSmoothingHz), ("checkSeconds", p.pace.checkSeconds),
        ]
        if let bad = positive.first(where: { !($0.1 > 0) }) { return (bad.0, "\(bad.0) must be more than 0") }
        if p.hold.dipGrace < 0 { return ("dipGrace", "dipGrace must be 0 or more (seconds)") }
        // Seconds that may be 0, with what 0 means.
        let nonNegative: [(String, Double, String)] = [
            ("correctionIntervalSeconds", p.correctionIntervalSeconds, "every correction said"),
            ("strapSlipQuietSeconds", p.strapSlipQuietSeconds, "every slip detected reported"),
        ]
        if let bad = nonNegative.first(where: { !($0.1 >= 0 && $0.1.isFinite) }) {
            return (bad.0, "\(bad.0) must be 0 (\(bad.2)) or more (seconds)")
        }
        if !(p.symmetry.degrees > 0) { return ("degrees", "symmetry degrees must be more than 0 (peaks further apart are flagged)") }
        if !(0...1).contains(p.symmetry.holdRatio) {
            return ("holdRatio", "symmetry holdRatio must be between 0 and 1 (the weaker side's share of the stronger's)")
        }
        if p.kind == .strength {
            guard let r = p.reps else { return ("kind", "a strengthening exercise needs \"reps\" (its start and top angles, tempo, sets)") }
            if abs(r.topAngle - r.startAngle) <= r.leaveBand { return ("topAngle", "topAngle must be more than leaveBand away from startAngle") }
            if !(r.boundaryBand > 0 && r.boundaryBand < r.leaveBand) { return ("boundaryBand", "boundaryBand must be more than 0 and less than leaveBand") }
            let rates: [(String, Double)] = [("topRate", r.topRate), ("lowerRate", r.lowerRate), ("stillRate", r.stillRate),
                                             ("startTolerance", r.startTolerance), ("restSeconds", r.restSeconds)]
            if let bad = rates.first(where: { !($0.1 > 0) }) { return (bad.0, "\(bad.0) must be more than 0") }
            if r.perSet < 1 || r.sets < 1 { return (r.perSet < 1 ? "perSet" : "sets", "perSet and sets must be at least 1") }
            if r.compensationDegrees < 0 { return ("compensationDegrees", "compensationDegrees must be 0 (not checked) or more (degrees)") }
        }
        return nil
    }

    /// Refuses a key no protocol has, saying where it is and what was probably meant.
    private static func checkKeys(_ value: JSONValue, at parent: String, text: String, path: String) throws {
        guard case .object(let members) = value else {
            if parent.isEmpty { throw LoadError.invalid(path: path, line: 1, reason: "a protocol is a JSON object") }
            return
        }
        let allowed = ExerciseProtocol.allowedKeys[parent] ?? []
        for member in members {
            guard allowed.contains(member.key) else {
                let guess = allowed.min { distance($0, member.key) < distance($1, member.key) }
                let hint = guess.flatMap { distance($0, member.key) <= max(2, member.key.count / 3) ? "; did you mean \($0)?" : nil }
                throw LoadError.invalid(path: path, line: line(ofKey: member.key, in: text),
                                        reason: "\(member.key): unknown key" + (hint ?? "; the keys here are \(allowed.joined(separator: ", "))"))
            }
            if ExerciseProtocol.allowedKeys[member.key] != nil {
                try checkKeys(member.value, at: member.key, text: text, path: path)
            }
        }
    }

    /// The 1-based line of the first `"key":` in the text.
    public static func line(ofKey key: String, in text: String) -> Int? {
        let bytes = Array(text.utf8)
        let needle = Array("\"\(key)\"".utf8)
        guard needle.count <= bytes.count else { return nil }
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], Array(bytes[i..<i + needle.count]) == needle {
                var j = i + needle.count
                while j < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: ":") { return line(ofOffset: i, in: text) }
            }
            i += 1
        }
        return nil
    }

    /// The 1-based line of the UTF-8 byte `offset` of the text.
    public static func line(ofOffset offset: Int, in text: String) -> Int {
        1 + text.utf8.prefix(offset).filter { $0 == 0x0A }.count
    }

    /// Levenshtein distance (case-insensitive).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }
}
