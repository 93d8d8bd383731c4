/// Where in a strengthening rep a form error was seen, so its correction can say what to change:
/// on the way `up` (from the start position to the top), at the `top`, on the way `down`, or judged
/// at the `end` of the rep (its range, its pause at the top).
public enum RepStage: String, Sendable, Hashable, CaseIterable {
    case up
    case top
    case down
    case end
}
