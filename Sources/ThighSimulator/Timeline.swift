import MotionCore

/// A scenario compiled into functions of time: the hip angles (with and without sway and
/// bouncing), the strap's slip, the hip's position, and the marks the truth file needs.
/// Times are seconds from the start of the scenario.
struct Timeline: Sendable {
    enum Kind: Sendable {
        case rest, move, hold, bounce, walk, slip
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
        var end: Double { start + duration }
    }

    struct Drop: Sendable {
        var time: Double
        var frames: Int
    }

    private(set) var segments: [Segment] = []
    private(set) var drops: [Drop] = []
    let duration: Double

    /// Walking speed per stride frequency: stride length 1.3 m (about 0.65 m per step).
    static let strideLength = 1.3
    /// Ramp into and out of walking, seconds.
    static let walkRamp = 1.0
    /// Hip height standing and lying, metres.
    static let hipHeight = (standing: 0.9, lying: 0.1)

    init(_ scenario: Scenario, rng: inout SplitMix64) {
        var t = 0.0
        var angles = scenario.posture.restingHipAngles
        var slip = 0.0
        var distance = 0.0
        for step in scenario.steps {
            var seg = Segment(kind: .rest, start: t, duration: step.duration, from: angles, to: angles,
                              slipFrom: slip, slipTo: slip, distanceBefore: distance)
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
            case .walk(let d, let cadence):
                seg.kind = .walk
                seg.frequency = cadence / 120  // strides per second
                distance += Self.strideLength * seg.frequency * (d - Self.walkRamp)
            case .slip(let angle, _):
                seg.kind = .slip
                slip += angle
                seg.slipTo = slip
            case .drop(let frames):
                drops.append(Drop(time: t, frames: frames))
                continue
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

    /// The intended angles: movements and holds, without sway or bouncing (walking swings included).
    func nominalAngles(at t: Double) -> HipAngles {
        guard let s = segment(at: t) else { return HipAngles(flexion: 0, adduction: 0) }
        switch s.kind {
        case .move:
            let p = MinimumJerk.position((t - s.start) / s.duration)
            return HipAngles(flexion: s.from.flexion + (s.to.flexion - s.from.flexion) * p,
                             adduction: s.from.adduction + (s.to.adduction - s.from.adduction) * p,
                             rotation: s.from.rotation + (s.to.rotation - s.from.rotation) * p)
        case .walk:
            let w = Self.window(s, t, ramp: Self.walkRamp)
            let phase = 2 * Double.pi * s.frequency * (t - s.start)
            var a = s.from
            a.flexion += w * (5 + 20 * phase.sine)
            a.adduction += w * 3 * (phase + 1).sine
            return a
        case .rest, .hold, .bounce, .slip:
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
        case .rest, .move, .walk, .slip:
            break
        }
        return a
    }

    /// Rotation of the strap about the thigh's long axis since the start, degrees.
    func slip(at t: Double) -> Double {
        guard let s = segment(at: t) else { return 0 }
        guard s.kind == .slip else { return s.slipTo }
        return s.slipFrom + (s.slipTo - s.slipFrom) * MinimumJerk.position((t - s.start) / s.duration)
    }

    /// Position of the hip joint in the world, metres: fixed, except walking (forward travel,
    /// vertical bob at the step frequency, and a short jolt at each heel strike).
    func hipPosition(at t: Double, posture: Posture) -> Vector3 {
        let height = posture == .standing ? Self.hipHeight.standing : (posture == .sitting ? 0.45 : Self.hipHeight.lying)
        guard let s = segment(at: t) else { return Vector3(0, 0, height) }
        guard s.kind == .walk else { return Vector3(s.distanceBefore, 0, height) }
        let u = t - s.start
        let r = Self.walkRamp
        let speed = Self.strideLength * s.frequency
        // Speed ramps up over r seconds at the start and down over r at the end.
        let up = r * MinimumJerk.integral(u / r)
        let down = r * MinimumJerk.integral((u - (s.duration - r)) / r)
        let x = s.distanceBefore + speed * (up - down)
        let w = Self.window(s, t, ramp: r)
        let stepPhase = 2 * Double.pi * 2 * s.frequency * u
        var z = height - w * 0.015 * stepPhase.cosine
        // Heel strikes: a 2 mm, 30 ms dip at each step.
        let stepTime = 1 / (2 * s.frequency)
        let nearest = (u / stepTime).rounded()
        for k in [nearest - 1, nearest, nearest + 1] {
            let d = (u - k * stepTime) / 0.03
            z -= w * 0.002 * (-(d * d) / 2).expApprox
        }
        return Vector3(x, 0, z)
    }

    /// Heel strikes (steps) and cadence of every walking segment.
    var walking: [(start: Double, duration: Double, steps: Int, cadence: Double)] {
        segments.filter { $0.kind == .walk }.map { s in
            let stepTime = 1 / (2 * s.frequency)
            let steps = Int((s.duration / stepTime).rounded(.down))
            return (s.start, s.duration, steps, 120 * s.frequency)
        }
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
