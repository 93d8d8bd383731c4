import Foundation
import MotionCore

/// The routines built into formcheck (Routines/*.json, compiled in by the EmbedBuiltIns plugin),
/// the user's own in `$XDG_CONFIG_HOME/formcheck/routines/NAME.json` (default
/// `~/.config/formcheck/routines/`), which add routines or replace a built-in one of the same
/// name, and any routine file. Every routine is read by `decode(_:path:environment:)`, which also
/// checks each entry against its exercise's protocol.
public enum RoutineLibrary {
    /// The order `formcheck routines` lists the built-in routines in; others follow alphabetically.
    static let preferredOrder = ["sciatica-daily", "stretches", "core-strength"]

    /// Names of the built-in routines, in the order `formcheck routines` lists them.
    public static let names: [String] = {
        let builtIn = Set(BuiltInFiles.routines.keys)
        return preferredOrder.filter(builtIn.contains) + builtIn.subtracting(preferredOrder).sorted()
    }()

    public enum LoadError: Error, CustomStringConvertible {
        case unknown(String)
        case unreadable(path: String, reason: String)
        /// `line` is 1-based, nil when the place is not known.
        case invalid(path: String, line: Int?, reason: String)

        public var description: String {
            switch self {
            case .unknown(let name): "no routine '\(name)'; the built-in ones are \(RoutineLibrary.names.joined(separator: ", "))"
            case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
            case .invalid(let path, let line?, let reason): "\(path):\(line): \(reason)"
            case .invalid(let path, nil, let reason): "\(path): \(reason)"
            }
        }
    }

