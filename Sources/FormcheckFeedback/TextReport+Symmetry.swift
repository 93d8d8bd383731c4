/// A left–right comparison as text for people (the routine's summary, `replay` of a left and a
/// right recording):
///
///     symmetry  hamstring: peak left 70.2°, right 69.8° (left 0.4° higher); time under stretch 30.1 s, 30.0 s (ratio 1.00); form errors 0, 0
///       ! peak 12.0° apart (left higher; flagged beyond 10°)
extension TextReport {
    public static func symmetry(_ c: SideComparison) -> String {
        func angle(_ x: Double?) -> String { x.map { DecimalText.fixed($0, 1) + "°" } ?? "—" }
        var parts = ["peak left \(angle(c.left.peak)), right \(angle(c.right.peak))"
                     + (c.peakDifference.map { d in d == 0 ? " (level)" : " (\(d > 0 ? "left" : "right") \(DecimalText.fixed(abs(d), 1))° higher)" } ?? "")]
        let ratio = c.ratio.map { " (ratio \(DecimalText.fixed($0, 2)))" } ?? ""
        if let l = c.left.secondsUnderStretch, let r = c.right.secondsUnderStretch {
            parts.append("time under stretch \(seconds(l)), \(seconds(r))" + ratio)
        } else if let l = c.left.reps, let r = c.right.reps {
            parts.append("complete reps \(l), \(r)" + ratio)
        }
        parts.append("form errors \(c.left.formErrors), \(c.right.formErrors)")
        let lines = ["symmetry  \(c.exercise): " + parts.joined(separator: "; ")] + c.flags.map { "  ! " + $0 }
        return lines.joined(separator: "\n")
    }
}
