import FormcheckFeedback

/// Where the protocol wants the thigh, as drawn over the angle trace: flexion degrees.
struct TargetBand: Sendable, Hashable {
    /// The band's lower and upper flexion, degrees.
    var low: Double
    var high: Double
    /// What it is, in words ("hold at 60° or more, below 130°").
    var label: String
    /// Strengthening: the start position's flexion (drawn as a line), degrees.
    var start: Double?
}

extension TargetBand {
    /// The band of a protocol: a stretch's hold angle up to its safe range (`overshootAngle`, else
    /// 30° above the hold angle); a strengthening exercise's top, from the shallowest range that
    /// still counts (`topAngle` less `rangeTolerance` of the way) to the overshoot limit
    /// (`overshootBeyond` past it). Nil for walking and for reps along abduction (the trace is flexion).
    init?(_ p: ExerciseProtocol) {
        switch p.kind {
        case .stretch:
            guard let hold = p.holdAngle else { return nil }
            let top = p.overshootAngle ?? hold + 30
            low = min(hold, top)
            high = max(hold, top)
            label = "hold at \(HTMLText.number(hold, 1))° or more" + (p.overshootAngle.map { ", below \(HTMLText.number($0, 1))°" } ?? "")
            start = nil
        case .strength:
            guard let r = p.reps, r.axis == .flexion else { return nil }
            let up: Double = r.topAngle >= r.startAngle ? 1 : -1
            let shallowest = r.topAngle - up * r.rangeTolerance, furthest = r.topAngle + up * r.overshootBeyond
            low = min(shallowest, furthest)
            high = max(shallowest, furthest)
            label = "top of each rep at \(HTMLText.number(r.topAngle, 1))° (\(HTMLText.number(low, 1))–\(HTMLText.number(high, 1))°) from \(HTMLText.number(r.startAngle, 1))°"
            start = r.startAngle
        case .walk:
            return nil
        }
    }
}
