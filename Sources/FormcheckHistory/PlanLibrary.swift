import FormcheckFeedback
import Foundation

/// The progression rules built into formcheck (`Plans/*.json`, compiled in by the EmbedBuiltIns
/// plugin; `gradual` is the default) and any plan file (`--plan FILE`). Every plan is read by
/// `decode(_:path:)`: unknown keys are refused with their JSON path, line and the nearest known
/// key, and every number is checked against its range.
public enum PlanLibrary {
    /// The plan used when none is named.
    public static let defaultName = "gradual"

    /// Names of the built-in plans, alphabetically.
    public static let names: [String] = BuiltInFiles.plans.keys.sorted()

    public enum LoadError: Error, Sendable, Hashable, CustomStringConvertible {
        case unknown(String)
        case unreadable(path: String, reason: String)
        /// `line` is 1-based, nil when the place is not known.
        case invalid(path: String, line: Int?, reason: String)

        public var description: String {
            switch self {
            case .unknown(let name): "no plan '\(name)'; the built-in ones are \(PlanLibrary.names.joined(separator: ", ")), or give a plan file (NAME.json)"
            case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
            case .invalid(let path, let line?, let reason): "\(path):\(line): \(reason)"
            case .invalid(let path, nil, let reason): "\(path): \(reason)"
            }
        }
    }

    /// The exact text of a built-in plan.
    public static func builtInText(_ name: String) -> String? { BuiltInFiles.plans[name] }

    /// A built-in plan by name, or a plan file when `name` is a path to one (ends in .json or has a /).
    public static func named(_ name: String) throws -> PlanRules {
        if let text = BuiltInFiles.plans[name] { return try decode(text, path: "built-in plan \(name).json") }
        if name.hasSuffix(".json") || name.contains("/") { return try load(name) }
        throw LoadError.unknown(name)
    }

    /// A plan file.
    public static func load(_ path: String) throws -> PlanRules {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LoadError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try decode(String(decoding: data, as: UTF8.self), path: path)
    }

