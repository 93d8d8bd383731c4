/// What a week's pain says to the plan (`PainWatch`).
public enum PainVerdict: Sendable, Hashable {
    /// No session of the week gave its pain after.
    case notRecorded
    /// Pain did not rise: the week's mean pain after (0–10), and the last week's that had one.
    case steady(mean: Double, previous: Double?)
    /// Pain rose this week (hold: nothing grows).
    case rose(PainRise)
    /// Pain rose this week and the week before it (step back).
    case roseAgain(PainRise)

    /// Rose this week, once or again.
    public var rose: Bool {
        switch self {
        case .rose, .roseAgain: true
        case .notRecorded, .steady: false
        }
    }
}
