import MotionCore

/// A scenario compiled into functions of time: the hip angles (with and without sway and
/// bouncing), the pelvis's posture and orientation, the strap's slip, the hip's position, and the
/// marks the truth file needs. Times are seconds from the start of the scenario.
struct Timeline: Sendable {
    enum Kind: Sendable {
        case rest, move, hold, bounce, walk, shift, pelvis, slip, strap
    }

    struct Segment: Sendable {
        var kind: Kind
        var start: Double
        var duration: Double
        var from: HipAngles
        var to: HipAngles
        var amplitude = 0.0
        var frequency = 0.0
        /// Sway components: (amplitude flexion, amplitude adduction, frequency, phase).
        var sway: [(Double, Double, Double, Double)] = []
        /// Slip angle before and after this segment, degrees.
        var slipFrom = 0.0
        var slipTo = 0.0
        /// Walking: forward distance covered before this segment, metres.
        var distanceBefore = 0.0
        /// Walking: already under way at the start (no ramp-in), and the stride phase there (0…<1).
        var underway = false
        var phase = 0.0
        /// Shifting: components (amplitude flexion, adduction, rotation in degrees, frequency Hz, phase rad).
        var shift: [(Double, Double, Double, Double, Double)] = []
        /// The posture (pelvis orientation and hip height) at the start and at the end of the
        /// segment: different only in a pelvis step.
        var pelvisFrom: Posture
        var pelvisTo: Posture
        /// The thigh the sensor is on, and its mounting (0: the scenario's, k: the k-th strap
        /// move's), before and after the segment: different only in a strap step.
        var sideFrom: Side
        var sideTo: Side
        var mountingFrom = 0
        var mountingTo = 0
        /// Strap step: the tumbling in the hand, components (axis, amplitude rad, frequency Hz, phase rad).
        var tumble: [(Vector3, Double, Double, Double)] = []
        var end: Double { start + duration }
    }

    struct Drop: Sendable {
        var time: Double
        var frames: Int
    }

    private(set) var segments: [Segment] = []
    private(set) var drops: [Drop] = []
    /// The mounting after each strap move (thigh ← sensor), drawn from the seed.
    private(set) var strapMountings: [Quaternion] = []
    /// The exercise from each time on: the scenario's from 0, then each exercise marker's.
    private(set) var exercises: [(name: String, start: Double)] = []
    let duration: Double
    let side: Side
    /// The posture the scenario starts in.
    let initialPosture: Posture

    /// Walking speed per stride frequency: stride length 1.3 m (about 0.65 m per step).
    static let strideLength = 1.3
    /// Ramp into and out of walking, seconds.
    static let walkRamp = 1.0
    /// Hip height standing and lying, metres.
    static let hipHeight = (standing: 0.9, lying: 0.1)
    /// Hip height sitting (on a chair), metres.
    static let sittingHipHeight = 0.45
    /// Hip height lying on the side (half the hips' width) and on hands and knees (a thigh's
    /// length above the knees), metres.
    static let sideLyingHipHeight = 0.18
    static let quadrupedHipHeight = 0.5

    /// Height of the hip joint above the floor in a posture, metres.
    static func hipHeight(_ posture: Posture) -> Double {
        switch posture {
        case .standing: hipHeight.standing
        case .sitting: sittingHipHeight
        case .supine, .hookLying: hipHeight.lying
        case .sideLying, .sideLyingRight: sideLyingHipHeight
        case .quadruped: quadrupedHipHeight
        }
    }

    /// The components of a shift step per degree of its amplitude: (flexion, adduction, rotation
    /// weight, frequency Hz). Incommensurate slow frequencies, so the thigh's angular rate never
    /// settles: flexion swings up to ±1, adduction ±0.6 and rotation ±0.5 of the amplitude.
    static let shiftComponents: [(Double, Double, Double, Double)] = [
        (0.6, 0, 0, 0.23), (0.4, 0, 0, 0.61), (0, 0.35, 0, 0.31), (0, 0.25, 0, 0.83), (0, 0, 0.5, 0.41),
    ]

