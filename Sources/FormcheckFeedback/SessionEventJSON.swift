import MotionCore

/// The JSON Lines contract of `SessionEvent` (see `SessionEvent+JSON.swift`), as a checker other
/// tools' tests can use: every line one compact object with sorted keys, exactly the keys of its
/// `type`, values of the right JSON types, numbers rounded as documented.
public enum SessionEventJSON {
    /// A line that breaks the contract, and how.
    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: String
        public var reason: String
        public var description: String { "\(reason): \(line)" }
    }

    /// What a member must hold.
    private indirect enum Field: Sendable {
        /// Seconds since the first sample: a number with at most 3 decimals, ≥ 0.
        case time
        /// Degrees: a number with at most 1 decimal.
        case angle
        /// Seconds: a number with at most 2 decimals, ≥ 0.
        case duration
        /// Steps per minute: a number with at most 1 decimal, ≥ 0.
        case cadence
        /// Metres: a number with at most 1 decimal, ≥ 0.
        case meters
        /// An integer ≥ `minimum`.
        case integer(minimum: Int)
        case bool
        case string
        /// One of these strings.
        case oneOf([String])
        /// `null` or the field.
        case nullable(Field)
        /// A ratio: a number with at most 2 decimals, 0…1.
        case fraction
        /// An array of strings.
        case strings
        /// An array of objects with these members.
        case arrayOf([String: Field])
        /// An object with these members.
        case object([String: Field])
        /// The key may be missing; when present it holds the field.
        case absentOr(Field)
    }

    private static let sides = Side.allCases.map(\.rawValue)
    private static let postures = Posture.allCases.map(\.rawValue)
    private static let kinds = FormError.allCases.map(\.rawValue)
    private static let cueKinds = CueKind.allCases.map(\.rawValue)
    private static let confidences = ExerciseRecognition.Confidence.allCases.map(\.rawValue)

    private static let rep: [String: Field] = [
        "rep": .integer(minimum: 1), "set": .integer(minimum: 1), "side": .oneOf(sides), "start": .time, "end": .time,
        "peak": .angle, "range": .angle, "upSeconds": .duration, "downSeconds": .duration, "complete": .bool,
    ]

    /// The members of a `summary` line (and of an `exerciseEnded` line's `summary`).
    private static let summary: [String: Field] = [
            "t": .time, "exercise": .string, "side": .oneOf(sides),
            "holds": .arrayOf([
                "rep": .integer(minimum: 1), "side": .oneOf(sides), "start": .time, "end": .time, "duration": .duration,
                "meanFlexion": .angle, "peakFlexion": .angle, "complete": .bool,
            ]),
            "formErrors": .arrayOf(["t": .time, "kind": .oneOf(kinds), "rep": .nullable(.integer(minimum: 1))]),
            "strapSlips": .arrayOf(["t": .time, "degrees": .angle]),
            "reps": .absentOr(.arrayOf(rep)),
            "steps": .nullable(.integer(minimum: 0)), "cadence": .nullable(.cadence),
            "walkingSeconds": .nullable(.duration), "distanceMeters": .nullable(.meters),
    ]

    /// One side's figures in a left–right comparison.
    private static let figures: [String: Field] = [
        "peak": .nullable(.angle), "secondsUnderStretch": .nullable(.duration), "reps": .nullable(.integer(minimum: 0)),
        "meanRange": .nullable(.angle), "formErrors": .integer(minimum: 0),
    ]

    /// A left–right comparison (`SideComparison+JSON.swift`): a `symmetry` line's members, and each
    /// of a `routineSummary`'s `symmetry`.
    private static let comparison: [String: Field] = [
        "exercise": .string, "left": .object(figures), "right": .object(figures), "peakDifference": .nullable(.angle),
        "ratio": .nullable(.fraction), "flags": .strings,
    ]

    /// The members of each event type (besides `type` itself); `exerciseStarted` to `routineSummary`
    /// are a routine's (`RoutineEvent+JSON.swift`), `symmetry` is `replay`'s after a left and a right
    /// recording (`SideComparison+JSON.swift`).
    private static let schema: [String: [String: Field]] = [
        "calibrated": ["t": .time, "posture": .oneOf(postures)],
        "holdStarted": ["t": .time, "rep": .integer(minimum: 1), "side": .oneOf(sides), "start": .time, "flexion": .angle],
        "formError": ["t": .time, "kind": .oneOf(kinds), "rep": .nullable(.integer(minimum: 1)), "message": .string],
        "holdEnded": [
            "t": .time, "rep": .integer(minimum: 1), "side": .oneOf(sides), "start": .time, "end": .time, "duration": .duration,
            "complete": .bool,
        ],
        "repEnded": rep.merging(["t": .time]) { a, _ in a },
        "cue": ["t": .time, "kind": .oneOf(cueKinds), "text": .string],
        "strapSlipped": ["t": .time, "degrees": .angle],
        "exerciseRecognised": ["t": .time, "exercise": .string, "confidence": .oneOf(confidences), "reason": .string],
        "summary": summary,
        "exerciseStarted": ["t": .time, "step": .integer(minimum: 1), "exercise": .string, "side": .oneOf(sides)],
        "exerciseEnded": [
            "t": .time, "step": .integer(minimum: 1), "exercise": .string, "side": .oneOf(sides),
            "ending": .oneOf(RoutineSummary.Ending.allCases.map(\.rawValue)), "summary": .object(summary),
        ],
        "strapMoved": ["t": .time, "side": .oneOf(sides), "off": .time, "on": .time],
        "routineSummary": [
            "t": .time, "routine": .string, "complete": .bool,
            "steps": .arrayOf([
                "step": .integer(minimum: 1), "exercise": .string, "side": .oneOf(sides),
                "ending": .oneOf(RoutineSummary.Ending.allCases.map(\.rawValue)), "start": .time, "end": .time,
                "holds": .integer(minimum: 0), "completeHolds": .integer(minimum: 0),
                "reps": .nullable(.integer(minimum: 0)), "completeReps": .nullable(.integer(minimum: 0)),
                "formErrors": .integer(minimum: 0), "steps": .nullable(.integer(minimum: 0)),
            ]),
            "strapMoves": .arrayOf(["side": .oneOf(sides), "off": .time, "on": .time]),
            "symmetry": .arrayOf(comparison),
        ],
        "symmetry": comparison,
    ]

    /// The event types, in the order a session can first produce them.
    public static let types = ["calibrated", "holdStarted", "formError", "holdEnded", "repEnded", "cue", "strapSlipped", "exerciseRecognised", "summary"]
    /// The line types only a routine has.
    public static let routineTypes = ["exerciseStarted", "exerciseEnded", "strapMoved", "routineSummary"]
    /// The line `replay` adds after the sessions of a left and a right recording of one exercise.
    public static let replayTypes = ["symmetry"]

    /// Checks one line (without its newline) against the contract; returns its `type`.
    @discardableResult
    public static func validate(line: String) throws(Invalid) -> String {
        func invalid(_ reason: String) -> Invalid { Invalid(line: line, reason: reason) }
        let value: JSONValue
        do { value = try JSONValue(parsing: line) } catch { throw invalid("not JSON (\(error))") }
        guard case .object = value else { throw invalid("not a JSON object") }
        guard value.compactText == line else {
            throw invalid("not compact JSON as formcheck writes it (whitespace outside strings, or unusual escapes)")
        }
        guard let type = value["type"]?.stringValue else { throw invalid("no \"type\" string") }
        guard let fields = schema[type] else { throw invalid("unknown type \"\(type)\"") }
        var withType = fields
        withType["type"] = .string
        if let reason = check(value, against: withType, at: "") { throw invalid(reason) }
        return type
    }

    /// Why `object` breaks `fields` (nil when it does not). `path` prefixes member names in messages.
    private static func check(_ object: JSONValue, against fields: [String: Field], at path: String) -> String? {
        guard case .object(let members) = object else { return "\(path.isEmpty ? "the line" : path) is not an object" }
        for (a, b) in zip(members, members.dropFirst()) where !(a.key < b.key) {
            return a.key == b.key ? "duplicate key \"\(path)\(b.key)\"" : "keys not sorted: \"\(path)\(b.key)\" after \"\(path)\(a.key)\""
        }
        let keys = Set(members.map(\.key))
        if let missing = fields.keys.sorted().first(where: {
            if case .absentOr = fields[$0] { return false }
            return !keys.contains($0)
        }) { return "missing key \"\(path)\(missing)\"" }
        if let extra = members.first(where: { fields[$0.key] == nil }) { return "unexpected key \"\(path)\(extra.key)\"" }
        for member in members {
            if let reason = check(member.value, against: fields[member.key]!, at: path + member.key) { return reason }
        }
        return nil
    }

    /// Why `value` is not a `field` (nil when it is).
    private static func check(_ value: JSONValue, against field: Field, at path: String) -> String? {
        func number(decimals: Int, nonNegative: Bool, what: String) -> String? {
            guard case .number(let text) = value, let x = Double(text) else { return "\"\(path)\" is not a number (\(what))" }
            if text.contains(where: { $0 == "e" || $0 == "E" }) { return "\"\(path)\" has an exponent: \(text)" }
            let places = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
            if places > decimals { return "\"\(path)\" has \(places) decimals, more than \(decimals) (\(what)): \(text)" }
            if nonNegative && x < 0 { return "\"\(path)\" is negative: \(text)" }
            return nil
        }
        switch field {
        case .time: return number(decimals: 3, nonNegative: true, what: "seconds, to 0.001")
        case .angle: return number(decimals: 1, nonNegative: false, what: "degrees, to 0.1")
        case .duration: return number(decimals: 2, nonNegative: true, what: "seconds, to 0.01")
        case .cadence: return number(decimals: 1, nonNegative: true, what: "steps per minute, to 0.1")
        case .meters: return number(decimals: 1, nonNegative: true, what: "metres, to 0.1")
        case .fraction:
            if let reason = number(decimals: 2, nonNegative: true, what: "a ratio, to 0.01") { return reason }
            return (value.doubleValue ?? 0) > 1 ? "\"\(path)\" is more than 1 (a ratio)" : nil
        case .strings:
            guard case .array(let items) = value else { return "\"\(path)\" is not an array" }
            return items.allSatisfy { $0.stringValue != nil } ? nil : "\"\(path)\" is not an array of strings"
        case .integer(let minimum):
            guard let n = value.intValue else { return "\"\(path)\" is not an integer" }
            return n < minimum ? "\"\(path)\" is \(n), below \(minimum)" : nil
        case .bool:
            guard case .bool = value else { return "\"\(path)\" is not true or false" }
            return nil
        case .string:
            return value.stringValue == nil ? "\"\(path)\" is not a string" : nil
        case .oneOf(let allowed):
            guard let s = value.stringValue else { return "\"\(path)\" is not a string" }
            return allowed.contains(s) ? nil : "\"\(path)\" is \"\(s)\", not one of \(allowed.joined(separator: ", "))"
        case .absentOr(let inner):
            return check(value, against: inner, at: path)
        case .nullable(let inner):
            if case .null = value { return nil }
            return check(value, against: inner, at: path)
        case .object(let fields):
            return check(value, against: fields, at: path + ".")
        case .arrayOf(let fields):
            guard case .array(let items) = value else { return "\"\(path)\" is not an array" }
            for (i, item) in items.enumerated() {
                if let reason = check(item, against: fields, at: "\(path)[\(i)].") { return reason }
            }
            return nil
        }
    }
}
