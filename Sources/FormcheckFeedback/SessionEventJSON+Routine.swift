/// The contract over a routine's JSON Lines (`RoutineEvent+JSON.swift`): `t` never decreases; each
/// exercise's lines lie between its `exerciseStarted` and its `exerciseEnded` (same step, never
/// nested) and keep the session contract (`validate(session:)`, with the `exerciseEnded`'s summary
/// as its summary line); between exercises come only the routine's cues (`nextExercise`,
/// `moveStrap`, `routineDone`), `sensor` cues (two sensors: one gone or back, said whenever it
/// happens, inside an exercise too) and `strapMoved` lines; no `summary` line; the `routineSummary`
/// comes once and last and lists the exercises as their `exerciseEnded` lines did. With a sensor on
/// each thigh, a step done on both legs at once is followed by the other leg's attempt: an
/// `exerciseStarted` and `exerciseEnded` of the same step and ending for the other side, with no
/// lines between them (that leg was watched, not coached aloud); its summary stands alone.
extension SessionEventJSON {
    private static let routineCues: Set<String> = [CueKind.nextExercise, .moveStrap, .routineDone].map(\.rawValue).reduce(into: []) { $0.insert($1) }

    /// Checks a routine's lines in order; throws at the first that breaks the contract.
    public static func validate(routine lines: [String]) throws(Invalid) {
        var lastT = -Double.infinity
        var open: (step: Int, lines: [String], watched: Bool)?
        var ended: [(step: Int, ending: String)] = []
        for (i, line) in lines.enumerated() {
            func invalid(_ reason: String) -> Invalid { Invalid(line: line, reason: "line \(i + 1): " + reason) }
            let type = try validate(line: line)
            guard let value = try? JSONValue(parsing: line), let t = value["t"]?.doubleValue else { continue }
            guard t >= lastT else { throw invalid("t \(t) is before the line above (\(lastT))") }
            lastT = t
            switch type {
            case "exerciseStarted":
                if let o = open { throw invalid("step \(o.step) has not ended") }
                let step = value["step"]?.intValue ?? 0
                // The same step again, not after a repeat: the other leg of a step done on both at once.
                let watched = ended.last.map { $0.step == step && $0.ending != RoutineSummary.Ending.repeated.rawValue } ?? false
                open = (step, [], watched)
            case "exerciseEnded":
                guard let o = open, o.step == value["step"]?.intValue else { throw invalid("an exercise ends that did not start") }
                if o.watched {
                    if !o.lines.isEmpty { throw invalid("step \(o.step): the other leg's attempt has lines of its own") }
                    if value["ending"]?.stringValue != ended.last?.ending { throw invalid("step \(o.step): the other leg's attempt ended otherwise") }
                    ended.append((o.step, value["ending"]?.stringValue ?? ""))
                    open = nil
                    continue
                }
                guard case .object(let members)? = value["summary"] else { continue }
                var summary = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                summary["type"] = .string("summary")
                do { try validate(session: o.lines + [JSONValue.sortedObject(summary).compactText]) } catch {
                    throw invalid("step \(o.step): \(error.reason)")
                }
                ended.append((o.step, value["ending"]?.stringValue ?? ""))
                open = nil
            case "summary":
                throw invalid("a routine has no summary line: each exercise's is in its exerciseEnded")
            case "routineSummary":
                guard i == lines.count - 1 else { throw invalid("the routine summary is not the last line") }
                if let o = open { throw invalid("step \(o.step) has not ended") }
                guard case .array(let steps)? = value["steps"] else { continue }
                let listed = steps.map { ($0["step"]?.intValue ?? 0, $0["ending"]?.stringValue ?? "") }
                guard listed.map(\.0) == ended.map(\.step) && listed.map(\.1) == ended.map(\.ending) else {
                    throw invalid("the routine summary lists \(listed), the exerciseEnded lines \(ended)")
                }
            case "strapMoved":
                if let o = open { throw invalid("the strap moved during step \(o.step)") }
            default:
                let kind = type == "cue" ? value["kind"]?.stringValue : nil
                let routineCue = kind.map(routineCues.contains) ?? false
                if var o = open {
                    if routineCue { throw invalid("a routine cue (\(kind ?? "")) inside step \(o.step)") }
                    o.lines.append(line)
                    open = o
                } else if !routineCue && kind != CueKind.sensor.rawValue {
                    // (A sensor gone or back is said whenever it happens.)
                    throw invalid("a \(type) line outside any exercise")
                }
            }
        }
        guard let last = lines.last, (try? validate(line: last)) == "routineSummary" else {
            throw Invalid(line: lines.last ?? "", reason: "the last line is not the routine summary")
        }
    }
}
