import MotionCore

/// Getting into the next exercise's posture between two steps of a routine — knees up for a
/// bridge, onto the side for a clamshell, up on the feet for a walk — as an explicit state machine
/// over the thigh's raw samples:
///
///     waiting (still, in the last exercise's rest) → (the thigh moves) moving
///       → (still again `settleSeconds`) in position
///     waiting → (still `waitSeconds` without moving: already there) in position
///
/// The next exercise's session starts from the rest it ends with, so the strap is calibrated in the
/// exercise's own start posture, as when the exercise is done alone (its calibration reads the
/// first rest it sees as that posture). Times in seconds on the samples' clock.
public struct PositionWatch: Sendable {
    public enum Action: Sendable, Hashable {
        case none
        /// In position: the rest that began at `restStart` is the next exercise's start.
        case inPosition(restStart: Double)
    }

    private enum State: Sendable, Hashable {
        /// Not moved yet since `since` (the watch's start).
        case waiting(since: Double)
        /// Moved; waiting for the thigh to settle.
        case moving
        /// In position (reported).
        case done
    }

    public let settleSeconds: Double
    public let waitSeconds: Double
    private var state: State
    private var rest: RestDetector

    /// - Parameters:
    ///   - settleSeconds: still this long after moving is in position (the routine's `settleSeconds`);
    ///   - waitSeconds: still this long from `now` without moving is in position too (`positionSeconds`);
    ///   - now: the time of the last sample before the watch starts.
    public init(settleSeconds: Double, waitSeconds: Double, now: Double) {
        self.settleSeconds = settleSeconds
        self.waitSeconds = waitSeconds
        state = .waiting(since: now)
        var p = RestDetector.Parameters()
        p.minimumDuration = settleSeconds
        // Turning over is a steady turn, not a rest, however even its rate (gyro biases are a few °/s).
        p.maximumMeanRate = 20 * .pi / 180
        rest = RestDetector(parameters: p)
    }

    /// A raw sample (time in seconds, SI units).
    public mutating func update(_ s: IMUSample) -> Action {
        let action = rest.update(s)
        switch state {
        case .waiting(let since):
            switch action {
            case .restEnded:
                state = .moving
                return .none
            case .restStarted(let start) where start - since > rest.parameters.window:
                // Moving from the start (no rest was seen to end), and now still.
                state = .done
                return .inPosition(restStart: start)
            case .none, .restStarted:
                break
            }
            guard s.time - since >= waitSeconds, let start = rest.restStart else { return .none }
            state = .done
            return .inPosition(restStart: start)
        case .moving:
            guard case .restStarted(let start) = action else { return .none }
            state = .done
            return .inPosition(restStart: start)
        case .done:
            return .none
        }
    }

    /// Samples were lost: a rest in progress starts again (what went on meanwhile is not known, so
    /// it counts as moving).
    public mutating func gapOccurred() {
        _ = rest.gapOccurred()
        if case .waiting = state { state = .moving }
    }
}
