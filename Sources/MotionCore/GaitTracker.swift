/// Tells gait from other movement in the raw sample stream of a thigh IMU, whatever the strap's
/// orientation and without a calibration, and counts steps in gait only.
///
/// The signal is the thigh's swings (`SagittalSwingDetector`: the horizontal angular rate about its
/// running principal axis, integrated). In gait the thigh swings once per stride, periodically, and
/// every stride carries the jolts of heel strikes; sit-to-stand is one large rotation, shifting and
/// exercise repetitions are slow, irregular or smooth. So a swing qualifies as a stride when its
/// range is at least `minimumRange` and the specific force's magnitude varied by at least
/// `minimumAccelerationRange` over it; gait is confirmed by `confirmingSwings` qualifying swings in
/// a row whose periods lie in `stridePeriod` and each within `periodRatio` of the one before — and
/// then the bout counts from its first swing. It ends at the first swing that breaks the rhythm,
/// or when the next peak is overdue (`periodRatio` × the last period after the last peak, with no
/// peak in rhythm still being confirmed).
///
/// Steps = 2 × strides: one thigh sees every other step. At a start or a stop the other leg makes
/// one step more or one fewer than the sensor's leg, as often one as the other, so no half-stride
/// is added.
///
/// Kind of a stride: running from `runningCadence` on; stairs when the stride's mean vertical (in
/// the sensor frame) leans more than `stairsInclination` from that of level walking (the thigh
/// works more flexed on stairs), or its range falls below `stairsRangeRatio` of level walking's
/// (going down, the thigh swings little); level walking's reference is learnt from the strides
/// judged walking, starting with the first bout's confirming strides (so a recording that starts on
/// stairs takes them for level walking). A bout switches kind after `switchingStrides`
/// strides of the new kind.
///
/// An explicit state machine: one method per input (`update` for a sample, `gapOccurred` for lost
/// samples), each returning what changed. Times are the samples' (seconds).
public struct GaitTracker: Sendable {
    public struct Parameters: Sendable, Hashable {
        public var swing = SagittalSwingDetector.Parameters()
        /// Smallest sagittal range of a stride, degrees (stairs down: 10–20°; level walking 30–50°).
        public var minimumRange = 8.0
        /// Smallest variation of |specific force| over a stride, m/s² (gait: 6–30 m/s² at the thigh;
        /// a smooth leg raise or a bounce in a stretch: under 1.5).
        public var minimumAccelerationRange = 2.0
        /// Stride periods of gait, seconds: 55 to 300 steps per minute.
        public var stridePeriod: ClosedRange<Double> = 0.4...2.2
        /// Largest ratio between consecutive stride periods in one bout.
        public var periodRatio = 1.5
        /// Swings in a row that confirm gait (the first one's period is not judged).
        public var confirmingSwings = 3
        /// Running from this cadence on, steps per minute (walking rarely exceeds 150, running is
        /// rarely below 165).
        public var runningCadence = 165.0
        /// Stairs: the stride's mean vertical leans this far from level walking's, degrees.
        public var stairsInclination = 8.0
        /// Stairs: the stride's range is below this fraction of level walking's.
        public var stairsRangeRatio = 0.6
        /// Strides of another kind that switch a bout to it.
        public var switchingStrides = 2
        /// Still: the smoothed angular-rate magnitude below this, rad/s (8.6 °/s; a gyro bias of a
        /// few °/s stays below it) ...
        public var stillRate = 0.15
        /// ... and the smoothed deviation of |specific force| from its running mean below this, m/s² ...
        public var stillForce = 0.3
        /// ... for this long, seconds.
        public var stillDuration = 1.0
        /// Leg length (hip to floor), metres, for the distance; nil: no distance.
        /// `StrideLengthModel.legLength(height:)` gives it from body height.
        public var legLength: Double?
        /// A stride measured on a calibration walk over a known distance (`WalkCalibration`),
        /// metres (0.5–3.0); when set, every level-walking stride counts this far instead of the
        /// pendulum model's length from `legLength`.
        public var strideLength: Double?

        /// Whether the distance walked is counted: a stride length or a leg length is known.
        var measuresDistance: Bool { strideLength != nil || legLength != nil }

        /// The metres a level-walking stride of `range` degrees covers (nil: no distance).
        func strideDistance(range: Double) -> Double? {
            if let strideLength { return strideLength }
            return legLength.map { StrideLengthModel.strideLength(thighRange: range, legLength: $0) }
        }

