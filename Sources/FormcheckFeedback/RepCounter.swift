/// Repetitions of a strengthening exercise, as an explicit state machine: waiting for the start
/// position → at the start → rising → at the top (an optional hold) → lowering → back at the start
/// (the rep ends). The angle is the smoothed flexion (degrees) and its rate (°/s); the direction of
/// the movement is the sign of `topAngle − startAngle` (a bridge's thigh falls from 45° towards
/// 12°; a straight-leg raise rises from 0° to 35°), and "progress" is the distance moved from the
/// start position in that direction, degrees. The start position is where the thigh settled before
/// the rep (within `startTolerance` of `startAngle`), so a person whose knees bend to 50° is judged
/// from 50°: the median angle of the still samples (rate below `stillRate`, within `boundaryBand`)
/// of the rest before the rep — not its first one alone, which a session's first second can read a
/// degree off. The rep's range, peak and end are from there.
///
/// Boundaries as a person sees them: a rep starts when the thigh last was within `boundaryBand` of
/// the start position before it moved `leaveBand` away, and ends when it is back within
/// `boundaryBand`. Up is from the start to the top (the speed falls below `topRate`), the top lasts
/// until the thigh moves back faster than `lowerRate`, down is from then to the end. Times in
/// seconds.
///
/// Form errors: `overshoot` (beyond the target range from the start position by more than
/// `overshootBeyond`, said at once),
/// `sagging` (with a hold: at the top, drifted back `sagDegrees` from the peak before lowering, said
/// at once), `tooFast` (up faster than `minimumUpSeconds`, said at the top; down faster than
/// `minimumDownSeconds`, said at the end — both for the whole target range: a rep that moves only
/// part of it has that part of the time, so a short rep at a good pace is not too fast), `shallow` (range short of the target by more than
/// `rangeTolerance`) and `shortHold` (top shorter than `holdSeconds − holdGrace`), said at the end. A
/// rep with `overshoot`, `shallow` or `sagging` is not complete. `compensation` (with
/// `compensationDegrees` > 0): the thigh's roll about its long axis, or its angle out of the
/// movement's plane, moved more than `compensationDegrees` from where it was at the rep's start (the
/// last sample within `boundaryBand` of the start position), said at once; judged from the start to
/// the end of the rep.
public struct RepCounter: Sendable {
    public enum Action: Sendable, Hashable {
        /// Settled in the start position at `angle` degrees (the first time, and after each rep).
        case atStart(angle: Double)
        /// A rep began at `start` (seconds; known at the time of the action).
        case started(rep: Int, start: Double)
        /// The top was reached.
        case top(rep: Int)
        /// Lowering began.
        case lowering(rep: Int)
        /// This form error happened in the current rep (overshoot, sagging, tooFast on the way up).
        case formError(FormError, rep: Int)
        /// The rep is over.
        case ended(Rep)
    }

    /// One repetition.
    public struct Rep: Sendable, Hashable {
        public var rep: Int
        /// Seconds since the first sample.
        public var start: Double
        public var end: Double
        /// The angle (along the movement's axis: flexion or abduction) furthest along the movement, degrees.
        public var peak: Double
        /// Degrees moved from the start position to the peak.
        public var range: Double
        public var upSeconds: Double
        public var topSeconds: Double
        public var downSeconds: Double
        /// The errors of this rep, in the order they happened.
        public var faults: [FormError]
        /// No overshoot, shallow or sagging.
        public var complete: Bool
    }

    public struct Rules: Sendable, Hashable {
        /// Flexion of the start position, degrees, and how far from it the thigh may settle.
        public var startAngle: Double
        public var startTolerance: Double
        /// Flexion of the top, degrees: the target range is `|topAngle − startAngle|`.
        public var topAngle: Double
        /// A range short of the target by more than this is `shallow`, degrees.
        public var rangeTolerance: Double
        /// Beyond the top by more than this is `overshoot`, degrees.
        public var overshootBeyond: Double
        /// A rep begins this far from the start position, degrees.
        public var leaveBand: Double
        /// Rep boundaries: leaving and coming back within this of the start position, degrees.
        public var boundaryBand: Double
        /// Rising ends (the top is reached) when the speed falls below this, °/s.
        public var topRate: Double
        /// Lowering begins when the thigh moves back faster than this, °/s.
        public var lowerRate: Double
        /// Settled in the start position: speed below this, °/s.
        public var stillRate: Double
        /// Up or down the whole target range in less than these is `tooFast`, seconds (a rep moving a
        /// share of the range: that share of these).
        public var minimumUpSeconds: Double
        public var minimumDownSeconds: Double
        /// The prescribed pause at the top (0: none), and how much shorter it may be, seconds.
        public var holdSeconds: Double
        public var holdGrace: Double
        /// With a hold, drifting back this far from the peak at the top is `sagging`, degrees.
        public var sagDegrees: Double
        /// Roll or out-of-plane movement beyond this from the rep's start is `compensation`,
        /// degrees; 0: not checked.
        public var compensationDegrees = 0.0

