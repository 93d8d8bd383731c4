extension SideComparison {
    /// Left against right for each exercise among `summaries` that has both a left and a right
    /// one (`replay LEFT RIGHT --side left --side right`): the first left and the first right
    /// summary of it, compared with `rules(exercise)`; in the order of each exercise's first summary.
    public static func pairs(_ summaries: [SessionSummary], rules: (String) -> SymmetryRules) -> [SideComparison] {
        var out: [SideComparison] = []
        var seen: Set<String> = []
        for s in summaries where !seen.contains(s.exercise) {
            seen.insert(s.exercise)
            let same = summaries.filter { $0.exercise == s.exercise }
            guard let left = same.first(where: { $0.side == .left }), let right = same.first(where: { $0.side == .right }) else { continue }
            out.append(SideComparison(left: left, right: right, rules: rules(s.exercise)))
        }
        return out
    }
}
