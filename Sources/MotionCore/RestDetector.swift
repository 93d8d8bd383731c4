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
    /// The number of `ring[0]` among every sample seen (samples dropped from the ring's front, or
    /// at a gap, before it).
    private var base = 0
    /// The window's per-axis extremes, for the exact shortcuts of `isStill`.
    private var extremes = SlidingExtremes()

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
        extremes.push(base + ring.count - 1, s)
        while head < ring.count, s.time - ring[head].time > parameters.window { head += 1 }
        extremes.drop(before: base + head)
        if head > 256 && head * 2 > ring.count {
            ring.removeFirst(head)
            base += head
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

    /// The samples stillness is judged over now (the last `window` seconds), oldest first.
    var currentWindow: ArraySlice<IMUSample> { ring[head...] }

    /// `isStill` of the current window: its shortcuts' decision, to hold against `scan`'s.
    var currentWindowIsStill: Bool { isStill(ring[head...]) }

    /// A gap in the stream: whatever was still may have moved.
    public mutating func gapOccurred() -> Action {
        let last = ring.last
        base += ring.count
        ring.removeAll(keepingCapacity: true)
        head = 0
        extremes.removeAll()
        defer { state = .moving }
        if case .resting(let since) = state, let last { return .restEnded(since: since, until: last.time) }
        return .none
    }

    /// Relative margin of the shortcuts below: far above the rounding of a window's mean (about
    /// n × 1.1e-16 of the values' size, n the window's samples), so a shortcut decides only what
    /// the full scan decides the same way.
    static let shortcutMargin = 1e-7

    /// Whether the window is still; the same decision as `scan`, sooner where the window's
    /// per-axis extremes settle it. Every sample lies in the box of the extremes, and so does the
    /// mean: if the box's diagonal is within the tolerance (less the margin), every sample is
    /// within it of the mean (still); if one axis spans more than twice the tolerance (plus the
    /// margin), its extreme samples cannot both be within it of the mean (not still). Otherwise, or
    /// with a value that is not finite, the full scan decides.
    private func isStill(_ window: ArraySlice<IMUSample>) -> Bool {
        guard extremes.isFinite else { return Self.scan(window, parameters) }
        let lows = extremes.minima, highs = extremes.maxima
        let spans = highs - lows
        let gyro = parameters.gyroTolerance, accel = parameters.accelerometerTolerance
        let m = Self.shortcutMargin
        for k in 0..<3 {
            if spans[k] > 2 * gyro * (1 + m) || spans[k + 3] > 2 * accel * (1 + m) { return false }
        }
        let gyroDiagonal = (spans[0] * spans[0] + spans[1] * spans[1] + spans[2] * spans[2]).squareRoot()
        let accelDiagonal = (spans[3] * spans[3] + spans[4] * spans[4] + spans[5] * spans[5]).squareRoot()
        guard gyroDiagonal <= gyro * (1 - m), accelDiagonal <= accel * (1 - m) else { return Self.scan(window, parameters) }
        guard let limit = parameters.maximumMeanRate else { return true }
        // The mean rate lies in the box too: its norm is between the box's nearest and farthest points'.
        var nearest = 0.0, farthest = 0.0
        for k in 0..<3 {
            let lo = lows[k], hi = highs[k]
            let far = max(abs(lo), abs(hi)), near = lo > 0 ? lo : (hi < 0 ? -hi : 0)
            farthest += far * far
            nearest += near * near
        }
        if farthest.squareRoot() <= limit * (1 - m) { return true }
        if nearest.squareRoot() > limit * (1 + m) { return false }
        return Self.scan(window, parameters)
    }

    /// The rule itself, sample by sample: the window's means, then every sample against them.
    static func scan(_ ring: ArraySlice<IMUSample>, _ parameters: Parameters) -> Bool {
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