    init(_ scenario: Scenario, rng: inout SplitMix64) {
        var t = 0.0
        var angles = scenario.posture.restingHipAngles
        var posture = scenario.posture
        var slip = 0.0
        var distance = 0.0
        side = scenario.side
        initialPosture = scenario.posture
        // Strap moves draw from a generator of their own, so scenarios without one render as before.
        var strapRNG = SplitMix64(seed: scenario.seed &+ 0x5EED_0006)
        var sensorSide = scenario.side
        var mounting = 0
        exercises = [(scenario.exercise, 0)]
        for step in scenario.steps {
            var seg = Segment(kind: .rest, start: t, duration: step.duration, from: angles, to: angles,
                              slipFrom: slip, slipTo: slip, distanceBefore: distance, pelvisFrom: posture, pelvisTo: posture,
                              sideFrom: sensorSide, sideTo: sensorSide, mountingFrom: mounting, mountingTo: mounting)
            switch step {
            case .rest:
                seg.kind = .rest
            case .move(let flexion, let adduction, let rotation, _):
                seg.kind = .move
                seg.to = HipAngles(flexion: flexion ?? angles.flexion, adduction: adduction ?? angles.adduction,
                                   rotation: rotation ?? angles.rotation)
            case .hold(_, let sway):
                seg.kind = .hold
                // Three slow components whose amplitudes add up to the requested sway.
                let weights = [0.5, 0.3, 0.2]
                seg.sway = weights.map { w in
                    (sway * w, sway * w * 0.5, rng.uniform(0.08, 0.6), rng.uniform(0, 2 * .pi))
                }
            case .bounce(_, let amplitude, let frequency):
                seg.kind = .bounce
                seg.amplitude = amplitude
                seg.frequency = frequency
            case .walk(let d, let cadence, let underway, let phase):
                seg.kind = .walk
                seg.frequency = cadence / 120  // strides per second
                seg.underway = underway
                seg.phase = phase
                // Under way, the ramp-in happened before the recording: only the ramp-out's half is lost.
                distance += Self.strideLength * seg.frequency * (d - (underway ? Self.walkRamp / 2 : Self.walkRamp))
            case .shift(_, let amplitude):
                seg.kind = .shift
                seg.shift = Self.shiftComponents.map { f, a, r, hz in
                    (amplitude * f, amplitude * a, amplitude * r, hz, rng.uniform(0, 2 * .pi))
                }
            case .pelvis(let p, let flexion, let adduction, let rotation, _):
                seg.kind = .pelvis
                let resting = p.restingHipAngles
                seg.to = HipAngles(flexion: flexion ?? resting.flexion, adduction: adduction ?? resting.adduction,
                                   rotation: rotation ?? resting.rotation)
                seg.pelvisTo = p
                posture = p
            case .slip(let angle, _):
                seg.kind = .slip
                slip += angle
                seg.slipTo = slip
            case .drop(let frames):
                drops.append(Drop(time: t, frames: frames))
                continue
            case .exercise(let name):
                exercises.append((name, t))
                continue
            case .strap(let newSide, _):
                seg.kind = .strap
                // A new strap, straight: no slip yet.
                slip = 0
                seg.slipTo = 0
                sensorSide = newSide
                seg.sideTo = newSide
                strapMountings.append(ScenarioRenderer.randomRotation(&strapRNG))
                mounting = strapMountings.count
                seg.mountingTo = mounting
                // Turned over in the hand: three components about random axes, up to 90° each at
                // 0.4–1.2 Hz (peak rates of a few hundred °/s).
                seg.tumble = (0..<3).map { _ in
                    let axis = Vector3(strapRNG.gaussian(), strapRNG.gaussian(), strapRNG.gaussian()).normalized
                    return (axis, strapRNG.uniform(50, 90).radians, strapRNG.uniform(0.4, 1.2), strapRNG.uniform(0, 2 * .pi))
                }
            }
            angles = seg.to
            segments.append(seg)
            t += step.duration
        }
        duration = t
    }

