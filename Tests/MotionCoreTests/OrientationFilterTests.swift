import Glibc
import MotionCore
import Testing

/// Synthetic motion with a known truth, for the orientation filter's unit tests.
enum Synthetic {
    static let g = 9.80665

    /// A small deterministic generator (SplitMix64) and Gaussian noise.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }
        mutating func gaussian() -> Double {
            let u1 = max(unit(), 1e-300), u2 = unit()
            return (-2 * Glibc.log(u1)).squareRoot() * (2 * Double.pi * u2).cosine
        }
        mutating func vector(_ sigma: Double) -> Vector3 { Vector3(gaussian(), gaussian(), gaussian()) * sigma }
    }

    /// Samples of a sensor whose orientation (earth ← sensor) follows `orientation(t)`, with a
    /// constant gyro bias and white noise; rates from central differences of the orientation.
    static func samples(duration: Double, rate: Double, bias: Vector3 = .zero, gyroNoise: Double = 0,
                        accNoise: Double = 0, seed: UInt64 = 1,
                        orientation: (Double) -> Quaternion) -> (samples: [IMUSample], truth: [Quaternion]) {
        var rng = Random(state: seed)
        let n = Int(duration * rate)
        var out: [IMUSample] = []
        var truth: [Quaternion] = []
        let h = 1e-4
        for k in 0...n {
            let t = Double(k) / rate
            let q = orientation(t)
            let dq = orientation(t - h).conjugate * orientation(t + h)  // sensor-frame increment
            let w = dq.axis * (dq.angle / (2 * h))
            let f = q.conjugate.rotate(Vector3(0, 0, g))
            out.append(IMUSample(time: 100 + t, acceleration: f + rng.vector(accNoise),
                                 angularVelocity: w + bias + rng.vector(gyroNoise)))
            truth.append(q)
        }
        return (out, truth)
    }

    /// A tilted sensor that holds still.
    static func still(tilt: Double = 30) -> (Double) -> Quaternion {
        let q = Quaternion(axis: Vector3(1, 0.5, 0), angle: tilt.radians)
        return { _ in q }
    }

    /// Slow swinging about a horizontal axis plus turning about the vertical (no translation).
    static func swinging(amplitude: Double = 40, frequency: Double = 0.3) -> (Double) -> Quaternion {
        { t in
            Quaternion(axis: .unitZ, angle: 0.2 * t)
                * Quaternion(axis: .unitX, angle: (amplitude * (2 * Double.pi * frequency * t).sine).radians)
                * Quaternion(axis: .unitY, angle: 0.3)
        }
    }

    static func inclinationError(_ a: Quaternion, _ b: Quaternion) -> Double {
        InclinationError.angle(estimate: a, reference: b).degrees
    }
}

@Suite struct OrientationFilterTests {
    @Test func findsTheInclinationAtRestAtOnce() {
        let (samples, truth) = Synthetic.samples(duration: 2, rate: 250, orientation: Synthetic.still(tilt: 35))
        var f = OrientationFilter()
        for (i, s) in samples.enumerated() {
            let q = f.update(s)
            #expect(Synthetic.inclinationError(q, truth[i]) < 1e-6)
        }
        #expect(abs(f.samplePeriod - 0.004) < 1e-9)
    }

    @Test func followsMotionWithoutBias() {
        let (samples, truth) = Synthetic.samples(duration: 60, rate: 200, gyroNoise: 0.002, accNoise: 0.02,
                                                 orientation: Synthetic.swinging())
        var f = OrientationFilter()
        var worst = 0.0
        for (i, s) in samples.enumerated() {
            let q = f.update(s)
            if s.time > 102 { worst = max(worst, Synthetic.inclinationError(q, truth[i])) }
        }
        // Up to 75 °/s: integrating each sample's rate over the interval before it (VQF's
        // convention) leads instantaneous rates by half a sample, 0.19° here.
        #expect(worst < 0.45, "worst inclination error \(worst)°")
        #expect(abs(f.samplePeriod - 0.005) < 1e-9)
    }

