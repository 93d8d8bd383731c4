/// The same correction is not said twice within `seconds`, as an explicit state machine per form
/// error. After a correction is said, a new episode of the same error — a stretch's `tooFast`
/// tripped anew at the next stride, the next rep lowered too fast, a hold dipping out of its band
/// again — is held back until `seconds` have passed since it was said; the first one after that
/// is said. Only the words are held back: the error is reported all the same (the summary keeps
/// it once per repetition: `ExerciseSession`). A reminder the coach gives on purpose while an
/// error lasts — a hold paused out of its band, every `hold.correctionRepeatSeconds` — is said
/// whatever the interval, and the interval runs from it. Each form error has its own: "Gently,
/// slower" does not hold back "Too far — ease off". Times in seconds on the session's clock.
public struct CorrectionInterval: Sendable {
    public enum Action: Sendable, Hashable {
        /// Say the correction now.
        case say
        /// The same correction was said at `saidAt`, less than `seconds` ago: not now.
        case holdBack(saidAt: Double)
    }

    private enum State: Sendable, Hashable {
        /// Not said yet in this session.
        case unsaid
        /// Last said at `at`.
        case said(at: Double)
    }

    /// Shortest time from one saying of a correction to the next, seconds, ≥ 0 (0: every episode said).
    public let seconds: Double
    private var states: [FormError: State] = [:]

    public init(seconds: Double) {
        self.seconds = seconds
    }

    /// An episode of `kind` at `t` would say its correction: whether to say it now.
    public mutating func correction(_ kind: FormError, at t: Double) -> Action {
        switch states[kind, default: .unsaid] {
        case .unsaid:
            states[kind] = .said(at: t)
            return .say
        case .said(let at):
            guard t - at >= seconds else { return .holdBack(saidAt: at) }
            states[kind] = .said(at: t)
            return .say
        }
    }

    /// The reminder of `kind`, an error that lasts, was said at `t` (whatever the interval): the
    /// interval runs from it.
    public mutating func reminded(_ kind: FormError, at t: Double) {
        switch states[kind, default: .unsaid] {
        case .unsaid, .said:
            states[kind] = .said(at: t)
        }
    }
}
