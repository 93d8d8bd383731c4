/// A routine's events as text for people: each exercise's lines as a session's (`text(for:)`),
/// headed by its step and closed by its summary table, the strap moves, and the routine's summary.
extension TextReport {
    public static func text(for event: RoutineEvent) -> String {
        switch event {
        case .session(let e):
            return text(for: e)
        case .exerciseStarted(let t, let step, let exercise, let side):
            return stamp(t) + "== step \(step): \(exercise), \(side.rawValue) leg"
        case .exerciseEnded(let t, let step, let ending, let s):
            return stamp(t) + "== step \(step) \(ending.rawValue)\n" + summary(s)
        case .strapMoved(let t, let side, let off, let on):
            return stamp(t) + "strap moved to the \(side.rawValue) thigh: off at \(seconds(off)), back on at \(seconds(on))"
        case .summary(let s):
            return routineSummary(s)
        }
    }

    /// One line per attempt at a step (how it ended, its holds or reps complete of done, its form
    /// errors), then the strap moves, then left against right for each exercise done on both legs.
    public static func routineSummary(_ s: RoutineSummary) -> String {
        var lines = ["routine   \(s.routine), \(seconds(s.t)), " + (s.complete ? "complete" : "not complete")]
        for a in s.steps {
            let done: String
            if let reps = a.summary.reps {
                done = "\(reps.filter(\.complete).count) of \(reps.count) reps complete"
            } else if let steps = a.summary.steps {
                done = "\(steps) steps"
            } else {
                done = "\(a.summary.holds.filter(\.complete).count) of \(a.summary.holds.count) holds complete"
            }
            lines.append("  \(a.number). \(a.exercise) \(a.side.rawValue): \(a.ending.rawValue), \(seconds(a.start))–\(seconds(a.end)), "
                         + done + ", \(a.summary.formErrors.count) form " + (a.summary.formErrors.count == 1 ? "error" : "errors"))
        }
        for m in s.strapMoves {
            lines.append("  strap to the \(m.side.rawValue) thigh: off \(seconds(m.off)), on \(seconds(m.on))")
        }
        lines += s.symmetry.map(symmetry)
        return lines.joined(separator: "\n")
    }
}