    /// Gyro bias of (1.2, −0.8, 0.5) °/s: estimated at rest within seconds, and a one-minute hold
    /// does not drift; without bias estimation the same hold is degrees off.
    @Test func estimatesTheGyroBiasSoAHoldDoesNotDrift() {
        let bias = Vector3(1.2, -0.8, 0.5) * (Double.pi / 180)
        let (samples, truth) = Synthetic.samples(duration: 70, rate: 250, bias: bias, gyroNoise: 0.0015, accNoise: 0.015,
                                                 orientation: Synthetic.still(tilt: 50))
        var f = OrientationFilter()
        var off = OrientationFilter(parameters: { var p = OrientationFilter.Parameters(); p.biasEstimation = false; return p }())
        var worst = 0.0, worstOff = 0.0
        for (i, s) in samples.enumerated() {
            let q = f.update(s), qOff = off.update(s)
            if s.time >= 110 {
                worst = max(worst, Synthetic.inclinationError(q, truth[i]))
                worstOff = max(worstOff, Synthetic.inclinationError(qOff, truth[i]))
                #expect(f.isResting)
            }
            if s.time >= 105 {
                #expect((f.gyroBias - bias).norm.degrees < 0.05, "bias error \((f.gyroBias - bias).norm.degrees) °/s at \(s.time - 100) s")
            }
        }
        #expect(worst < 0.1, "worst inclination error in the hold \(worst)°")
        #expect(worstOff > 1, "without bias estimation: \(worstOff)°")
        #expect(off.gyroBias == .zero)
        #expect(f.gyroBiasSigma.degrees < 0.05)
    }

    /// In motion, with no rest at all, the bias is still found from the inclination corrections
    /// (horizontal components; the vertical one is not observable while the rotation axis stays put).
    @Test func estimatesTheGyroBiasInMotion() {
        let bias = Vector3(0.9, -0.6, 0.4) * (Double.pi / 180)
        let (samples, _) = Synthetic.samples(duration: 240, rate: 250, bias: bias, gyroNoise: 0.002, accNoise: 0.02,
                                             orientation: Synthetic.swinging(amplitude: 60, frequency: 0.25))
        var f = OrientationFilter()
        var restSeen = false
        for s in samples {
            f.update(s)
            restSeen = restSeen || f.isResting
        }
        #expect(!restSeen)
        #expect((f.gyroBias - bias).norm.degrees < 0.2, "bias error \((f.gyroBias - bias).norm.degrees) °/s")
    }

    @Test func detectsRestAndMotion() {
        let (still, _) = Synthetic.samples(duration: 3, rate: 250, gyroNoise: 0.001, accNoise: 0.01, orientation: Synthetic.still())
        var f = OrientationFilter()
        for s in still.prefix(while: { $0.time < 101.4 }) { f.update(s) }
        #expect(!f.isResting)  // not yet 1.5 s
        for s in still.drop(while: { $0.time < 101.4 }) { f.update(s) }
        #expect(f.isResting)
        let (moving, _) = Synthetic.samples(duration: 1, rate: 250, orientation: Synthetic.swinging())
        for s in moving { f.update(IMUSample(time: s.time + 3.004, acceleration: s.acceleration, angularVelocity: s.angularVelocity)) }
        #expect(!f.isResting)
    }

    @Test(arguments: [200.0, 250.0, 285.714285714])
    func estimatesTheSamplePeriodFromJitteredStamps(_ rate: Double) {
        var rng = Synthetic.Random(state: 7)
        var f = OrientationFilter()
        for k in 0..<100 {
            let t = Double(k) / rate + rng.uniform(-0.0002, 0.0002)
            f.update(IMUSample(time: t, acceleration: Vector3(0, 0, 9.81), angularVelocity: .zero))
        }
        #expect(abs(f.samplePeriod - 1 / rate) < 0.0004)
        var given = OrientationFilter.Parameters()
        given.samplePeriod = 0.01
        #expect(OrientationFilter(parameters: given).samplePeriod == 0.01)
    }

