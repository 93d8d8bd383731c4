/// The JSON Lines form of a routine (`formcheck replay --routine`, `formcheck routine`): the lines
/// of `SessionEvent+JSON.swift` for each exercise's events and the routine's cues (kinds
/// `nextExercise`, `moveStrap`, `routineDone`), and four line types of its own, rounded the same way:
///
/// - `{"type":"exerciseStarted","t":…,"step":2,"exercise":"piriformis","side":"left"}` — step 2 of
///   the plan (`formcheck routines NAME` numbers them) begins;
/// - `{"type":"exerciseEnded","t":…,"step":2,"exercise":…,"side":…,"ending":"done","summary":{…}}` —
///   it ended (`done`, `skipped`, `repeated`, `stopped`); `summary` holds the members of that
///   exercise's `summary` line (without `type`), on the routine's clock;
/// - `{"type":"strapMoved","t":…,"side":"left","off":…,"on":…}` — the strap came off at `off` and was
///   back on, on the `side` thigh, at `on` (the start of the rest that showed it);
/// - `{"type":"routineSummary","t":…,"routine":…,"complete":true,"steps":[…],"strapMoves":[…],"symmetry":[…]}` —
///   last: every attempt at a step (`step`, `exercise`, `side`, `ending`, `start`, `end`, `holds` and
///   `completeHolds`, `reps` and `completeReps` (null for stretches and walking), `formErrors`, `steps`
///   walked (null but for walking)), every strap move (`side`, `off`, `on`), and for each exercise
///   done to its dose on both legs its left–right comparison (`SideComparison+JSON.swift`: `exercise`,
///   `left`, `right`, `peakDifference`, `ratio`, `flags`).
///
/// A routine has no `summary` line: each exercise's is in its `exerciseEnded`. With a sensor on each
/// thigh (`PairedRoutineSession`), a step done on both legs at once (a bridge, a walk) is followed by
/// the other leg's attempt: an `exerciseStarted`/`exerciseEnded` pair of the same step for the
/// other side, at the step's end, with no lines between them; its summary holds that leg's holds,
/// reps, errors and steps (their own times), and `routineSummary` lists both attempts.
/// `SessionEventJSON.validate(routine:)` checks this contract.
extension RoutineEvent {
    /// The event as one line of JSON Lines (no newline at the end).
    public var jsonLine: String { json.compactText }

    public var json: JSONValue {
        let time = SessionEvent.timeDecimals
        switch self {
        case .session(let e):
            return e.json
        case .exerciseStarted(let t, let step, let exercise, let side):
            return .sortedObject([
                "type": .string("exerciseStarted"), "t": .number(t, decimals: time), "step": .integer(step),
                "exercise": .string(exercise), "side": .string(side.rawValue),
            ])
        case .exerciseEnded(let t, let step, let ending, let summary):
            guard case .object(let members) = SessionEvent.summary(summary).json else { return .null }
            return .sortedObject([
                "type": .string("exerciseEnded"), "t": .number(t, decimals: time), "step": .integer(step),
                "exercise": .string(summary.exercise), "side": .string(summary.side.rawValue), "ending": .string(ending.rawValue),
                "summary": .object(members.filter { $0.key != "type" }),
            ])
        case .strapMoved(let t, let side, let off, let on):
            return .sortedObject([
                "type": .string("strapMoved"), "t": .number(t, decimals: time), "side": .string(side.rawValue),
                "off": .number(off, decimals: time), "on": .number(on, decimals: time),
            ])
        case .summary(let s):
            return .sortedObject([
                "type": .string("routineSummary"), "t": .number(s.t, decimals: time), "routine": .string(s.routine),
                "complete": .bool(s.complete),
                "steps": .array(s.steps.map { a in
                    let reps = a.summary.reps
                    return .sortedObject([
                        "step": .integer(a.number), "exercise": .string(a.exercise), "side": .string(a.side.rawValue),
                        "ending": .string(a.ending.rawValue), "start": .number(a.start, decimals: time), "end": .number(a.end, decimals: time),
                        "holds": .integer(a.summary.holds.count), "completeHolds": .integer(a.summary.holds.filter(\.complete).count),
                        "reps": reps.map { .integer($0.count) } ?? .null,
                        "completeReps": reps.map { r in .integer(r.filter(\.complete).count) } ?? .null,
                        "formErrors": .integer(a.summary.formErrors.count),
                        "steps": a.summary.steps.map { .integer($0) } ?? .null,
                    ])
                }),
                "strapMoves": .array(s.strapMoves.map { m in
                    .sortedObject(["side": .string(m.side.rawValue), "off": .number(m.off, decimals: time), "on": .number(m.on, decimals: time)])
                }),
                "symmetry": .array(s.symmetry.map(\.json)),
            ])
        }
    }
}