    /// Every routine: the built-in ones (a user file of the same name in its place), then the
    /// user's own in alphabetical order.
    public static func all(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [Routine] {
        let user = userRoutineNames(environment: environment)
        return try (names + user.filter { !names.contains($0) }).map { try named($0, environment: environment) }
    }

    /// A routine by name (the user's file first), or a routine file when `name` is a path to one.
    public static func named(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Routine {
        if ExerciseLibrary.isPlainName(name) {
            let path = userFolder(environment: environment) + "/" + name + ".json"
            if FileManager.default.fileExists(atPath: path) { return try load(path, environment: environment) }
            if let text = BuiltInFiles.routines[name] {
                return try decode(text, path: "built-in routine \(name).json", environment: environment)
            }
        }
        if name.hasSuffix(".json") || name.contains("/") { return try load(name, environment: environment) }
        throw LoadError.unknown(name)
    }

    /// `$XDG_CONFIG_HOME/formcheck/routines`, or `$HOME/.config/formcheck/routines`.
    public static func userFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let protocols = ExerciseLibrary.userFolder(environment: environment)
        return String(protocols.dropLast("protocols".count)) + "routines"
    }

    static func userRoutineNames(environment: [String: String]) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: userFolder(environment: environment))) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.filter(ExerciseLibrary.isPlainName).sorted()
    }

    /// A routine file.
    public static func load(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Routine {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LoadError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try decode(String(decoding: data, as: UTF8.self), path: path, environment: environment)
    }

    /// A routine from its JSON text; `path` names it in errors. Unknown keys are refused with their
    /// line and the nearest known key; each entry must name a known exercise and give only the
    /// dose its kind takes (holds for stretches, sets for strengthening, minutes for walking).
    public static func decode(_ text: String, path: String,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Routine {
        let value: JSONValue
        do { value = try JSONValue(parsing: text) } catch {
            throw LoadError.invalid(path: path, line: ExerciseLibrary.line(ofOffset: error.offset, in: text), reason: error.message)
        }
        try checkKeys(value, at: "", text: text, path: path)
        let r: Routine
        do {
            r = try JSONDecoder().decode(Routine.self, from: Data(text.utf8))
        } catch DecodingError.keyNotFound(let key, let c) {
            let entry = c.codingPath.compactMap(\.intValue).first
            throw LoadError.invalid(path: path, line: entry.flatMap { entryLine($0, in: text) } ?? 1,
                                    reason: "missing key \"\(key.stringValue)\"" + (entry.map { " in exercise \($0 + 1)" } ?? ""))
        } catch DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c), DecodingError.dataCorrupted(let c) {
            let key = c.codingPath.last { $0.intValue == nil }?.stringValue
            throw LoadError.invalid(path: path, line: key.flatMap { ExerciseLibrary.line(ofKey: $0, in: text) },
                                    reason: (key.map { $0 + ": " } ?? "") + c.debugDescription)
        }
        if r.entries.isEmpty { throw LoadError.invalid(path: path, line: ExerciseLibrary.line(ofKey: "exercises", in: text), reason: "a routine needs at least one exercise") }
        if !(r.strapMoveSeconds > 0) {
            throw LoadError.invalid(path: path, line: ExerciseLibrary.line(ofKey: "strapMoveSeconds", in: text), reason: "strapMoveSeconds must be more than 0")
        }
        if !(r.settleSeconds > 0) {
            throw LoadError.invalid(path: path, line: ExerciseLibrary.line(ofKey: "settleSeconds", in: text), reason: "settleSeconds must be more than 0")
        }
        if !(r.positionSeconds > 0) {
            throw LoadError.invalid(path: path, line: ExerciseLibrary.line(ofKey: "positionSeconds", in: text), reason: "positionSeconds must be more than 0")
        }
        if let (key, reason) = problem(r.strapMove) {
            throw LoadError.invalid(path: path, line: ExerciseLibrary.line(ofKey: key, in: text), reason: "strapMove.\(key) \(reason)")
        }
        if let (key, reason) = problem(r.pairSides) {
            throw LoadError.invalid(path: path, line: ExerciseLibrary.line(ofKey: key, in: text), reason: "pairSides.\(key) \(reason)")
        }
        for (i, entry) in r.entries.enumerated() {
            let line = entryLine(i, in: text)
            let p: ExerciseProtocol
            do { p = try ExerciseLibrary.named(entry.exercise, environment: environment) } catch {
                throw LoadError.invalid(path: path, line: line, reason: "exercise \(i + 1): \(error)")
            }
            if let reason = problem(entry, p) { throw LoadError.invalid(path: path, line: line, reason: "exercise \(i + 1) (\(entry.exercise)): \(reason)") }
        }
        return r
    }

    /// A pair-sides rule out of range: its key and what is wrong.
    static func problem(_ r: PairSideCheck.Rules) -> (String, String)? {
        if !(r.degrees > 0 && r.degrees < 90) { return ("degrees", "must be more than 0 and less than 90 degrees") }
        if !(r.smoothingSeconds > 0) { return ("smoothingSeconds", "must be more than 0") }
        return nil
    }

    /// A strap-move rule out of range: its key and what is wrong.
    static func problem(_ r: StrapMoveDetector.Rules) -> (String, String)? {
        for (key, x) in [("handlingRate", r.handlingRate), ("handlingAcceleration", r.handlingAcceleration),
                         ("handlingSeconds", r.handlingSeconds), ("onRestSeconds", r.onRestSeconds)] where !(x > 0) {
            return (key, "must be more than 0")
        }
        if !(r.samePoseDegrees >= 0 && r.samePoseDegrees < 90) { return ("samePoseDegrees", "must be from 0 to less than 90 degrees") }
        return nil
    }

    /// A dose the exercise cannot take.
    static func problem(_ e: Routine.Entry, _ p: ExerciseProtocol) -> String? {
        let stretch = [e.holds.map { _ in "holds" }, e.holdSeconds.map { _ in "holdSeconds" }].compactMap { $0 }
        let strength = [e.sets.map { _ in "sets" }, e.perSet.map { _ in "perSet" }, e.restSeconds.map { _ in "restSeconds" }].compactMap { $0 }
        let walk = e.minutes.map { _ in ["minutes"] } ?? []
        let wrong: [String]
        switch p.kind {
        case .stretch: wrong = strength + walk
        case .strength: wrong = stretch + walk
        case .walk: wrong = stretch + strength
        }
        if let key = wrong.first { return "\(key) does not apply to a \(p.kind.rawValue) exercise" }
        if p.kind == .walk && e.sides == .both { return "a walk is done once: \"sides\": \"one\"" }
        if let n = e.holds, n < 1 { return "holds must be at least 1" }
        if let n = e.sets, n < 1 { return "sets must be at least 1" }
        if let n = e.perSet, n < 1 { return "perSet must be at least 1" }
        for (key, x) in [("holdSeconds", e.holdSeconds), ("restSeconds", e.restSeconds), ("minutes", e.minutes)] {
            if let x, !(x > 0) { return "\(key) must be more than 0" }
        }
        return nil
    }

    /// Refuses a key no routine has, saying where it is and what was probably meant.
    private static func checkKeys(_ value: JSONValue, at parent: String, text: String, path: String) throws {
        switch value {
        case .array(let items):
            for item in items { try checkKeys(item, at: parent, text: text, path: path) }
        case .object(let members):
            let allowed = Routine.allowedKeys[parent] ?? []
            for member in members {
                guard allowed.contains(member.key) else {
                    let guess = allowed.min { ExerciseLibrary.distance($0, member.key) < ExerciseLibrary.distance($1, member.key) }
                    let hint = guess.flatMap {
                        ExerciseLibrary.distance($0, member.key) <= max(2, member.key.count / 3) ? "; did you mean \($0)?" : nil
                    }
                    throw LoadError.invalid(path: path, line: ExerciseLibrary.line(ofKey: member.key, in: text),
                                            reason: "\(member.key): unknown key" + (hint ?? "; the keys here are \(allowed.joined(separator: ", "))"))
                }
                if Routine.allowedKeys[member.key] != nil { try checkKeys(member.value, at: member.key, text: text, path: path) }
            }
        case .null, .bool, .number, .string:
            if parent.isEmpty { throw LoadError.invalid(path: path, line: 1, reason: "a routine is a JSON object") }
        }
    }

    /// The 1-based line of entry `index`'s `"exercise":` key (its n-th occurrence in the text).
    static func entryLine(_ index: Int, in text: String) -> Int? {
        var rest = Substring(text)
        var offset = 0
        for n in 0...index {
            guard let range = rest.range(of: "\"exercise\"") else { return nil }
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            if n == index { offset = start }
            rest = rest[range.upperBound...]
        }
        return ExerciseLibrary.line(ofOffset: offset, in: text)
    }
}
