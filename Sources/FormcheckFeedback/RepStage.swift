/// Where a repetition is, for the live view's tempo guide.
public enum RepStage: String, Sendable, Hashable, CaseIterable {
    /// Settled in the start position, between reps.
    case start
    /// Moving from the start position to the top.
    case up
    /// At the top (the pause or hold).
    case top
    /// Moving back to the start position.
    case down
}