    /// A plan from its JSON text; `path` names it in errors.
    public static func decode(_ text: String, path: String) throws -> PlanRules {
        let value: JSONValue
        do { value = try JSONValue(parsing: text) } catch {
            throw LoadError.invalid(path: path, line: ExerciseLibrary.line(ofOffset: error.offset, in: text), reason: error.message)
        }
        try checkKeys(value, at: [], text: text, path: path)
        let rules: PlanRules
        do {
            rules = try JSONDecoder().decode(PlanRules.self, from: Data(text.utf8))
        } catch DecodingError.keyNotFound(let key, _) {
            throw LoadError.invalid(path: path, line: 1, reason: "missing key \"\(key.stringValue)\"")
        } catch DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c), DecodingError.dataCorrupted(let c) {
            let keys = c.codingPath.map(\.stringValue)
            throw LoadError.invalid(path: path, line: keys.isEmpty ? nil : line(of: keys, in: text),
                                    reason: (keys.isEmpty ? "" : keys.joined(separator: ".") + ": ") + c.debugDescription)
        }
        if let (key, reason) = problem(rules) {
            let keys = key.split(separator: ".").map(String.init)
            throw LoadError.invalid(path: path, line: line(of: keys, in: text), reason: "\(key) \(reason)")
        }
        return rules
    }

    /// A number out of its range: its JSON path and what is wrong.
    static func problem(_ r: PlanRules) -> (String, String)? {
        let w = r.walking, h = r.holds, p = r.reps, pain = r.pain, c = r.completion
        let checks: [(String, Bool, String)] = [
            ("walking.startMetres", w.startMetres > 0 && w.startMetres.isFinite, "must be more than 0 metres"),
            ("walking.weeklyGrowth", (0...1).contains(w.weeklyGrowth), "must be from 0 to 1 (0.1 is +10 % a week)"),
            ("walking.stepBack", (0...1).contains(w.stepBack), "must be from 0 to 1 (0.1 is −10 %)"),
            ("walking.minimumMetres", w.minimumMetres >= 0 && w.minimumMetres.isFinite, "must be 0 metres or more"),
            ("walking.metresPerSecond", w.metresPerSecond > 0 && w.metresPerSecond <= 10, "must be more than 0 and at most 10 m/s (1.34 is 3 mph)"),
            ("holds.growthSeconds", h.growthSeconds > 0 && h.growthSeconds <= 600, "must be more than 0 and at most 600 seconds"),
            ("holds.capSeconds", h.capSeconds > 0 && h.capSeconds <= 3600, "must be more than 0 and at most 3600 seconds"),
            ("holds.stepBackSeconds", h.stepBackSeconds >= 0 && h.stepBackSeconds <= 600, "must be from 0 to 600 seconds"),
            ("holds.minimumSeconds", h.minimumSeconds > 0 && h.minimumSeconds <= h.capSeconds, "must be more than 0 and at most holds.capSeconds"),
            ("reps.growthPerSet", p.growthPerSet >= 1 && p.growthPerSet <= 100, "must be from 1 to 100"),
            ("reps.capPerSet", p.capPerSet >= 1 && p.capPerSet <= 1000, "must be from 1 to 1000"),
            ("reps.stepBackPerSet", p.stepBackPerSet >= 0 && p.stepBackPerSet <= 100, "must be from 0 to 100"),
            ("reps.minimumPerSet", p.minimumPerSet >= 1 && p.minimumPerSet <= p.capPerSet, "must be at least 1 and at most reps.capPerSet"),
            ("pain.weeklyRise", pain.weeklyRise > 0 && pain.weeklyRise <= 10, "must be more than 0 and at most 10 points"),
            ("pain.sessionRise", (1...10).contains(pain.sessionRise), "must be from 1 to 10 points"),
            ("completion.days", (1...7).contains(c.days), "must be from 1 to 7 days"),
            ("completion.walkingFraction", c.walkingFraction > 0 && c.walkingFraction <= 1, "must be more than 0 and at most 1"),
            ("completion.maximumFormErrors", c.maximumFormErrors >= 0, "must be 0 or more"),
        ]
        return checks.first { !$0.1 }.map { ($0.0, $0.2) }
    }

    /// Refuses a key no plan has, saying where it is (its JSON path and line) and what was
    /// probably meant.
    private static func checkKeys(_ value: JSONValue, at path: [String], text: String, path file: String) throws {
        switch value {
        case .object(let members):
            let allowed = PlanRules.allowedKeys[path.joined(separator: ".")] ?? []
            for member in members {
                let here = path + [member.key]
                guard allowed.contains(member.key) else {
                    let guess = allowed.min { ExerciseLibrary.distance($0, member.key) < ExerciseLibrary.distance($1, member.key) }
                    let hint = guess.flatMap {
                        ExerciseLibrary.distance($0, member.key) <= max(2, member.key.count / 3) ? "; did you mean \($0)?" : nil
                    }
                    throw LoadError.invalid(path: file, line: line(of: here, in: text),
                                            reason: "\(here.joined(separator: ".")): unknown key" + (hint ?? "; the keys here are \(allowed.joined(separator: ", "))"))
                }
                if PlanRules.allowedKeys[here.joined(separator: ".")] != nil {
                    guard case .object = member.value else {
                        throw LoadError.invalid(path: file, line: line(of: here, in: text),
                                                reason: "\(here.joined(separator: ".")): must be an object ({ … })")
                    }
                    try checkKeys(member.value, at: here, text: text, path: file)
                }
            }
        case .null, .bool, .number, .string, .array:
            if path.isEmpty { throw LoadError.invalid(path: file, line: 1, reason: "a plan is a JSON object") }
        }
    }

    /// The 1-based line of the key at `keys` (a JSON path): each key's first `"key":` after its
    /// parent's.
    static func line(of keys: [String], in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var offset = 0
        for key in keys {
            guard let found = keyOffset(key, in: bytes, from: offset) else { return nil }
            offset = found
        }
        return ExerciseLibrary.line(ofOffset: offset, in: text)
    }

    /// The byte offset of the first `"key"` followed by a colon at or after `start`.
    private static func keyOffset(_ key: String, in bytes: [UInt8], from start: Int) -> Int? {
        let needle = Array("\"\(key)\"".utf8)
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], Array(bytes[i..<i + needle.count]) == needle {
                var j = i + needle.count
                while j < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: ":") { return i }
            }
            i += 1
        }
        return nil
    }
}
