import MotionCore

extension RoutineSummary {
    /// Left against right for each exercise of the plan done on both legs: the last attempt done
    /// to its dose on each side (a skipped, repeated or stopped attempt is not compared), with the
    /// exercise protocol's `symmetry` rules. In the order the plan first reaches each exercise. A
    /// walk is not compared (it has no peak or dose per leg; with a sensor on each thigh each
    /// thigh's steps are in its attempt).
    public static func comparisons(_ attempts: [Step], plan: RoutinePlan) -> [SideComparison] {
        var out: [SideComparison] = []
        var seen: Set<String> = []
        for step in plan.steps where !seen.contains(step.exercise.name) && step.exercise.kind != .walk {
            seen.insert(step.exercise.name)
            let done = attempts.filter { $0.exercise == step.exercise.name && $0.ending == .done }
            guard let left = done.last(where: { $0.side == .left }), let right = done.last(where: { $0.side == .right }) else { continue }
            out.append(SideComparison(left: left.summary, right: right.summary, rules: step.exercise.symmetry))
        }
        return out
    }
}
