/// Decides, sample by sample, whether the sensor is still: over the last `window` seconds every
/// angular rate stays within `gyroTolerance` of the window's mean (a gyro bias does not matter) and
/// every specific force within `accelerometerTolerance` of its mean. A rest is reported once it has
/// lasted `minimumDuration`.
public struct RestDetector: Sendable {
    public struct Parameters: Sendable, Hashable {
        /// Window over which stillness is judged, seconds.
        public var window = 0.5
        /// Largest deviation of the angular rate from its window mean, rad/s (2 °/s).
        public var gyroTolerance = 2.0 * .pi / 180
        /// Largest deviation of the specific force from its window mean, m/s².
        public var accelerometerTolerance = 0.4
        /// How long stillness must last to count as a rest, seconds.
        public var minimumDuration = 1.0
        /// When set, the window's mean angular rate must stay below this too, rad/s: a slow steady
        /// turn (whose rate barely deviates from its mean) is movement, not rest. Off by default:
        /// the orientation filter's rests must tolerate any gyroscope bias.
        public var maximumMeanRate: Double? = nil

        public init() {}
    }

    /// What a sample changed.
    public enum Action: Sendable, Hashable {
        case none
        /// A rest that began at `since` (seconds) has lasted the minimum duration.
        case restStarted(since: Double)
        /// The rest that began at `since` ended at `until`.
        case restEnded(since: Double, until: Double)
    }

    private enum State: Sendable {
        case moving
        /// Still since `since`, not yet long enough.
        case settling(since: Double)
        case resting(since: Double)
    }

    public let parameters: Parameters
    private var state: State = .moving
    private var ring: [IMUSample] = []
    private var head = 0

    public init(parameters: Parameters = .init()) {
        self.parameters = parameters
    }

    /// True while a rest (of at least the minimum duration) lasts.
    public var isResting: Bool {
        if case .resting = state { return true }
        return false
    }

    /// Start of the current rest, if resting.
    public var restStart: Double? {
        if case .resting(let since) = state { return since }
        return nil
    }

    public mutating func update(_ s: IMUSample) -> Action {
        // Keep the samples of the last window: ring[head...]. Old ones are dropped in chunks, so a
        // sample costs no array shift.
        ring.append(s)
        while head < ring.count, s.time - ring[head].time > parameters.window { head += 1 }
        if head > 256 && head * 2 > ring.count {
            ring.removeFirst(head)
            head = 0
        }
        let window = ring[head...]
        let still = window.count >= 3 && s.time - window.first!.time >= parameters.window * 0.8 && isStill(window)
        switch state {
        case .moving:
            if still { state = .settling(since: window.first!.time) }
            return .none
        case .settling(let since):
            guard still else {
                state = .moving
                return .none
            }
            if s.time - since >= parameters.minimumDuration {
                state = .resting(since: since)
                return .restStarted(since: since)
            }
            return .none
        case .resting(let since):
            guard still else {
                state = .moving
                return .restEnded(since: since, until: s.time)
            }
            return .none
        }
    }

    /// A gap in the stream: whatever was still may have moved.
    public mutating func gapOccurred() -> Action {
        let last = ring.last
        ring.removeAll(keepingCapacity: true)
        head = 0
        defer { state = .moving }
        if case .resting(let since) = state, let last { return .restEnded(since: since, until: last.time) }
        return .none
    }

    private func isStill(_ ring: ArraySlice<IMUSample>) -> Bool {
        var mw = Vector3.zero
        var ma = Vector3.zero
        for s in ring {
            mw += s.angularVelocity
            ma += s.acceleration
        }
        let n = Double(ring.count)
        mw = mw / n
        ma = ma / n
        if let limit = parameters.maximumMeanRate, mw.norm > limit { return false }
        for s in ring {
            if (s.angularVelocity - mw).norm > parameters.gyroTolerance { return false }
            if (s.acceleration - ma).norm > parameters.accelerometerTolerance { return false }
        }
        return true
    }
}
