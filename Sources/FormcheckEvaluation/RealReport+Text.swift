import Foundation

extension RealReport {
    /// The report as text: a table per file, a table per participant with the overall line, the
    /// targets.
    public var text: String {
        func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
            let n = max(0, width - s.count)
            return right ? String(repeating: " ", count: n) + s : s + String(repeating: " ", count: n)
        }
        func degrees(_ v: Double?) -> String { v.map { String(format: "%.1f", $0) } ?? "–" }
        func count(_ v: Int?) -> String { v.map(String.init) ?? "–" }
        func percent(_ f: Double?) -> String { f.map { String(format: "%.1f %%", 100 * $0) } ?? "–" }

        let nameWidth = max(30, (files.map(\.name.count).max() ?? 0) + 2)
        var out = "formcheck eval-real (\(mode.rawValue)): flexion over labelled still rests ≥ \(RealEvaluation.minimumRest) s "
            + "(median, \(RealEvaluation.trim) s trimmed each end) vs the gravity reference; steps vs the step reference\n\n"
        out += pad("file", nameWidth) + pad("who", 6) + pad("side", 6)
            + pad("rests", 6, right: true) + pad("≤7°", 5, right: true) + pad("med|e|", 8, right: true)
            + pad("worst", 7, right: true) + pad("sign", 6, right: true)
            + pad("steps ref", 11, right: true) + pad("counted", 9, right: true) + pad("pass", 6, right: true)
            + "  refused\n"
        for f in files {
            let s = f.steps
            let ref = s.reference.map(String.init) ?? (s.noGait ? "no gait" : "none")
            let pass = s.passes.map { $0 ? "yes" : "NO" } ?? "–"
            out += pad(f.name, nameWidth) + pad(f.participant, 6) + pad(f.side.rawValue, 6)
                + pad(String(f.rests.count), 6, right: true) + pad(String(f.restsWithin), 5, right: true)
                + pad(degrees(f.medianError), 8, right: true) + pad(degrees(f.worstError), 7, right: true)
                + pad(String(f.signErrors), 6, right: true)
                + pad(ref, 11, right: true) + pad(count(s.counted), 9, right: true) + pad(pass, 6, right: true)
                + (f.refused.map { "  " + $0 } ?? "") + "\n"
        }
        out += "\n" + pad("participant", 13) + pad("files", 6, right: true) + pad("refused", 9, right: true)
            + pad("rests", 7, right: true) + pad("≤7°", 6, right: true) + pad("%", 9, right: true)
            + pad("med|e|", 8, right: true) + pad("worst", 7, right: true) + pad("sign", 6, right: true)
            + pad("seated>upright", 16, right: true) + pad("steps pass", 12, right: true) + "\n"
        for g in participants + [overall] {
            out += pad(g.name, 13) + pad(String(g.files), 6, right: true) + pad(String(g.filesRefused), 9, right: true)
                + pad(String(g.rests), 7, right: true) + pad(String(g.restsWithin), 6, right: true)
                + pad(percent(g.fractionWithin), 9, right: true)
                + pad(degrees(g.medianError), 8, right: true) + pad(degrees(g.worstError), 7, right: true)
                + pad(String(g.signErrors), 6, right: true)
                + pad("\(g.flexedRestsAboveUpright) of \(g.flexedRests)", 16, right: true)
                + pad("\(g.stepFilesPassing) of \(g.stepFiles)", 12, right: true) + "\n"
        }
        out += "seated>upright: flexed rests (reference ≥ 45°) reading at least half their reference above the file's "
            + "upright flexion (its walking, else its still standing rests)\n"
        out += "\ntargets (issue 9)\n"
        let targetWidth = (targets.map(\.target.count).max() ?? 0) + 2
        let measuredWidth = (targets.map(\.measured.count).max() ?? 0) + 2
        for t in targets {
            out += "  " + pad(t.target, targetWidth) + pad(t.measured, measuredWidth) + (t.met ? "met" : "MISSED") + "\n"
        }
        out += targetsMet ? "all targets met" : "targets missed: \(targets.count(where: { !$0.met })) of \(targets.count)"
        return out
    }
}
