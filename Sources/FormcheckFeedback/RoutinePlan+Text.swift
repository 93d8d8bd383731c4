extension RoutinePlan {
    /// The plan for people: the routine's title and description, then every step with its side,
    /// its dose (every number: holds × seconds, sets × reps and the rest, walking minutes) and
    /// where the strap moves.
    public var text: String {
        func n(_ x: Double) -> String { DecimalText.trimmed(x, 1) }
        var lines = ["\(routine.name) — \(routine.title)"]
        lines.append("  " + routine.description)
        if sensors == .two {
            lines.append("  a sensor on each thigh: no strap moves; a one-sided exercise is watched on both legs")
        } else {
            lines.append("  strap starts on the \(routine.firstSide.rawValue) thigh; \(strapMoves) strap "
                         + (strapMoves == 1 ? "move" : "moves") + " (\(n(routine.strapMoveSeconds)) s allowed for each)")
        }
        for step in steps {
            if step.moveStrapFirst { lines.append("     → move the strap to the \(step.side.rawValue) thigh") }
            let p = step.exercise
            let dose: String
            switch p.kind {
            case .stretch:
                let holds = p.repsPerSide ?? 1
                dose = "\(holds) × \(p.holdSeconds.map { n($0) + " s" } ?? "a hold") at \(p.holdAngle.map { n($0) } ?? "?")° or more"
            case .strength:
                let r = p.reps ?? .init()
                dose = "\(r.sets) × \(r.perSet) reps, \(n(r.restSeconds)) s rest between sets"
            case .walk:
                dose = (step.walkSeconds.map { n($0 / 60) + " min" } ?? "as long as you like")
                    + (p.briskCadence.map { " at \(n($0)) steps/min or more" } ?? "")
            }
            let number = (step.number < 10 ? " " : "") + "\(step.number)."
            lines.append("  \(number) \(p.name.padding(toLength: 20, withPad: " ", startingAt: 0))\((step.bothLegs ? "both" : step.side.rawValue).padding(toLength: 7, withPad: " ", startingAt: 0))\(dose)")
        }
        return lines.joined(separator: "\n")
    }
}
