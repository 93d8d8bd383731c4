/// Session events as text for people: one line per event with its time, then a summary table of
/// the holds, the form errors, and for walking the steps and cadence. Times in seconds since the
/// first sample, angles in degrees.
public enum TextReport {
    /// The line of an event (`  12.3 s  hold 1 started at 84.7° (right)`); the summary is several lines.
    public static func text(for event: SessionEvent) -> String {
        switch event {
        case .calibrated(let t, let posture):
            return stamp(t) + "calibrated (\(posture.rawValue))"
        case .holdStarted(let t, let rep, let side, let start, let flexion):
            return stamp(t) + "hold \(rep) started at \(degrees(flexion)) (\(side.rawValue)), from \(seconds(start))"
        case .formError(let t, let kind, let rep):
            return stamp(t) + "✗ " + (rep.map { "rep \($0): " } ?? "") + CueCatalogue.english.message(kind)
        case .holdEnded(let t, let rep, let side, let start, let end, let complete):
            return stamp(t) + "hold \(rep) ended after \(seconds(end - start)) at \(seconds(end)) (\(side.rawValue)), "
                + (complete ? "complete" : "not complete")
        case .repEnded(let t, let r):
            return stamp(t) + "rep \(r.rep) (set \(r.set), \(r.side.rawValue)) \(seconds(r.start))–\(seconds(r.end)), peak \(degrees(r.peak)), "
                + "range \(degrees(r.range)), up \(seconds(r.upSeconds)), down \(seconds(r.downSeconds)), " + (r.complete ? "complete" : "not complete")
        case .cue(let t, let cue):
            return stamp(t) + "\"\(CueCatalogue.english.text(cue))\""
        case .strapSlipped(let t, let degrees):
            return stamp(t) + "✗ the strap turned \(self.degrees(degrees)) on the thigh"
        case .exerciseRecognised(let t, _, _, let reason):
            return stamp(t) + "recognised: " + reason
        case .summary(let summary):
            return self.summary(summary)
        }
    }

    /// The summary: the holds as a table (rep, side, start, end, duration, mean and peak flexion,
    /// complete ✓/✗), then the form errors, then for walking steps, cadence, time in gait and distance.
    public static func summary(_ s: SessionSummary) -> String {
        var lines = ["summary   \(s.exercise), \(s.side.rawValue) side, \(seconds(s.t))"]
        let walking = s.steps != nil || s.cadence != nil
        if let reps = s.reps {
            if reps.isEmpty { lines.append("reps      none") } else {
                lines.append("reps")
                let header = ["rep", "set", "side", "start", "end", "peak", "range", "up", "down", "complete"]
                let rows = reps.map { r in
                    [String(r.rep), String(r.set), r.side.rawValue, seconds(r.start), seconds(r.end), degrees(r.peak), degrees(r.range),
                     seconds(r.upSeconds), seconds(r.downSeconds), r.complete ? "✓" : "✗"]
                }
                lines += table(header: header, rows: rows, leftAligned: [2, 9]).map { "  " + $0 }
            }
        } else if !s.holds.isEmpty {
            lines.append("holds")
            let header = ["rep", "side", "start", "end", "duration", "mean", "peak", "complete"]
            let rows = s.holds.map { h in
                [String(h.rep), h.side.rawValue, seconds(h.start), seconds(h.end), seconds(h.duration),
                 degrees(h.meanFlexion), degrees(h.peakFlexion), h.complete ? "✓" : "✗"]
            }
            lines += table(header: header, rows: rows, leftAligned: [1, 7]).map { "  " + $0 }
        } else if !walking {
            lines.append("holds     none")
        }
        if s.formErrors.isEmpty {
            lines.append("form errors none")
        } else {
            lines.append("form errors")
            lines += s.formErrors.map { e in
                stamp(e.t) + e.kind.rawValue + (e.rep.map { " (rep \($0))" } ?? "") + ": " + CueCatalogue.english.message(e.kind)
            }
        }
        if !s.strapSlips.isEmpty {
            lines.append("strap slips")
            lines += s.strapSlips.map { stamp($0.t) + degrees($0.degrees) }
        }
        if let steps = s.steps { lines.append("steps     \(steps)") }
        if let cadence = s.cadence { lines.append("cadence   \(DecimalText.fixed(cadence, 1)) steps/min") }
        if let walking = s.walkingSeconds { lines.append("walking   \(DecimalText.fixed(walking, 1)) s") }
        if let distance = s.distanceMeters {
            lines.append("distance  \(DecimalText.fixed(distance, 1)) m" + (s.distanceSource.map { " (\($0.text))" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    /// `  12.3 s  `: the time right-aligned in six columns, for events and error lines.
    static func stamp(_ t: Double) -> String {
        let text = DecimalText.fixed(t, 1)
        return String(repeating: " ", count: max(0, 6 - text.count)) + text + " s  "
    }

    static func seconds(_ s: Double) -> String { DecimalText.fixed(s, 1) + " s" }

    static func degrees(_ d: Double) -> String { DecimalText.fixed(d, 1) + "°" }

    /// Columns two spaces apart, right-aligned except `leftAligned` (column indices).
    static func table(header: [String], rows: [[String]], leftAligned: Set<Int>) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { row in
            var cells: [String] = []
            for (c, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                cells.append(leftAligned.contains(c) ? cell + pad : pad + cell)
            }
            var line = cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
