/// What a recording has shown so far about how the strap sits, gathered sample by sample in any
/// order: the still rests (gravity's direction in the sensor frame, in whatever posture), the axis the
/// thigh tilts about when it moves (the flexion axis: walking, sit-to-stand, leg raises all turn the
/// thigh in the sagittal plane), what walking says about that axis's sign (the thigh flexes fast and
/// briefly in swing and extends slowly through stance; the heel strikes with the thigh forward), and a
/// thinned history of gravity's direction to test hypotheses against. `MountingSolver` turns it into
/// a mounting. Memory is bounded: rests are merged beyond `maximumRests`, the history is thinned.
public struct MountingEvidence: Sendable {
    /// One still period.
    public struct Rest: Sendable, Hashable {
        /// Seconds, on the samples' clock.
        public var start: Double
        public var end: Double
        /// Gravity's "up" in the sensor frame (unit), as the orientation estimate sees it over the
        /// rest: the same tilt the angles are later measured with.
        public var up: Vector3
        /// The mean specific force over the rest, m/s² (sensor frame, as measured).
        public var acceleration: Vector3
        /// Mean |ω − mean ω| over the rest, rad/s: how still it was.
        public var sway: Double
        /// The orientation estimate (earth ← sensor) at the rest's last sample.
        public var orientation: Quaternion
        public var duration: Double { end - start }
    }

    /// What the walking bouts say.
    public struct Gait: Sendable, Hashable {
        /// Seconds of walking seen.
        public var seconds = 0.0
        /// Σ up·dt over walking (sensor frame; divide by `seconds` for the mean).
        public var upSum = Vector3.zero
        /// Seconds during which the thigh turned positively about `MountingEvidence.axis`.
        public var positiveSeconds = 0.0
        /// Σ of the high-passed angle about the axis at heel strikes, radians, and their count.
        public var impactAngleSum = 0.0
        public var impacts = 0
        /// Σ of the high-passed angle squared over walking (for its RMS), rad²·s.
        public var angleSquareSum = 0.0

        /// Mean "up" over walking (unit), nil before any walking.
        public var meanUp: Vector3? { seconds > 0 ? upSum.normalized : nil }

        /// Evidence that the axis is flexion-positive: positive when walking says so, negative when it
        /// says the opposite, near 0 when it cannot tell. Two votes, each clamped to ±2: the share of
        /// time spent turning positively (stance extension lasts ~60 % of a stride, so a
        /// flexion-positive axis turns positively ~40 % of the time), and where the heel strikes
        /// fall (at the flexed end of the swing).
        public var flexionVote: Double {
            guard seconds >= 2 else { return 0 }
            let share = positiveSeconds / seconds
            let v1 = max(-2, min(2, (0.5 - share) / 0.04))
            var v2 = 0.0
            if impacts >= 4, angleSquareSum > 0 {
                let rms = (angleSquareSum / seconds).squareRoot()
                v2 = max(-2, min(2, impactAngleSum / Double(impacts) / rms / 0.15))
            }
            return v1 + v2
        }
    }

    public struct Parameters: Sendable, Hashable {
        /// Rests for posture: looser than the filter's rest detector (people standing sway).
        public var rest: RestDetector.Parameters = {
            var p = RestDetector.Parameters()
            p.window = 0.4
            p.gyroTolerance = 12.0 * .pi / 180
            p.accelerometerTolerance = 0.6
            p.minimumDuration = 0.5
            p.maximumMeanRate = 5.0 * .pi / 180
            return p
        }()
        /// Tilting rates below this are not movement, rad/s (4 °/s: above a still thigh's noise and
        /// sway, below the slow start of a gentle raise).
        public var movingRate = 4.0 * .pi / 180
        /// A swing half-cycle of walking lasts this long, seconds (strides of 0.5–2.4 s).
        public var halfCycle: ClosedRange<Double> = 0.12...1.2
        /// A swing reverses once the rate about the axis passes this, rad/s (30 °/s).
        public var swingRate = 30.0 * .pi / 180
        /// Consecutive half-cycles that make a walking bout.
        public var bout = 4
        /// Specific force that marks a heel strike, as a multiple of the rest's |a|.
        public var impact = 1.25
        /// Most rests kept; past it the shortest is dropped.
        public var maximumRests = 64
        /// Most history entries kept; past it every other one is dropped and the interval doubles.
        public var maximumHistory = 4000
        public init() {}
    }

    public let parameters: Parameters
    public private(set) var rests: [Rest] = []
    public private(set) var gait = Gait()
    /// Σ ω⊥ω⊥ᵀ dt over movement: xx yy zz xy xz yz (ω⊥ = angular rate less its part about "up").
    public private(set) var moment = [0.0, 0, 0, 0, 0, 0]