        public init() {}
    }

    /// What a sample changed.
    public enum Action: Sendable, Hashable {
        case none
        /// The activity became still, or other movement, at `since` (gait comes with its bouts;
        /// after `boutEnded` the activity is `other` until it changes).
        case activityChanged(Activity, since: Double)
        /// Gait confirmed: a bout began; its strides so far are counted.
        case boutStarted(GaitBout)
        /// A stride of the bout in progress (the bout as it is now).
        case stride(GaitBout)
        /// The gait changed kind: one bout ended where the next began.
        case boutSwitched(ended: GaitBout, started: GaitBout)
        /// The bout in progress ended: the person stopped, or the rhythm broke.
        case boutEnded(GaitBout)
    }

    /// A bout being counted.
    private struct Bout: Sendable, Hashable {
        var activity: Activity
        var start: Double
        var end: Double
        var strides = 0
        var periodSum = 0.0
        var periodCount = 0
        var distance = 0.0
        /// The last stride's period (judged), seconds.
        var lastPeriod: Double?

        init(activity: Activity, start: Double) {
            self.activity = activity
            self.start = start
            end = start
        }

        /// Adds a stride; `judged`: its period was checked against the rhythm (counts in the time).
        mutating func add(_ s: ThighSwing, judged: Bool, parameters: Parameters) {
            strides += 1
            end = s.time
            if judged, let p = s.period {
                periodSum += p
                periodCount += 1
                lastPeriod = p
            }
            if activity == .walking, let d = parameters.strideDistance(range: s.range) { distance += d }
        }

        func bout(measuresDistance: Bool) -> GaitBout {
            let seconds = periodCount > 0 ? Double(strides) * periodSum / Double(periodCount) : 0
            return GaitBout(activity: activity, start: start, end: end, strides: strides, seconds: seconds,
                            distance: measuresDistance ? distance : nil)
        }
    }

    private enum State: Sendable, Hashable {
        /// Not moving since `since`.
        case still(since: Double)
        /// Moving but not (yet) in gait; `run`: the qualifying swings in rhythm so far.
        case moving(since: Double, run: [ThighSwing])
        /// In a bout; `pending`: strides of another kind, not yet enough to switch.
        case gait(Bout, pending: [ThighSwing], pendingKind: Activity)
    }

    /// Level walking's stride, learnt: mean vertical (unit) and range (degrees).
    private struct Reference: Sendable, Hashable {
        var gravity: Vector3
        var range: Double
    }

    public let parameters: Parameters
    private var swings: SagittalSwingDetector
    private var state: State = .moving(since: 0, run: [])
    private var reference: Reference?
    private var finished: [GaitBout] = []
    private var started = false
    private var lastTime = 0.0
    private var rateLevel = 0.0
    private var forceMean: Double?
    /// The stillness low-passes' factors for an interval `dt` long (`updateStillness`): the rate's
    /// and deviation's (0.3 s) and the force mean's (1 s).
    private var stillnessFactors = (dt: -1.0, rate: 0.0, mean: 0.0)
    private var forceDeviation = 0.0
    private var stillSince: Double?

    public init(parameters: Parameters = .init()) {
        self.parameters = parameters
        swings = SagittalSwingDetector(parameters: parameters.swing)
    }

    /// What the person is doing now.
    public var activity: Activity {
        switch state {
        case .still: .still
        case .moving: .other
        case .gait(let bout, _, _): bout.activity
        }
    }

    /// Every bout so far, in order; the last one may still be in progress.
    public var bouts: [GaitBout] {
        guard case .gait(var bout, let pending, _) = state else { return finished }
        for s in pending { bout.add(s, judged: true, parameters: parameters) }
        return finished + [bout.bout(measuresDistance: parameters.measuresDistance)]
    }

    /// Steps in gait (walking, stairs, running).
    public var steps: Int { bouts.reduce(0) { $0 + $1.steps } }

    /// Seconds in gait of any kind.
    public var walkingSeconds: Double { bouts.reduce(0) { $0 + $1.seconds } }

    /// Steps per minute over the time in gait (nil before any bout is timed).
    public var cadence: Double? {
        let all = bouts
        let seconds = all.reduce(0) { $0 + $1.seconds }
        return seconds > 0 ? 60 * Double(all.reduce(0) { $0 + $1.steps }) / seconds : nil
    }

