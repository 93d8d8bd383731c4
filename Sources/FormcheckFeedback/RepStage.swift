/// Where a strengthening rep is: settled at the `start` position, on the way `up` (from the start
/// position to the top), at the `top`, on the way `down`; and, for a form error, judged at the
/// `end` of the rep (its range, its pause at the top). The live view's tempo guide shows the first
/// four; a correction names the stage it was seen in, so it can say what to change.
public enum RepStage: String, Sendable, Hashable, CaseIterable {
    case start
    case up
    case top
    case down
    case end
}