        public init(startAngle: Double, startTolerance: Double, topAngle: Double, rangeTolerance: Double, overshootBeyond: Double,
                    leaveBand: Double, boundaryBand: Double, topRate: Double, lowerRate: Double, stillRate: Double,
                    minimumUpSeconds: Double, minimumDownSeconds: Double, holdSeconds: Double, holdGrace: Double, sagDegrees: Double) {
            self.startAngle = startAngle
            self.startTolerance = startTolerance
            self.topAngle = topAngle
            self.rangeTolerance = rangeTolerance
            self.overshootBeyond = overshootBeyond
            self.leaveBand = leaveBand
            self.boundaryBand = boundaryBand
            self.topRate = topRate
            self.lowerRate = lowerRate
            self.stillRate = stillRate
            self.minimumUpSeconds = minimumUpSeconds
            self.minimumDownSeconds = minimumDownSeconds
            self.holdSeconds = holdSeconds
            self.holdGrace = holdGrace
            self.sagDegrees = sagDegrees
        }

        public init(_ r: ExerciseProtocol.RepRules) {
            self.init(startAngle: r.startAngle, startTolerance: r.startTolerance, topAngle: r.topAngle, rangeTolerance: r.rangeTolerance,
                      overshootBeyond: r.overshootBeyond, leaveBand: r.leaveBand, boundaryBand: r.boundaryBand, topRate: r.topRate,
                      lowerRate: r.lowerRate, stillRate: r.stillRate, minimumUpSeconds: r.minimumUpSeconds,
                      minimumDownSeconds: r.minimumDownSeconds, holdSeconds: r.holdSeconds, holdGrace: r.holdGrace, sagDegrees: r.sagDegrees)
            compensationDegrees = r.compensationDegrees
        }

        /// +1 when the movement raises the flexion, −1 when it lowers it.
        public var direction: Double { topAngle >= startAngle ? 1 : -1 }
        /// Degrees from the start position to the top.
        public var targetRange: Double { abs(topAngle - startAngle) }
    }

    /// The rep under way.
    private struct Progress: Sendable, Hashable {
        var rep: Int
        var base: Double
        var start: Double
        /// Furthest progress so far, degrees, and the flexion there.
        var peak: Double
        var peakAngle: Double
        var faults: [FormError] = []
        var topSince = 0.0
        /// Last time at the top within `sagDegrees` of the peak.
        var heldUntil = 0.0
        var lowerSince = 0.0
    }

    private enum State: Sendable, Hashable {
        /// Not yet settled in the start position.
        case waiting
        /// At the start position `base` (flexion, degrees); last within the boundary band at `near`.
        case atStart(base: Double, near: Double)
        case rising(Progress)
        case top(Progress)
        case lowering(Progress)
    }

    public let rules: Rules
    private var state: State = .waiting
    private var count = 0
    /// The roll and out-of-plane angle at the last sample within the boundary band of the start
    /// position (the reference of `compensation`), and this sample's, degrees.
    private var startOffAxis = (roll: 0.0, offPlane: 0.0)
    private var offAxis = (roll: 0.0, offPlane: 0.0)
    /// The angles (degrees) of the still samples at the start position since the thigh last moved
    /// (`startRestOver`: it moved since, the next still sample begins a new rest); thinned to every
    /// other one past `startRestLimit` (a long rest: memory stays bounded, the median is still the rest's).
    private var startRest: [Double] = []
    private var startRestOver = false
    static let startRestLimit = 4000

    public init(rules: Rules) {
        self.rules = rules
    }

    /// Reps begun so far.
    public var reps: Int { count }

    /// Where the counter is, for the view (nil before the start position).
    public var stage: RepStage? {
        switch state {
        case .waiting: nil
        case .atStart: .start
        case .rising: .up
        case .top: .top
        case .lowering: .down
        }
    }

