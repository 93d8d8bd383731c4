import FormcheckFeedback
import FormcheckFormats
import MotionCore

extension ReplayCommand {
    /// One file replayed: its summary as coached, its exercise's `symmetry` rules, and what the
    /// symmetry comparison re-reads it with (the finished pipeline, the recording).
    struct Replayed {
        var file: String
        var summary: SessionSummary
        var rules: SymmetryRules
        var pipeline: SessionPipeline<OrientationFilter>
        var recording: Recording
    }

    /// After the files' summaries: left against right for each exercise replayed on both sides
    /// (text, or a `symmetry` JSON line), with the protocol's `symmetry` rules. The summaries
    /// compared (the first left and the first right of each exercise) are re-read first with what
    /// the whole recording says of its sensor — its rests' accelerometer correction, its filter's
    /// final gyroscope bias (`SessionPipeline.reread`) — as a routine's summary is; the files'
    /// own summaries above stay as coached.
    func printSymmetry(_ done: [Replayed]) throws {
        guard !SideComparison.pairs(done.map(\.summary), rules: { _ in SymmetryRules() }).isEmpty else { return }
        var figures: [SessionSummary] = []
        for (i, d) in done.enumerated() {
            let compared = done.firstIndex { $0.summary.exercise == d.summary.exercise && $0.summary.side == d.summary.side } == i
            guard compared else {
                figures.append(d.summary)
                continue
            }
            do {
                figures.append(try d.pipeline.reread(d.summary, estimator: OrientationFilter()) { feed in
                    _ = try d.recording.forEachReading(feed)
                })
            } catch let error as InputError { throw fail(error) }
        }
        let comparisons = SideComparison.pairs(figures) { name in
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
