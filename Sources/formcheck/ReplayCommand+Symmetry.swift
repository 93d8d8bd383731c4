import FormcheckFeedback

extension ReplayCommand {
    /// After the files' summaries: left against right for each exercise replayed on both sides
    /// (text, or a `symmetry` JSON line), with the protocol's `symmetry` rules.
    func printSymmetry(_ done: [(file: String, summary: SessionSummary, rules: SymmetryRules)]) {
        let comparisons = SideComparison.pairs(done.map(\.summary)) { name in
            done.first { $0.summary.exercise == name }?.rules ?? SymmetryRules()
        }
        for c in comparisons {
            if format == .json {
                print(c.jsonLine)
            } else {
                let left = done.first { $0.summary.exercise == c.exercise && $0.summary.side == .left }?.file ?? ""
                let right = done.first { $0.summary.exercise == c.exercise && $0.summary.side == .right }?.file ?? ""
                print("== symmetry: \(left) (left) against \(right) (right)\n" + TextReport.symmetry(c))
            }
        }
    }
}