    /// A short gap while turning at a constant rate is bridged; a long one restarts the
    /// inclination, which is right again once samples flow.
    @Test func bridgesShortGapsAndReacquiresAfterLongOnes() {
        let turn = { (t: Double) in Quaternion(axis: Vector3(1, 1, 0), angle: 0.5 * t) }
        let (samples, truth) = Synthetic.samples(duration: 20, rate: 250, orientation: turn)
        var f = OrientationFilter()
        var i = 0
        var worstAfterShortGap = 0.0
        while i < samples.count {
            let s = samples[i]
            if i == 2000 {
                f.gapOccurred()  // 0.1 s lost
                i += 25
                continue
            }
            if i == 3000 {
                f.gapOccurred()  // 2 s lost
                i += 500
                continue
            }
            let q = f.update(s)
            if i > 2025 && i < 2100 { worstAfterShortGap = max(worstAfterShortGap, Synthetic.inclinationError(q, truth[i])) }
            if i == 3500 { #expect(Synthetic.inclinationError(q, truth[i]) < 0.01) }  // first sample after the long gap
            if i > 4500 { #expect(Synthetic.inclinationError(q, truth[i]) < 0.5) }
            i += 1
        }
        #expect(worstAfterShortGap < 0.5, "after the short gap \(worstAfterShortGap)°")
    }

    @Test func setGyroBiasIsUsed() {
        var p = OrientationFilter.Parameters()
        p.biasEstimation = false
        var f = OrientationFilter(parameters: p)
        let b = Vector3(0.01, -0.02, 0.005)
        f.setGyroBias(b, sigma: 0.001)
        #expect((f.gyroBias - b).norm < 1e-15)
        // Beyond the limit (3 °/s) it is clipped.
        f.setGyroBias(Vector3(1, 0, 0))
        #expect(abs(f.gyroBias.x - 3.0.radians) < 1e-15)
    }
}

/// Whatever comes in, the output is a finite unit quaternion and the state stays usable.
@Suite struct OrientationFilterRobustnessTests {
    static func checkUnit(_ q: Quaternion, _ what: String) {
        #expect(q.w.isFinite && q.x.isFinite && q.y.isFinite && q.z.isFinite, "\(what): \(q)")
        #expect(abs(q.norm - 1) < 1e-12, "\(what): |q| = \(q.norm)")
    }

    static func check(_ q: Quaternion, _ f: OrientationFilter, _ what: String) {
        checkUnit(q, what)
        #expect(f.gyroBias.isFinite, "\(what): bias \(f.gyroBias)")
        #expect(f.orientation == q || abs((f.orientation.conjugate * q).angle) < 1e-12)
    }

    @Test func survivesHostileInput() {
        let inf = Double.infinity, nan = Double.nan
        let nasty: [Vector3] = [
            .zero, Vector3(nan, 0, 0), Vector3(0, inf, 0), Vector3(0, 0, -inf), Vector3(1e300, 1e300, 1e300),
            Vector3(1e6, -1e6, 1e6), Vector3(156.9, -156.9, 156.9), Vector3(0, 0, -9.81), Vector3(0, 0, 9.81),
            Vector3(-0.0, 0, 0), Vector3(.leastNonzeroMagnitude, 0, 0), Vector3(0, 1e-300, 0), Vector3(34.9, 34.9, -34.9),
        ]
        let times: [Double] = [0, 0.004, 0.004, 0.003, -5, 1e9, 1e9 + 1e-9, 1e300, nan, inf, -inf, 2e9, 2e9 + 0.004]
        var f = OrientationFilter()
        var rng = Synthetic.Random(state: 99)
        var t = 0.0
        for round in 0..<3000 {
            let a = nasty[Int(rng.next() % UInt64(nasty.count))]
            let w = nasty[Int(rng.next() % UInt64(nasty.count))] * (rng.unit() < 0.5 ? 1 : 0.01)
            let time: Double
            switch rng.next() % 4 {
            case 0: time = times[Int(rng.next() % UInt64(times.count))]
            case 1: time = t
            default:
                t += rng.uniform(-0.001, 0.01)
                time = t
            }
            if rng.unit() < 0.05 { f.gapOccurred() }
            let q = f.update(IMUSample(time: time, acceleration: a, angularVelocity: w))
            Self.check(q, f, "round \(round): t \(time), a \(a), ω \(w)")
        }
        #expect(f.skippedSampleCount > 0)
        // And it still works afterwards.
        let (samples, truth) = Synthetic.samples(duration: 10, rate: 250, orientation: Synthetic.still(tilt: 20))
        var q = Quaternion.identity
        for s in samples { q = f.update(IMUSample(time: s.time + 3e9, acceleration: s.acceleration, angularVelocity: s.angularVelocity)) }
        #expect(Synthetic.inclinationError(q, truth.last!) < 0.05)
    }

    @Test func survivesExtremesOneAtATime() {
        let cases: [(String, [IMUSample])] = [
            ("all zero", (0..<500).map { IMUSample(time: Double($0) * 0.004, acceleration: .zero, angularVelocity: .zero) }),
            ("zero time step", (0..<500).map { _ in IMUSample(time: 1, acceleration: Vector3(0, 9.81, 0), angularVelocity: Vector3(1, 2, 3)) }),
            ("backwards", (0..<500).map { IMUSample(time: -Double($0) * 0.004, acceleration: Vector3(9.81, 0, 0), angularVelocity: Vector3(0, 0, 1)) }),
            ("saturated", (0..<500).map { IMUSample(time: Double($0) * 0.005, acceleration: Vector3(156.9, -156.9, 156.9), angularVelocity: Vector3(34.9, -34.9, 34.9)) }),
            ("upside down", (0..<500).map { IMUSample(time: Double($0) * 0.005, acceleration: Vector3(0, 0, -9.81), angularVelocity: .zero) }),
            ("huge steps", (0..<500).map { IMUSample(time: Double($0) * 1e5, acceleration: Vector3(0, 9.81, 0), angularVelocity: Vector3(100, 0, 0)) }),
            ("tiny steps", (0..<500).map { IMUSample(time: Double($0) * 1e-12, acceleration: Vector3(0, 9.81, 0), angularVelocity: Vector3(100, 0, 0)) }),
            ("NaN", (0..<500).map { IMUSample(time: Double($0) * 0.004, acceleration: Vector3(.nan, 0, 9.81), angularVelocity: Vector3(0, .nan, 0)) }),
            ("fast spin", (0..<500).map { IMUSample(time: Double($0) * 0.004, acceleration: Vector3(0, 0, 9.81), angularVelocity: Vector3(0, 0, 1000)) }),
        ]
        for (name, samples) in cases {
            var f = OrientationFilter()
            for (i, s) in samples.enumerated() {
                if i % 97 == 0 { f.gapOccurred() }
                Self.check(f.update(s), f, name)
            }
            let replay = OrientationSmoother.estimate(samples.map { .sample($0) })
            #expect(replay.count == samples.count)
            for q in replay { Self.checkUnit(q, name + " (replay)") }
        }
    }
}

@Suite struct InclinationErrorTests {
    @Test func ignoresHeadingAndMeasuresTilt() {
        let reference = Quaternion(axis: Vector3(0.3, -1, 0.2), angle: 1.1)
        for heading in stride(from: -3.0, through: 3.0, by: 0.5) {
            let estimate = Quaternion(axis: .unitZ, angle: heading) * reference
            #expect(InclinationError.angle(estimate: estimate, reference: reference) < 1e-12)
        }
        for tilt in [0.001, 1.0, 10.0, 90.0, 179.0] {
            let estimate = Quaternion(axis: Vector3(1, 1, 0), angle: tilt.radians) * Quaternion(axis: .unitZ, angle: 0.7) * reference
            #expect(abs(InclinationError.angle(estimate: estimate, reference: reference).degrees - tilt) < 1e-9)
        }
        // Sign of the quaternion does not matter.
        let e = Quaternion(axis: .unitX, angle: 0.2) * reference
        let negated = Quaternion(w: -e.w, x: -e.x, y: -e.y, z: -e.z)
        #expect(abs(InclinationError.angle(estimate: negated, reference: reference) - 0.2) < 1e-12)
    }

    @Test func matchesTheBenchmarkFormula() {
        var rng = Synthetic.Random(state: 3)
        for _ in 0..<1000 {
            let a = Quaternion(w: rng.gaussian(), x: rng.gaussian(), y: rng.gaussian(), z: rng.gaussian()).normalized
            let b = Quaternion(w: rng.gaussian(), x: rng.gaussian(), y: rng.gaussian(), z: rng.gaussian()).normalized
            let e = a * b.conjugate
            let formula = 2 * (e.w * e.w + e.z * e.z).squareRoot().arcCosine
            #expect(abs(InclinationError.angle(estimate: a, reference: b) - formula) < 1e-9)
            // The angle between "up" seen in the sensor frame by each.
            let upA = a.conjugate.rotate(.unitZ), upB = b.conjugate.rotate(.unitZ)
            #expect(abs(InclinationError.angle(estimate: a, reference: b) - upA.dot(upB).arcCosine) < 1e-7)
        }
    }

    @Test func rootMeanSquareOverScoredSamplesWithAReference() {
        let r = Quaternion.identity
        let tilt3 = Quaternion(axis: .unitX, angle: 3.0.radians), tilt4 = Quaternion(axis: .unitY, angle: 4.0.radians)
        let rms = InclinationError.rootMeanSquareDegrees(
            estimates: [tilt3, tilt4, tilt3, .identity],
            references: [r, r, nil, r],
            scored: [true, true, true, false])
        #expect(abs(rms! - (12.5).squareRoot()) < 1e-9)
        #expect(InclinationError.rootMeanSquareDegrees(estimates: [r], references: [nil], scored: [true]) == nil)
    }
}
