import FormcheckFeedback

extension ExerciseRecord.Ending {
    /// A routine's ending as the history keeps it.
    public init(_ ending: RoutineSummary.Ending) {
        switch ending {
        case .done: self = .done
        case .skipped: self = .skipped
        case .repeated: self = .repeated
        case .stopped: self = .stopped
        }
    }

    /// How a single exercise (`live`, `replay --exercise`) ended: `done` when its dose was done —
    /// a stretch's `repsPerSide` holds (1 when the protocol has none), a strengthening exercise's
    /// `sets × perSet` complete reps, a walk that walked at all (a walk has no dose outside a
    /// routine) — else `stopped`. The rule `RoutineSession` ends a routine's step by.
    public static func of(_ summary: SessionSummary, exercise: ExerciseProtocol) -> Self {
        switch exercise.kind {
        case .stretch:
            return summary.holds.count >= (exercise.repsPerSide ?? 1) ? .done : .stopped
        case .strength:
            let r = exercise.reps ?? .init()
            return (summary.reps ?? []).filter(\.complete).count >= r.sets * r.perSet ? .done : .stopped
        case .walk:
            return (summary.steps ?? 0) > 0 ? .done : .stopped
        }
    }
}