    /// One movement between two rests: its tilting moment and how far it turned.
    public struct Segment: Sendable, Hashable {
        public var moment: [Double]
        /// ∫|ω⊥|dt, radians.
        public var rotation: Double
        /// Its principal axis (unit, sign arbitrary).
        public var axis: Vector3
    }

    /// The movements so far (the one in progress not included), at most `maximumRests` (the
    /// smallest dropped). The flexion axis is the consensus of the movements that share one axis,
    /// so that the other movements of an exercise (crossing a leg over, opening a clamshell) do not
    /// tilt it.
    public private(set) var segments: [Segment] = []
    private var segmentMoment = [0.0, 0, 0, 0, 0, 0]
    private var segmentRotation = 0.0
    /// ∫|ω⊥|dt over movement, radians: how much tilting the axis rests on.
    public private(set) var tilt = 0.0
    /// Thinned "up" directions over the whole recording (sensor frame), with their times.
    public private(set) var history: [(time: Double, up: Vector3)] = []
    /// The current estimate of the tilting axis (unit, sign kept continuous), nil before movement.
    public private(set) var axis: Vector3?
    /// The gravity magnitude seen at rest (median-ish running mean), m/s².
    public private(set) var gravity = 9.80665

    private var detector: RestDetector
    private var restAcc = Vector3.zero
    private var restBias: Vector3?
    private var lastRestStart: Double?
    private var restUp = Vector3.zero
    private var restGyro = Vector3.zero
    private var restGyroSquare = 0.0
    private var restCount = 0
    private var restOrientation = Quaternion.identity
    private var lastTime: Double?
    private var historyInterval = 0.1
    private var lastHistory = -Double.infinity
    private var lastAxisUpdate = -Double.infinity
    // Walking.
    private var swingSign = 0
    private var swingSince = 0.0
    private var halfCycles = 0
    private var angle = 0.0
    private var angleMean = 0.0
    private var lastNorm = 0.0
    private var rising = false
    private var pending = Gait()

    public init(parameters: Parameters = .init()) {
        self.parameters = parameters
        detector = RestDetector(parameters: parameters.rest)
    }

    /// The rest in progress, if any (not yet in `rests`).
    public var currentRest: Rest? {
        guard let start = detector.restStart, restCount > 0, let t = lastTime else { return nil }
        return Rest(start: start, end: t, up: restUp.normalized, acceleration: restAcc / Double(restCount), sway: restSway,
                    orientation: restOrientation)
    }

    /// Every rest, the one in progress included.
    public var allRests: [Rest] { rests + (currentRest.map { [$0] } ?? []) }

    /// Ratio of the tilting moment's largest eigenvalue to the next: how planar the movement is.
    public private(set) var axisQuality = 0.0

    private var restSway: Double {
        guard restCount > 0 else { return 0 }
        let n = Double(restCount)
        let mean = restGyro / n
        return max(0, restGyroSquare / n - mean.dot(mean)).squareRoot()
    }

    /// - Parameters:
    ///   - orientation: the orientation estimate (earth ← sensor) for this sample;
    ///   - gyroBias: the estimate's gyroscope bias, rad/s.
    public mutating func update(_ s: IMUSample, orientation: Quaternion, gyroBias: Vector3) {
        let dt = lastTime.map { s.time - $0 } ?? 0
        lastTime = s.time
        let up = orientation.conjugate.rotate(.unitZ)
        switch detector.update(s) {
        case .restEnded(let since, let until):
            closeRest(since: since, until: until)
        case .restStarted:
            closeSegment()
        case .none:
            break
        }
        if detector.isResting {
            restAcc += s.acceleration
            restUp += up
            restGyro += s.angularVelocity
            restGyroSquare += s.angularVelocity.dot(s.angularVelocity)
            restCount += 1
            if restCount == 1 || (s.angularVelocity - gyroBias).norm < 3.0 * .pi / 180 { restOrientation = orientation }
        }
        if s.time - lastHistory >= historyInterval {
            lastHistory = s.time
            history.append((s.time, up))
            if history.count >= parameters.maximumHistory {
                history = stride(from: 0, to: history.count, by: 2).map { history[$0] }
                historyInterval *= 2
            }
        }
        guard dt > 0, dt < 0.1 else {
            endSwing()
            return
        }
        // The gyroscope's bias: the mean rate over the last still rest of a second or more measures it
        // directly; before one, the estimate's.
        let w = s.angularVelocity - (restBias ?? gyroBias)
        let wPerp = w - up * w.dot(up)
        if wPerp.norm > parameters.movingRate {
            moment[0] += wPerp.x * wPerp.x * dt
            moment[1] += wPerp.y * wPerp.y * dt
            moment[2] += wPerp.z * wPerp.z * dt
            moment[3] += wPerp.x * wPerp.y * dt
            moment[4] += wPerp.x * wPerp.z * dt
            moment[5] += wPerp.y * wPerp.z * dt
            tilt += wPerp.norm * dt
            let m = [wPerp.x * wPerp.x, wPerp.y * wPerp.y, wPerp.z * wPerp.z, wPerp.x * wPerp.y, wPerp.x * wPerp.z, wPerp.y * wPerp.z]
            for k in 0..<6 { segmentMoment[k] += m[k] * dt }
            segmentRotation += wPerp.norm * dt
        }
        if s.time - lastAxisUpdate >= 0.5 {
            lastAxisUpdate = s.time
            updateAxis()
        }
        guard let a = axis else { return }
        walk(s, rate: w.dot(a), up: up, dt: dt)
    }