    /// A sample: the smoothed angle along the movement's axis (degrees) and its rate (°/s) at `t`
    /// seconds, and the thigh's roll about its long axis and its angle out of the movement's plane
    /// (degrees, smoothed alike; only `compensation` reads them).
    public mutating func update(time t: Double, angle: Double, rate: Double, roll: Double = 0, offPlane: Double = 0) -> [Action] {
        offAxis = (roll, offPlane)
        let dir = rules.direction
        switch state {
        case .waiting:
            guard abs(rate) < rules.stillRate, abs(angle - rules.startAngle) <= rules.startTolerance else { return [] }
            state = .atStart(base: angle, near: t)
            startRest = [angle]
            startRestOver = false
            startOffAxis = offAxis
            return [.atStart(angle: angle)]
        case .atStart(let base, let near):
            let p = dir * (angle - base)
            if p <= rules.boundaryBand {
                // At the start: its still samples since the thigh last moved are the rest the rep's
                // start position is read from (their median).
                if abs(rate) < rules.stillRate && abs(angle - rules.startAngle) <= rules.startTolerance {
                    if startRestOver { startRest.removeAll(keepingCapacity: true) }
                    startRestOver = false
                    startRest.append(angle)
                    if startRest.count > Self.startRestLimit { startRest = stride(from: 0, to: startRest.count, by: 2).map { startRest[$0] } }
                } else {
                    startRestOver = true
                }
                state = .atStart(base: base, near: t)
                startOffAxis = offAxis
                return []
            }
            guard p >= rules.leaveBand else { return [] }
            count += 1
            // The start position: the median of the rest before the rep — not its first still sample
            // alone, which a session's first second can read a degree off while the orientation
            // estimate converges (nor the slow first degree of the rep).
            let rest = startRest.sorted()
            let from = rest.isEmpty ? base : rest[rest.count / 2]
            var r = Progress(rep: count, base: from, start: near, peak: dir * (angle - from), peakAngle: angle)
            state = .rising(r)
            var actions: [Action] = [.started(rep: count, start: near)]
            actions += overshoot(&r, angle: angle) + compensation(&r)
            state = .rising(r)
            return actions
        case .rising(var r):
            let p = dir * (angle - r.base)
            advance(&r, p: p, angle: angle)
            var actions = overshoot(&r, angle: angle) + compensation(&r)
            if dir * rate < rules.topRate {
                r.topSince = t
                r.heldUntil = t
                actions.append(.top(rep: r.rep))
                if t - r.start < rules.minimumUpSeconds * share(r) { actions += fault(&r, .tooFast) }
                state = .top(r)
                return actions
            }
            state = .rising(r)
            return actions
        case .top(var r):
            let p = dir * (angle - r.base)
            advance(&r, p: p, angle: angle)
            var actions = overshoot(&r, angle: angle) + compensation(&r)
            if r.peak - p <= rules.sagDegrees { r.heldUntil = t }
            if p <= rules.boundaryBand {
                // Crept back without ever lowering: down from when it left the top.
                r.lowerSince = r.heldUntil
                return actions + end(r, at: t)
            }
            if -dir * rate > rules.lowerRate {
                r.lowerSince = t
                state = .lowering(r)
                return actions + [.lowering(rep: r.rep)]
            }
            if rules.holdSeconds > 0, r.peak - p > rules.sagDegrees { actions += fault(&r, .sagging) }
            state = .top(r)
            return actions
        case .lowering(var r):
            let p = dir * (angle - r.base)
            if p <= rules.boundaryBand { return end(r, at: t) }
            let actions = overshoot(&r, angle: angle) + compensation(&r)
            state = .lowering(r)
            return actions
        }
    }

    private func advance(_ r: inout Progress, p: Double, angle: Double) {
        if p > r.peak {
            r.peak = p
            r.peakAngle = angle
        }
    }

    /// The share of the target range moved so far, at most 1: the minimum up and down times are for
    /// the whole range.
    private func share(_ r: Progress) -> Double {
        rules.targetRange > 0 ? min(1, r.peak / rules.targetRange) : 1
    }

    private func overshoot(_ r: inout Progress, angle: Double) -> [Action] {
        // From the start position the thigh settled in, like the range: an offset of the whole angle
        // (a hook-lying thigh read at 33° instead of 45°) does not make every rep an overshoot.
        guard rules.direction * (angle - r.base) > rules.targetRange + rules.overshootBeyond else { return [] }
        return fault(&r, .overshoot)
    }

    private func compensation(_ r: inout Progress) -> [Action] {
        guard rules.compensationDegrees > 0,
              max(abs(offAxis.roll - startOffAxis.roll), abs(offAxis.offPlane - startOffAxis.offPlane)) > rules.compensationDegrees
        else { return [] }
        return fault(&r, .compensation)
    }

    /// Records `kind` once per rep.
    private func fault(_ r: inout Progress, _ kind: FormError) -> [Action] {
        guard !r.faults.contains(kind) else { return [] }
        r.faults.append(kind)
        return [.formError(kind, rep: r.rep)]
    }

    private mutating func end(_ r: Progress, at t: Double) -> [Action] {
        var r = r
        let top = r.lowerSince - r.topSince
        let down = t - r.lowerSince
        if r.peak < rules.targetRange - rules.rangeTolerance { _ = fault(&r, .shallow) }
        if down < rules.minimumDownSeconds * share(r) { _ = fault(&r, .tooFast) }
        if rules.holdSeconds > 0, top < rules.holdSeconds - rules.holdGrace { _ = fault(&r, .shortHold) }
        state = .atStart(base: r.base, near: t)
        startRest.removeAll(keepingCapacity: true)
        startRestOver = false
        startOffAxis = offAxis
        let rep = Rep(rep: r.rep, start: r.start, end: t, peak: r.peakAngle, range: r.peak, upSeconds: r.topSince - r.start,
                      topSeconds: top, downSeconds: down, faults: r.faults, complete: !r.faults.contains { $0.spoilsHold })
        return [.ended(rep)]
    }
}
