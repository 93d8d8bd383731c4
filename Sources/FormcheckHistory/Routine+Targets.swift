import FormcheckFeedback

extension Routine {
    /// The routine with today's targets as its doses: each stretch's hold time, each strengthening
    /// exercise's reps per set, and the walk's minutes (`DailyTargets.Walking.minutes`); the number
    /// of holds and sets, and everything else, stay the routine's.
    public func applying(_ targets: DailyTargets) -> Routine {
        var r = self
        for (i, entry) in r.entries.enumerated() {
            if let t = targets.exercises.first(where: { $0.exercise == entry.exercise }) {
                switch t.kind {
                case .stretch: r.entries[i].holdSeconds = t.holdSeconds ?? entry.holdSeconds
                case .strength: r.entries[i].perSet = t.perSet ?? entry.perSet
                case .walk: break
                }
            } else if entry.minutes != nil || (entry.holds == nil && entry.sets == nil && entry.exercise == "walk") {
                r.entries[i].minutes = Double(targets.walking.minutes)
            }
        }
        return r
    }
}
