/// A slipped strap, as an explicit state machine: each slip the angle tracker detects is reported
/// once (event, cue "re-seat it", summary); a detection within `quietSeconds` of the last report is
/// the same slip seen again. Times in seconds, angles in degrees.
public struct StrapWatch: Sendable {
    public enum Action: Sendable, Hashable {
        case none
        /// Report a slip of `degrees`.
        case slipped(degrees: Double)
    }

    private enum State: Sendable, Hashable {
        case seated
        case slipped(at: Double)
    }

    /// Seconds after a report in which another detection is not reported again, ≥ 0 (the
    /// protocol's `strapSlipQuietSeconds`).
    public let quietSeconds: Double
    private var state: State = .seated

    public init(quietSeconds: Double) {
        self.quietSeconds = quietSeconds
    }

    /// The angle tracker saw the strap turn by `degrees` (at `time`, the session's clock).
    public mutating func slipDetected(time t: Double, degrees: Double) -> Action {
        switch state {
        case .seated:
            state = .slipped(at: t)
            return .slipped(degrees: degrees)
        case .slipped(let at):
            guard t - at >= quietSeconds else { return .none }
            state = .slipped(at: t)
            return .slipped(degrees: degrees)
        }
    }
}
