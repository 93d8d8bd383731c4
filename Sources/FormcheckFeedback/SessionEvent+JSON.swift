/// The JSON Lines form of session events: one compact object per line, keys sorted, each with
/// `type` and `t`. Rounding: times (`t`, `start`, `end`) to 0.001 s, angles to 0.1°, durations to
/// 0.01 s (also `walkingSeconds`), cadence to 0.1 steps/min, `distanceMeters` to 0.1 m. `SessionEventJSON.validate(line:)` checks this contract.
/// A routine's run adds four line types (`exerciseStarted`, `exerciseEnded`, `strapMoved`,
/// `routineSummary`) and has no `summary` line of its own: see `RoutineEvent+JSON.swift`.
extension SessionEvent {
    /// Decimals of times in seconds since the first sample.
    static let timeDecimals = 3
    /// Decimals of angles in degrees.
    static let angleDecimals = 1
    /// Decimals of durations in seconds.
    static let durationDecimals = 2
    /// Decimals of cadence in steps per minute.
    static let cadenceDecimals = 1
    /// Decimals of distances in metres.
    static let distanceDecimals = 1

    /// The event as one line of JSON Lines (no newline at the end).
    public var jsonLine: String { json.compactText }

    /// The event as a JSON object (keys sorted).
    public var json: JSONValue {
        var members: [String: JSONValue] = ["t": .number(time, decimals: Self.timeDecimals)]
        switch self {
        case .calibrated(_, let posture):
            members["type"] = .string("calibrated")
            members["posture"] = .string(posture.rawValue)
        case .holdStarted(_, let rep, let side, let start, let flexion):
            members["type"] = .string("holdStarted")
            members["rep"] = .integer(rep)
            members["side"] = .string(side.rawValue)
            members["start"] = .number(start, decimals: Self.timeDecimals)
            members["flexion"] = .number(flexion, decimals: Self.angleDecimals)
        case .formError(_, let kind, let rep):
            members["type"] = .string("formError")
            members["kind"] = .string(kind.rawValue)
            members["rep"] = rep.map { .integer($0) } ?? .null
            members["message"] = .string(CueCatalogue.english.message(kind))
        case .holdEnded(_, let rep, let side, let start, let end, let complete):
            members["type"] = .string("holdEnded")
            members["rep"] = .integer(rep)
            members["side"] = .string(side.rawValue)
            members["start"] = .number(start, decimals: Self.timeDecimals)
            members["end"] = .number(end, decimals: Self.timeDecimals)
            members["duration"] = .number(end - start, decimals: Self.durationDecimals)
            members["complete"] = .bool(complete)
        case .repEnded(_, let r):
            members["type"] = .string("repEnded")
            members.merge(Self.members(r)) { a, _ in a }
        case .cue(_, let cue):
            members["type"] = .string("cue")
            members["kind"] = .string(cue.kind.rawValue)
            members["text"] = .string(CueCatalogue.english.text(cue))
        case .strapSlipped(_, let degrees):
            members["type"] = .string("strapSlipped")
            members["degrees"] = .number(degrees, decimals: Self.angleDecimals)
        case .exerciseRecognised(_, let exercise, let confidence, let reason):
            members["type"] = .string("exerciseRecognised")
            members["exercise"] = .string(exercise)
            members["confidence"] = .string(confidence.rawValue)
            members["reason"] = .string(reason)
        case .summary(let s):
            members["type"] = .string("summary")
            members["exercise"] = .string(s.exercise)
            members["side"] = .string(s.side.rawValue)
            members["holds"] = .array(s.holds.map { h in
                .sortedObject([
                    "rep": .integer(h.rep),
                    "side": .string(h.side.rawValue),
                    "start": .number(h.start, decimals: Self.timeDecimals),
                    "end": .number(h.end, decimals: Self.timeDecimals),
                    "duration": .number(h.duration, decimals: Self.durationDecimals),
                    "meanFlexion": .number(h.meanFlexion, decimals: Self.angleDecimals),
                    "peakFlexion": .number(h.peakFlexion, decimals: Self.angleDecimals),
                    "complete": .bool(h.complete),
                ])
            })
            members["formErrors"] = .array(s.formErrors.map { e in
                .sortedObject([
                    "t": .number(e.t, decimals: Self.timeDecimals),
                    "kind": .string(e.kind.rawValue),
                    "rep": e.rep.map { .integer($0) } ?? .null,
                ])
            })
            members["strapSlips"] = .array(s.strapSlips.map { slip in
                .sortedObject(["t": .number(slip.t, decimals: Self.timeDecimals), "degrees": .number(slip.degrees, decimals: Self.angleDecimals)])
            })
            if let reps = s.reps { members["reps"] = .array(reps.map { .sortedObject(Self.members($0)) }) }
            members["steps"] = s.steps.map { .integer($0) } ?? .null
            members["cadence"] = s.cadence.map { .number($0, decimals: Self.cadenceDecimals) } ?? .null
            members["walkingSeconds"] = s.walkingSeconds.map { .number($0, decimals: Self.durationDecimals) } ?? .null
            members["distanceMeters"] = s.distanceMeters.map { .number($0, decimals: Self.distanceDecimals) } ?? .null
        }
        return .sortedObject(members)
    }

    /// A rep's members, as in `repEnded` lines and the summary's `reps`.
    static func members(_ r: SessionSummary.Rep) -> [String: JSONValue] {
        [
            "rep": .integer(r.rep), "set": .integer(r.set), "side": .string(r.side.rawValue),
            "start": .number(r.start, decimals: timeDecimals), "end": .number(r.end, decimals: timeDecimals),
            "peak": .number(r.peak, decimals: angleDecimals), "range": .number(r.range, decimals: angleDecimals),
            "upSeconds": .number(r.upSeconds, decimals: durationDecimals), "downSeconds": .number(r.downSeconds, decimals: durationDecimals),
            "complete": .bool(r.complete),
        ]
    }
}