    /// A gap in the stream: the rest (if any) ends, walking starts over.
    public mutating func gapOccurred() {
        closeSegment()
        if case .restEnded(let since, let until) = detector.gapOccurred() { closeRest(since: since, until: until) }
        restReset()
        endSwing()
        lastTime = nil
    }

    /// Ends the recording: the rest in progress is kept.
    public mutating func finish() {
        closeSegment()
        if let r = currentRest { append(r) }
        restReset()
        commitPending()
    }

    private mutating func closeRest(since: Double, until: Double) {
        lastRestStart = since
        if restCount > 0 {
            append(Rest(start: since, end: until, up: restUp.normalized, acceleration: restAcc / Double(restCount), sway: restSway,
                        orientation: restOrientation))
        }
        restReset()
    }

    private mutating func restReset() {
        if restCount > 0, let start = detector.restStart ?? lastRestStart, let t = lastTime, t - start >= 1 {
            restBias = restGyro / Double(restCount)
        }
        if restCount > 0 {
            let g = (restAcc / Double(restCount)).norm
            if g > 5, g < 15 { gravity = gravity * 0.8 + g * 0.2 }
        }
        restAcc = .zero
        restUp = .zero
        restGyro = .zero
        restGyroSquare = 0
        restCount = 0
    }

    private mutating func append(_ r: Rest) {
        rests.append(r)
        if rests.count > parameters.maximumRests, let i = rests.indices.min(by: { rests[$0].duration < rests[$1].duration }) {
            rests.remove(at: i)
        }
    }

    /// Movements shorter than this do not count as one, radians (10°).
    static let segmentMinimum = 10.0 * .pi / 180
    /// Movements within this of the consensus axis share it, degrees.
    static let consensusAngle = 10.0

    private mutating func closeSegment() {
        if segmentRotation >= Self.segmentMinimum {
            segments.append(Segment(moment: segmentMoment, rotation: segmentRotation, axis: Self.principalAxis(segmentMoment).0))
            if segments.count > parameters.maximumRests, let i = segments.indices.min(by: { segments[$0].rotation < segments[$1].rotation }) {
                segments.remove(at: i)
            }
        }
        segmentMoment = [0, 0, 0, 0, 0, 0]
        segmentRotation = 0
    }

    /// The axis anchored on the first movement of at least `anchorRotation` (an exercise begins with
    /// a flexion from its starting pose: later movements, with the leg crossed or bouncing, turn about
    /// other axes), refined with the movements within `consensusAngle` of it: unit, with the sign of
    /// `axis`; nil until such a movement has ended (a whole movement, not the start of one).
    public var firstMovementAxis: Vector3? {
        let all = allSegments
        guard let first = segments.first(where: { $0.rotation >= Self.anchorRotation }) else { return nil }
        let (v, _) = Self.principalAxis(Self.moment(of: all, near: first.axis))
        if let a = axis, a.dot(v) < 0 { return -v }
        return v
    }

    /// A movement this large anchors the first-movement axis, radians (20°).
    static let anchorRotation = 20.0 * .pi / 180

    private var allSegments: [Segment] {
        var all = segments
        if segmentRotation >= Self.segmentMinimum {
            all.append(Segment(moment: segmentMoment, rotation: segmentRotation, axis: Self.principalAxis(segmentMoment).0))
        }
        return all
    }

    private static func moment(of all: [Segment], near axis: Vector3) -> [Double] {
        let limit = consensusAngle.radians.cosine
        var m = [0.0, 0, 0, 0, 0, 0]
        for seg in all where abs(seg.axis.dot(axis)) >= limit {
            for k in 0..<6 { m[k] += seg.moment[k] }
        }
        return m
    }

