import FormcheckHistory

extension ProgressReport {
    /// The CSV columns of `history --format csv`.
    static let csvColumns = [
        "period", "label", "exercise", "side", "attempts", "seconds_under_stretch", "holds", "complete_holds", "reps", "complete_reps",
        "sets", "form_errors", "sessions", "walking_seconds", "steps", "distance_m", "goal_m", "pain_before", "pain_after",
    ]

    /// `history --format csv`: one row per period (weeks, then days), exercise and side; the
    /// period's own figures (sessions, walking, pain) repeated on each of its rows.
    func csv() -> String {
        var out = Self.csvColumns.joined(separator: ",") + "\n"
        func n(_ x: Double?) -> String { x.map { String($0) } ?? "" }
        for (kind, periods) in [("week", weeks), ("day", days)] {
            for p in periods {
                let tail = [String(p.sessions), n(p.walking.seconds), String(p.walking.steps), n(p.walking.metres), n(p.walking.goalMetres),
                            n(p.pain.before), n(p.pain.after)]
                for w in p.work {
                    let row = [kind, p.label, w.exercise, w.side.rawValue, String(w.attempts), n(w.secondsUnderStretch), String(w.holds),
                               String(w.completeHolds), String(w.reps), String(w.completeReps), String(w.sets), String(w.formErrors)] + tail
                    out += row.map(CSVField.quoted).joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }
}
