/// A calibration walk over a known distance (`formcheck calibrate --walk 100m`): the user stands
/// still, walks the distance on the level, and stops; the thigh's strides are counted by
/// `GaitTracker` (one swing of the sensor's thigh per stride, two steps) and the stride is
/// distance / strides. That stride then replaces the pendulum model's (`StrideLengthModel`) for
/// every later walk (`GaitTracker.Parameters.strideLength`), so a walk's distance is its strides ×
/// the user's own stride at their own pace.
///
/// An explicit state machine: one method per input (`update` for a sample, `gapOccurred` for lost
/// samples), each returning what changed; `result` says what the walk gave so far (a file: at its
/// end; live: once `finished`).
///
///     waiting → (gait confirmed) walking → (the thigh still) stopped → (still `stillAfterWalk`) finished
///                                 ↑__________ (gait again) __________|
public struct WalkCalibration: Sendable {
    public struct Rules: Sendable, Hashable {
        /// Plausible strides (two steps), metres: a short shuffle to a long running stride.
        public var strideRange: ClosedRange<Double> = 0.5...3.0
        /// Fewest level-walking strides: with fewer, one stride miscounted at the start or the
        /// stop (as often as not) is more than 5 % of the stride.
        public var minimumStrides = 20
        /// Largest share of the walk's strides that may be stairs or running: a level walk has none.
        public var maximumOtherGait = 0.1
        /// Live: the walk is over once the thigh has been still this long after walking, seconds
        /// (counted from the start of the stillness, which `GaitTracker` sees after its 1 s).
        public var stillAfterWalk = 3.0

        public init() {}
    }

    public enum Action: Sendable, Hashable {
        case none
        /// Gait confirmed: the walk began (its first strides counted).
        case walkStarted(at: Double)
        /// A stride of the walk: level-walking strides so far.
        case stride(strides: Int)
        /// The user stopped and has stood still `stillAfterWalk`: the walk is over.
        case finished
    }

    /// Why a walk gives no stride.
    public enum Shortfall: Sendable, Hashable {
        /// No gait at all.
        case noWalk
        /// Too few level-walking strides (`strides`, `needed`).
        case tooShort(strides: Int, needed: Int)
        /// Too much of the walk was stairs or running (strides of each, and of level walking).
        case notLevel(walking: Int, stairs: Int, running: Int)
        /// The stride worked out is outside `strideRange` (metres).
        case implausibleStride(Double, strides: Int)
    }

    /// What the walk gave.
    public enum Result: Sendable, Hashable {
        /// Metres per stride, from `strides` strides (level walking and the few of other gait
        /// allowed) over `seconds` in gait.
        case stride(Double, strides: Int, seconds: Double)
        case failed(Shortfall)
    }

    private enum State: Sendable, Hashable {
        /// No gait yet.
        case waiting
        /// In a walk (or between bouts, moving).
        case walking
        /// Still since `since` after walking.
        case stopped(since: Double)
        /// Still long enough after walking: over.
        case finished
    }

    /// The known distance, metres (> 0).
    public let distance: Double
    public let rules: Rules
    private var gait: GaitTracker
    private var state: State = .waiting

    public init(distance: Double, rules: Rules = .init(), gait parameters: GaitTracker.Parameters = .init()) {
        self.distance = distance
        self.rules = rules
        var p = parameters
        // The calibration counts strides; it must not itself use a stride or leg length.
        p.strideLength = nil
        p.legLength = nil
        gait = GaitTracker(parameters: p)
    }

    /// True once the walk is over (live: stop reading).
    public var isFinished: Bool { state == .finished }

    /// Level-walking strides so far.
    public var walkingStrides: Int { strides(of: .walking) }

    /// A sample (its time in seconds on the samples' clock).
    public mutating func update(_ s: IMUSample) -> Action {
        let action = gait.update(s)
        return next(after: action, at: s.time)
    }

    /// Samples were lost.
    public mutating func gapOccurred() -> Action {
        next(after: gait.gapOccurred(), at: nil)
    }

    private mutating func next(after action: GaitTracker.Action, at time: Double?) -> Action {
        switch state {
        case .finished:
            return .none
        case .waiting:
            guard case .boutStarted(let bout) = action else { return .none }
            state = .walking
            return .walkStarted(at: bout.start)
        case .walking:
            switch action {
            case .activityChanged(.still, let since):
                state = .stopped(since: since)
                return .none
            case .stride, .boutStarted, .boutSwitched:
                return .stride(strides: walkingStrides)
            case .none, .activityChanged, .boutEnded:
                return .none
            }
        case .stopped(let since):
            switch action {
            case .boutStarted:
                state = .walking
                return .stride(strides: walkingStrides)
            case .activityChanged(let activity, _) where activity != .still:
                state = .walking
                return .none
            case .none, .activityChanged, .stride, .boutSwitched, .boutEnded:
                guard let time, time - since >= rules.stillAfterWalk else { return .none }
                state = .finished
                return .finished
            }
        }
    }

    /// The stride the walk gives (so far), or why it gives none.
    public var result: Result {
        let bouts = gait.bouts
        guard !bouts.isEmpty else { return .failed(.noWalk) }
        let walking = strides(of: .walking), stairs = strides(of: .stairs), running = strides(of: .running)
        let all = walking + stairs + running
        if Double(stairs + running) > rules.maximumOtherGait * Double(all) {
            return .failed(.notLevel(walking: walking, stairs: stairs, running: running))
        }
        guard walking >= rules.minimumStrides else { return .failed(.tooShort(strides: walking, needed: rules.minimumStrides)) }
        // The few strides of other gait allowed covered the distance too.
        let stride = distance / Double(all)
        guard rules.strideRange.contains(stride) else { return .failed(.implausibleStride(stride, strides: all)) }
        let seconds = bouts.reduce(0) { $0 + $1.seconds }
        return .stride(stride, strides: all, seconds: seconds)
    }

    private func strides(of activity: Activity) -> Int {
        gait.bouts.filter { $0.activity == activity }.reduce(0) { $0 + $1.strides }
    }
}
