extension CueCatalogue {
    /// Why the recogniser chose its exercise, for people: what was measured in the best protocol's
    /// reading, and what counts against the runner-up. `bridge (sure: 20 reps of 33° with 2.5 s at
    /// the top; next straight-leg-raise, against it: the time at the top, the range)`.
    public func recognition(_ r: ExerciseRecognition) -> String {
        guard let best = r.best else { return "no exercise to compare with" }
        var text = "\(best.exercise) (\(r.confidence.rawValue): \(observed(best))"
        if r.candidates.count > 1 {
            let next = r.candidates[1]
            var excess: [(key: RecognitionTerm, excess: Double)] = []
            for (key, value) in next.terms {
                let over = value - (best.terms[key] ?? 0)
                if over > 0.05 { excess.append((key, over)) }
            }
            // The largest excess first; equal ones in the terms' order, so the words never depend
            // on the dictionary's (per-process random) iteration order.
            excess.sort { $0.excess != $1.excess ? $0.excess > $1.excess : $0.key < $1.key }
            let worse = excess.prefix(2).map { term($0.key) }
            text += "; next \(next.exercise)" + (worse.isEmpty ? ", as close" : ", against it: " + worse.joined(separator: ", "))
        }
        return text + ")"
    }

    /// What a candidate's reading showed.
    func observed(_ c: ExerciseRecognition.Candidate) -> String {
        func d(_ x: Double) -> String { DecimalText.fixed(x, 0) + "°" }
        func s(_ x: Double) -> String { DecimalText.trimmed(x, 1) + " s" }
        let o = c.observed
        if c.terms[.unreadable] != nil { return "the angles could not be read in the \(c.posture.rawValue) posture" }
        if c.kind == .walk || c.terms[.walked] != nil { return "\(o.steps) steps walked" }
        if c.terms[.stillness] != nil { return "the thigh never moved" }
        switch c.kind {
        case .stretch where o.holds > 0:
            var t = (o.holds == 1 ? "a hold" : "\(o.holds) holds") + " of \(s(o.holdSeconds ?? 0)) at \(d(o.holdAngle ?? 0))"
            if let x = o.crossing { t += x >= 5 ? ", the leg crossed \(d(x))" : (x <= -5 ? ", the leg turned out \(d(-x))" : ", not crossed") }
            if let p = o.pauseAngle { t += ", after a pause at \(d(p))" }
            return t
        case .strength:
            return (o.movements == 1 ? "a rep" : "\(o.movements) reps") + " of \(d(o.range ?? 0)) with \(s(o.topSeconds ?? 0)) at the top"
        case .stretch, .walk:
            return (o.movements == 1 ? "a movement" : "\(o.movements) movements") + " without a hold"
        }
    }

    /// A misfit, as a phrase.
    public func term(_ t: RecognitionTerm) -> String {
        switch t {
        case .walked: "steps walked"
        case .noWalking: "no walking"
        case .stillness: "no movement"
        case .noHolds: "no hold"
        case .holdAngle: "the hold angle"
        case .shortHolds: "holds too short"
        case .crossed: "a crossing"
        case .notCrossed: "no crossing"
        case .noStartBand: "no pause in its start position"
        case .pauseOnTheWay: "a pause on the way"
        case .range: "the range"
        case .top: "the time at the top"
        case .unreadable: "its posture"
        case .posture: "how the thigh lies"
        }
    }
}