    /// The consensus of the movements: the segment axis that most of the rotation shares, then the
    /// principal axis of the moments of the segments within `consensusAngle` of it.
    private var consensusMoment: [Double] {
        let all = allSegments
        guard !all.isEmpty else { return moment }
        func support(_ c: Vector3) -> Double { all.reduce(0) { $0 + $1.rotation * $1.axis.dot(c) * $1.axis.dot(c) } }
        let best = all.max { support($0.axis) < support($1.axis) }!.axis
        return Self.moment(of: all, near: best)
    }

    private mutating func updateAxis() {
        guard tilt > 0 else { return }
        let (v, ratio) = Self.principalAxis(consensusMoment)
        var a = v
        if let old = axis, old.dot(a) < 0 { a = -a }
        if let old = axis, old.dot(a) < 0.9 {
            // The axis moved: what walking said about the old one no longer applies.
            gait = Gait()
            pending = Gait()
        }
        axis = a
        axisQuality = ratio
    }

    /// Walking: consecutive swing half-cycles of plausible length make a bout; during a bout the sign
    /// statistics accumulate (the first `bout` half-cycles are held as pending until it is one).
    private mutating func walk(_ s: IMUSample, rate: Double, up: Vector3, dt: Double) {
        angle += rate * dt
        angleMean += (angle - angleMean) * min(1, dt / 1.0)
        let hp = angle - angleMean
        let sign = rate > parameters.swingRate ? 1 : (rate < -parameters.swingRate ? -1 : 0)
        if sign != 0, sign != swingSign {
            let length = s.time - swingSince
            if swingSign != 0, parameters.halfCycle.contains(length) {
                halfCycles += 1
            } else if swingSign != 0 {
                endSwing()
            }
            swingSign = sign
            swingSince = s.time
        } else if swingSign != 0, s.time - swingSince > parameters.halfCycle.upperBound * 1.5 {
            endSwing()
        }
        if swingSign == 0 { return }
        pending.seconds += dt
        pending.upSum += up * dt
        if rate > 0 { pending.positiveSeconds += dt }
        pending.angleSquareSum += hp * hp * dt
        let norm = s.acceleration.norm
        if norm < lastNorm, rising, lastNorm > parameters.impact * gravity {
            pending.impactAngleSum += hp
            pending.impacts += 1
        }
        rising = norm > lastNorm
        lastNorm = norm
        if halfCycles >= parameters.bout { commitPending() }
    }

    private mutating func commitPending() {
        if halfCycles >= parameters.bout {
            gait.seconds += pending.seconds
            gait.upSum += pending.upSum
            gait.positiveSeconds += pending.positiveSeconds
            gait.impactAngleSum += pending.impactAngleSum
            gait.impacts += pending.impacts
            gait.angleSquareSum += pending.angleSquareSum
        }
        pending = Gait()
    }

    private mutating func endSwing() {
        commitPending()
        swingSign = 0
        halfCycles = 0
    }

    /// The dominant eigenvector of a symmetric 3×3 moment (xx yy zz xy xz yz) and the ratio of its
    /// eigenvalue to the next one (1 when the movement has no single axis).
    static func principalAxis(_ m: [Double]) -> (Vector3, Double) {
        func apply(_ v: Vector3) -> Vector3 {
            Vector3(m[0] * v.x + m[3] * v.y + m[4] * v.z,
                    m[3] * v.x + m[1] * v.y + m[5] * v.z,
                    m[4] * v.x + m[5] * v.y + m[2] * v.z)
        }
        var v = m[0] >= m[1] && m[0] >= m[2] ? Vector3.unitX : (m[1] >= m[2] ? Vector3.unitY : Vector3.unitZ)
        for _ in 0..<80 { v = apply(v).normalized }
        let l1 = apply(v).dot(v)
        // The next eigenvalue: the same iteration on the moment deflated by the first.
        let d = [m[0] - l1 * v.x * v.x, m[1] - l1 * v.y * v.y, m[2] - l1 * v.z * v.z,
                 m[3] - l1 * v.x * v.y, m[4] - l1 * v.x * v.z, m[5] - l1 * v.y * v.z]
        func applyD(_ u: Vector3) -> Vector3 {
            Vector3(d[0] * u.x + d[3] * u.y + d[4] * u.z,
                    d[3] * u.x + d[1] * u.y + d[5] * u.z,
                    d[4] * u.x + d[5] * u.y + d[2] * u.z)
        }
        var u = abs(v.x) < 0.9 ? Vector3.unitX : Vector3.unitY
        u = (u - v * u.dot(v)).normalized
        for _ in 0..<80 { u = applyD(u); u = (u - v * u.dot(v)).normalized }
        let l2 = max(abs(applyD(u).dot(u)), 1e-12)
        return (v, l1 / l2)
    }
}