    /// Metres walked (level walking), nil without a stride or leg length.
    public var distanceMeters: Double? {
        guard parameters.measuresDistance else { return nil }
        return bouts.reduce(0) { $0 + ($1.distance ?? 0) }
    }

    /// One sample. A sample whose time does not advance, or with a non-finite value, is ignored;
    /// one more than 0.25 s after the last is taken as following a gap.
    public mutating func update(_ s: IMUSample) -> Action {
        guard s.time.isFinite, s.acceleration.isFinite, s.angularVelocity.isFinite else { return .none }
        if started && s.time <= lastTime { return .none }
        let gap = started && s.time - lastTime > 0.25 ? gapOccurred() : .none
        let action = step(s)
        return gap == .none ? action : gap
    }

    private mutating func step(_ s: IMUSample) -> Action {
        let still = updateStillness(s)
        let first = !started
        started = true
        lastTime = s.time
        // Stillness is known only once it has lasted: the first sample starts as moving.
        if first { state = .moving(since: s.time, run: []) }
        let swing = swings.update(s)
        switch state {
        case .still:
            guard swing != nil || !still else { return .none }
            state = .moving(since: s.time, run: swing.map { qualifies($0) ? [$0] : [] } ?? [])
            return .activityChanged(.other, since: s.time)
        case .moving(let since, var run):
            if let swing {
                if !qualifies(swing) {
                    run = []
                } else if run.isEmpty || !inRhythm(swing, after: run.count < 2 ? nil : run.last?.period) {
                    run = [swing]
                } else {
                    run.append(swing)
                }
                if run.count >= parameters.confirmingSwings { return startBout(run) }
                state = .moving(since: since, run: run)
                return .none
            }
            // (A run is not dropped on time here: a peak is confirmed only after the swing back, and
            // a late next swing fails the period test anyway.)
            if still, let stillSince, s.time - stillSince >= parameters.stillDuration {
                state = .still(since: stillSince)
                return .activityChanged(.still, since: stillSince)
            }
            state = .moving(since: since, run: run)
            return .none
        case .gait(var bout, var pending, var pendingKind):
            let lastPeriod = pending.last?.period ?? bout.lastPeriod
            guard let swing else {
                // Overdue: the next peak did not come in rhythm — unless a peak in rhythm is in
                // progress (a peak is confirmed only once the thigh has swung back).
                let lastPeak = pending.last?.time ?? bout.end
                guard let lastPeriod else { return .none }
                let latest = lastPeak + parameters.periodRatio * lastPeriod
                let waiting = swings.peakInProgress.map { $0 <= latest } ?? false
                    && s.time - lastPeak <= 2 * parameters.stridePeriod.upperBound
                if s.time > latest && !waiting {
                    return endBout(bout, pending: pending, run: [], at: s.time)
                }
                return .none
            }
            guard qualifies(swing), inRhythm(swing, after: lastPeriod) else {
                return endBout(bout, pending: pending, run: qualifies(swing) ? [swing] : [], at: swing.time)
            }
            let kind = classify(swing)
            if kind == bout.activity {
                for p in pending { bout.add(p, judged: true, parameters: parameters) }
                bout.add(swing, judged: true, parameters: parameters)
                state = .gait(bout, pending: [], pendingKind: kind)
                return .stride(bout.bout(measuresDistance: parameters.measuresDistance))
            }
            if pending.isEmpty || pendingKind != kind {
                pending = [swing]
                pendingKind = kind
            } else {
                pending.append(swing)
            }
            guard pending.count >= parameters.switchingStrides else {
                state = .gait(bout, pending: pending, pendingKind: pendingKind)
                return .none
            }
            let ended = bout.bout(measuresDistance: parameters.measuresDistance)
            finished.append(ended)
            var next = Bout(activity: kind, start: ended.end)
            for p in pending { next.add(p, judged: true, parameters: parameters) }
            state = .gait(next, pending: [], pendingKind: kind)
            return .boutSwitched(ended: ended, started: next.bout(measuresDistance: parameters.measuresDistance))
        }
    }

