/// How pain rose in a week (`PlanRules.Pain`).
public enum PainRise: Sendable, Hashable {
    /// The week's mean pain after sessions went from `from` to `to` (points 0–10), by at least
    /// `weeklyRise`.
    case weekly(from: Double, to: Double)
    /// A session's pain went from `before` to `after`, by at least `sessionRise`.
    case session(before: Int, after: Int)
}
