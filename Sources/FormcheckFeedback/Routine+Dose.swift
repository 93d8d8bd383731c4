extension Routine.Entry {
    /// The protocol with this entry's dose in place of its own (what is left out stays the protocol's).
    public func applied(to p: ExerciseProtocol) -> ExerciseProtocol {
        var p = p
        if let holds { p.repsPerSide = holds }
        if let holdSeconds { p.holdSeconds = holdSeconds }
        if var r = p.reps {
            if let sets { r.sets = sets }
            if let perSet { r.perSet = perSet }
            if let restSeconds { r.restSeconds = restSeconds }
            p.reps = r
        }
        return p
    }
}