    /// Samples were lost: a bout in progress ends at the last sample before the gap, and the
    /// rhythm must be found again.
    public mutating func gapOccurred() -> Action {
        swings.gapOccurred()
        forceMean = nil
        stillSince = nil
        switch state {
        case .still:
            return .none
        case .moving(let since, _):
            state = .moving(since: since, run: [])
            return .none
        case .gait(let bout, let pending, _):
            return endBout(bout, pending: pending, run: [], at: lastTime)
        }
    }

    /// A swing that may be a stride: large enough, with the jolts of gait.
    private func qualifies(_ s: ThighSwing) -> Bool {
        s.range >= parameters.minimumRange && s.accelerationRange >= parameters.minimumAccelerationRange
    }

    /// The swing's period is a stride's and within `periodRatio` of the last (when there is one).
    private func inRhythm(_ s: ThighSwing, after last: Double?) -> Bool {
        guard let p = s.period, parameters.stridePeriod.contains(p) else { return false }
        guard let last else { return true }
        return p <= parameters.periodRatio * last && last <= parameters.periodRatio * p
    }

    /// The kind of gait of a stride in rhythm; learns level walking's reference from walking strides.
    private mutating func classify(_ s: ThighSwing) -> Activity {
        if let p = s.period, 120 / p >= parameters.runningCadence { return .running }
        guard var r = reference else {
            reference = Reference(gravity: s.gravity, range: s.range)
            return .walking
        }
        let lean = min(max(s.gravity.dot(r.gravity), -1), 1).arcCosine.degrees
        if lean > parameters.stairsInclination || s.range < parameters.stairsRangeRatio * r.range { return .stairs }
        r.gravity = (r.gravity + (s.gravity - r.gravity) * 0.2).normalized
        r.range += (s.range - r.range) * 0.2
        reference = r
        return .walking
    }

    /// Gait confirmed by `run`: its kind is the most common of its strides' (walking on a tie).
    private mutating func startBout(_ run: [ThighSwing]) -> Action {
        if reference == nil {
            // Level walking's reference from the strides of the first bout, leaving out its first
            // swing (it carries the transition from standing).
            let strides = run.dropFirst()
            let gravity = strides.reduce(Vector3.zero) { $0 + $1.gravity }.normalized
            let range = strides.reduce(0) { $0 + $1.range } / Double(strides.count)
            reference = Reference(gravity: gravity, range: range)
        }
        let kinds = run.map { classify($0) }
        let counts = [Activity.walking, .stairs, .running].map { k in (k, kinds.filter { $0 == k }.count) }
        let kind = counts.max { $0.1 < $1.1 }!.0
        var bout = Bout(activity: kind, start: run[0].start)
        for (i, s) in run.enumerated() { bout.add(s, judged: i > 0, parameters: parameters) }
        state = .gait(bout, pending: [], pendingKind: kind)
        return .boutStarted(bout.bout(measuresDistance: parameters.measuresDistance))
    }

    /// Ends the bout (its pending strides are gait too, and count in it).
    private mutating func endBout(_ bout: Bout, pending: [ThighSwing], run: [ThighSwing], at t: Double) -> Action {
        var bout = bout
        for p in pending { bout.add(p, judged: true, parameters: parameters) }
        let ended = bout.bout(measuresDistance: parameters.measuresDistance)
        finished.append(ended)
        state = .moving(since: t, run: run)
        return .boutEnded(ended)
    }

    /// Updates the stillness measures; true when this sample is still.
    private mutating func updateStillness(_ s: IMUSample) -> Bool {
        let dt = started ? s.time - lastTime : 0
        // The same interval (a steady sample rate repeats it to the bit) gives the same factors.
        if stillnessFactors.dt != dt {
            stillnessFactors = (dt, 1 - (-dt / 0.3).exponential, 1 - (-dt / 1.0).exponential)
        }
        let k = stillnessFactors.rate
        let f = s.acceleration.norm
        let mean = forceMean ?? f
        let w = s.angularVelocity.norm
        if forceMean == nil {
            rateLevel = w
            forceDeviation = 0
        } else {
            rateLevel += (w - rateLevel) * k
            forceDeviation += (abs(f - mean) - forceDeviation) * k
        }
        forceMean = mean + (f - mean) * stillnessFactors.mean
        let still = rateLevel < parameters.stillRate && forceDeviation < parameters.stillForce
        if still {
            if stillSince == nil { stillSince = s.time }
        } else {
            stillSince = nil
        }
        return still
    }
}