    private func segment(at t: Double) -> Segment? {
        guard !segments.isEmpty else { return nil }
        var lo = 0
        var hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if segments[mid].start <= t { lo = mid } else { hi = mid - 1 }
        }
        return segments[lo]
    }

    /// A smooth 0 → 1 → 0 window with `ramp`-second edges over a segment.
    private static func window(_ s: Segment, _ t: Double, ramp: Double) -> Double {
        let r = min(ramp, s.duration / 2)
        guard r > 0 else { return 0 }
        return MinimumJerk.position((t - s.start) / r) * MinimumJerk.position((s.end - t) / r)
    }

    /// The walking window: 0 → 1 over the ramp-in (none when under way), 1 → 0 over the ramp-out.
    private static func walkWindow(_ s: Segment, _ t: Double) -> Double {
        guard s.underway else { return window(s, t, ramp: walkRamp) }
        return MinimumJerk.position((s.end - t) / min(walkRamp, s.duration / 2))
    }

    /// The intended angles: movements and holds, without sway or bouncing (walking swings included).
    func nominalAngles(at t: Double) -> HipAngles {
        guard let s = segment(at: t) else { return HipAngles(flexion: 0, adduction: 0) }
        switch s.kind {
        case .move, .pelvis:
            let p = MinimumJerk.position((t - s.start) / s.duration)
            return HipAngles(flexion: s.from.flexion + (s.to.flexion - s.from.flexion) * p,
                             adduction: s.from.adduction + (s.to.adduction - s.from.adduction) * p,
                             rotation: s.from.rotation + (s.to.rotation - s.from.rotation) * p)
        case .walk:
            // The thigh's stride (`GaitCycle`): stride phase 0 at the sensor leg's own heel strike.
            let w = Self.walkWindow(s, t)
            let stridePhase = s.frequency * (t - s.start) + s.phase
            var a = s.from
            a.flexion += w * GaitCycle.flexion(stridePhase: stridePhase)
            a.adduction += w * 3 * (2 * Double.pi * stridePhase + 1).sine
            return a
        case .rest, .hold, .bounce, .shift, .slip, .strap:
            return s.to
        }
    }

    /// The angles the thigh really has: nominal plus sway in holds and bouncing.
    func angles(at t: Double) -> HipAngles {
        var a = nominalAngles(at: t)
        guard let s = segment(at: t) else { return a }
        switch s.kind {
        case .hold:
            let w = Self.window(s, t, ramp: 1)
            for (af, aa, f, phase) in s.sway {
                let x = (2 * Double.pi * f * (t - s.start) + phase).sine - phase.sine
                a.flexion += w * af * x
                a.adduction += w * aa * x
            }
        case .bounce:
            let w = Self.window(s, t, ramp: 0.25)
            a.flexion += w * s.amplitude / 2 * (2 * Double.pi * s.frequency * (t - s.start)).sine
        case .shift:
            let w = Self.window(s, t, ramp: 1)
            for (af, aa, ar, f, phase) in s.shift {
                let x = (2 * Double.pi * f * (t - s.start) + phase).sine
                a.flexion += w * af * x
                a.adduction += w * aa * x
                a.rotation += w * ar * x
            }
        case .rest, .move, .walk, .pelvis, .slip, .strap:
            break
        }
        return a
    }

    /// The thigh the sensor is on at t (in a strap step: the one it is going to).
    func side(at t: Double) -> Side {
        segment(at: t)?.sideTo ?? side
    }

    /// Which mounting the sensor has at t (0: the scenario's; k: after the k-th strap move).
    func mounting(at t: Double) -> Int {
        segment(at: t)?.mountingTo ?? 0
    }

    /// The strap step under way at t, if any.
    func strapSegment(at t: Double) -> Segment? {
        guard let s = segment(at: t), s.kind == .strap, t < s.end else { return nil }
        return s
    }

    /// The sensor's turn in the hand during a strap step (sensor frame), from nothing at its start to
    /// nothing at its end (ramps of 15 % of the step).
    func tumble(_ s: Segment, at t: Double) -> Quaternion {
        let u = (t - s.start) / s.duration
        let w = MinimumJerk.position(u / 0.15) * MinimumJerk.position((1 - u) / 0.15)
        var q = Quaternion.identity
        for (axis, amplitude, f, phase) in s.tumble {
            q = q * Quaternion(axis: axis, angle: w * amplitude * (2 * Double.pi * f * (t - s.start) + phase).sine)
        }
        return q
    }

    /// The exercise segments: from each exercise marker or strap move to the next, with the
    /// exercise and the thigh the sensor is on (strap steps themselves belong to none).
    var exerciseSegments: [(name: String, side: Side, start: Double, end: Double)] {
        var marks: [(t: Double, name: String?, strap: Segment?)] = exercises.dropFirst().map { ($0.start, $0.name, nil) }
        marks += segments.filter { $0.kind == .strap }.map { ($0.start, nil, $0) }
        marks.sort { $0.t < $1.t }
        var out: [(name: String, side: Side, start: Double, end: Double)] = []
        var name = exercises.first?.name ?? ""
        var current = side
        var start = 0.0
        for m in marks {
            if m.t > start { out.append((name, current, start, m.t)) }
            if let n = m.name {
                name = n
                start = m.t
            }
            if let s = m.strap {
                current = s.sideTo
                start = s.end
            }
        }
        if duration > start { out.append((name, current, start, duration)) }
        return out
    }

    /// The posture the body is in at t (in a pelvis step: the one it is going to).
    func posture(at t: Double) -> Posture {
        segment(at: t)?.pelvisTo ?? initialPosture
    }

    /// Orientation of the pelvis in the world at heading 0 (world ← pelvis): the posture's, or in a
    /// pelvis step the minimum-jerk rotation from one posture's to the next's (the shorter way).
    func pelvis(at t: Double) -> Quaternion {
        guard let s = segment(at: t) else { return initialPosture.pelvisOrientation }
        guard s.kind == .pelvis else { return s.pelvisTo.pelvisOrientation }
        let a = s.pelvisFrom.pelvisOrientation
        var d = a.conjugate * s.pelvisTo.pelvisOrientation
        if d.w < 0 { d = Quaternion(w: -d.w, x: -d.x, y: -d.y, z: -d.z) }
        let n = d.vector.norm
        guard n > 0 else { return a }
        let angle = 2 * Double.atan2(n, d.w)
        return a * Quaternion(axis: d.vector, angle: angle * MinimumJerk.position((t - s.start) / s.duration))
    }

    /// Rotation of the strap about the thigh's long axis since the start, degrees.
    func slip(at t: Double) -> Double {
        guard let s = segment(at: t) else { return 0 }
        guard s.kind == .slip else { return s.slipTo }
        return s.slipFrom + (s.slipTo - s.slipFrom) * MinimumJerk.position((t - s.start) / s.duration)
    }

    /// Position of the hip joint in the world, metres: fixed, except walking (forward travel,
    /// vertical bob at the step frequency, lowest at each heel strike, and a short jolt there: the
    /// sensor leg's own strike the stronger, the other leg's weaker, see `GaitCycle`) and pelvis
    /// steps (the hip rises or sinks to the next posture's height on the step's minimum-jerk profile).
    func hipPosition(at t: Double) -> Vector3 {
        guard let s = segment(at: t) else { return Vector3(0, 0, Self.hipHeight(initialPosture)) }
        let height = Self.hipHeight(s.pelvisTo)
        if s.kind == .pelvis {
            let from = Self.hipHeight(s.pelvisFrom)
            return Vector3(s.distanceBefore, 0, from + (height - from) * MinimumJerk.position((t - s.start) / s.duration))
        }
        guard s.kind == .walk else { return Vector3(s.distanceBefore, 0, height) }
        let u = t - s.start
        let r = Self.walkRamp
        let speed = Self.strideLength * s.frequency
        // Speed ramps up over r seconds at the start (unless under way) and down over r at the end.
        let up = s.underway ? u : r * MinimumJerk.integral(u / r)
        let down = r * MinimumJerk.integral((u - (s.duration - r)) / r)
        let x = s.distanceBefore + speed * (up - down)
        let w = Self.walkWindow(s, t)
        let stepPhase = 2 * Double.pi * 2 * s.frequency * u + 4 * Double.pi * s.phase
        var z = height - w * 0.015 * stepPhase.cosine
        // Heel strikes: a short dip at each step, at u = (k − 2·phase) step times; even k are the
        // sensor leg's own strikes (stride phase a whole number), odd k the other leg's.
        let stepTime = 1 / (2 * s.frequency)
        let offset = 2 * s.phase
        let nearest = (u / stepTime + offset).rounded()
        for k in [nearest - 1, nearest, nearest + 1] {
            let jolt = Self.isOwnStrike(k) ? GaitCycle.ownStrike : GaitCycle.otherStrike
            let d = (u - (k - offset) * stepTime) / jolt.width
            z -= w * jolt.depth * (-(d * d) / 2).expApprox
        }
        return Vector3(x, 0, z)
    }

    /// Whether heel strike number k of a walk (k − 2·phase step times after its start) is the
    /// sensor leg's own: the even ones, where the stride phase is a whole number.
    private static func isOwnStrike(_ k: Double) -> Bool {
        k.truncatingRemainder(dividingBy: 2) == 0
    }

    /// Heel strikes (steps) and cadence of every walking segment: the strikes in (start, end], and
    /// their times (seconds from the start of the scenario), the sensor leg's own and the other leg's.
    var walking: [(start: Double, duration: Double, steps: Int, cadence: Double, own: [Double], other: [Double])] {
        segments.filter { $0.kind == .walk }.map { s in
            let stepTime = 1 / (2 * s.frequency)
            let offset = 2 * s.phase
            let first = offset.rounded(.down) + 1
            let last = (s.duration / stepTime + offset).rounded(.down)
            var own: [Double] = []
            var other: [Double] = []
            for k in stride(from: first, through: last, by: 1) {
                let time = s.start + (k - offset) * stepTime
                if Self.isOwnStrike(k) { own.append(time) } else { other.append(time) }
            }
            return (s.start, s.duration, Int(last - first + 1), 120 * s.frequency, own, other)
        }
    }

    /// The still rests: runs of rest steps (the thigh and the hip exactly still), with the posture
    /// the body is in and the hip angles there.
    var rests: [(start: Double, end: Double, posture: Posture, angles: HipAngles)] {
        var out: [(start: Double, end: Double, posture: Posture, angles: HipAngles)] = []
        var previousWasRest = false
        for s in segments {
            defer { previousWasRest = s.kind == .rest }
            guard s.kind == .rest else { continue }
            if previousWasRest, let last = out.last, last.end == s.start {
                out[out.count - 1].end = s.end
            } else {
                out.append((s.start, s.end, s.pelvisTo, s.to))
            }
        }
        return out
    }

    /// Repetitions by the truth convention (`ScenarioTruth.Rep`): excursions of the nominal
    /// flexion and adduction from the start position — the angles of the first rest segment (or
    /// the posture's resting angles) — that leave a `band`-degree circle around it and reach at
    /// least `minimum` degrees from it, from that rest on (getting into the start position before it,
    /// e.g. bending the hips for a clamshell, is not a rep). Sampled every 0.5 ms. With `within`
    /// (a routine's exercise segment), only that span counts and its own first rest is the start
    /// position.
    func reps(band: Double = 2, minimum: Double = 5,
              within span: ClosedRange<Double>? = nil) -> [(start: Double, end: Double, peak: HipAngles, range: Double)] {
        let firstRest = segments.first { seg in seg.kind == .rest && (span.map { $0.contains(seg.start) } ?? true) }
        let base = firstRest?.to ?? initialPosture.restingHipAngles
        let duration = span.map { min(self.duration, $0.upperBound) } ?? self.duration
        func distance(_ a: HipAngles) -> Double {
            let df = a.flexion - base.flexion
            let da = a.adduction - base.adduction
            return (df * df + da * da).squareRoot()
        }
        var out: [(start: Double, end: Double, peak: HipAngles, range: Double)] = []
        let step = 0.0005
        var current: (start: Double, peak: HipAngles, range: Double)?
        var t = firstRest?.start ?? span?.lowerBound ?? 0
        while t <= duration {
            let a = nominalAngles(at: t)
            let d = distance(a)
            if var c = current {
                if d > c.range {
                    c.range = d
                    c.peak = a
                }
                current = c
                if d <= band {
                    if c.range >= minimum { out.append((c.start, t, c.peak, c.range)) }
                    current = nil
                }
            } else if d > band {
                current = (t, a, d)
            }
            t += step
        }
        if let c = current, c.range >= minimum { out.append((c.start, duration, c.peak, c.range)) }
        return out
    }

    /// Runs of hold/bounce segments: the hold intervals by the truth convention — from when the
    /// nominal flexion comes within `band` degrees of the hold angle to when it leaves that band.
    func holds(band: Double = 2) -> [(start: Double, end: Double, flexion: Double)] {
        var out: [(Double, Double, Double)] = []
        var i = 0
        while i < segments.count {
            guard segments[i].kind == .hold || segments[i].kind == .bounce else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < segments.count, segments[j + 1].kind == .hold || segments[j + 1].kind == .bounce { j += 1 }
            let target = segments[i].to.flexion
            let step = 0.0005
            var start = segments[i].start
            while start - step >= 0, abs(nominalAngles(at: start - step).flexion - target) <= band { start -= step }
            var end = segments[j].end
            while end + step <= duration, abs(nominalAngles(at: end + step).flexion - target) <= band { end += step }
            out.append((start, end, target))
            i = j + 1
        }
        return out
    }
}

extension Double {
    /// e^x for the small negative arguments of the heel-strike pulse (x ≤ 0), via repeated squaring.
    var expApprox: Double {
        guard self > -40 else { return 0 }
        var y = 1 + self / 1024
        for _ in 0..<10 { y *= y }
        return y
    }
}
