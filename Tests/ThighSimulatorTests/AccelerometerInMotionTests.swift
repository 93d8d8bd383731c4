import MotionCore
import Testing
import ThighSimulator

/// The simulated accelerometer while the thigh moves: the specific force against the sensor's
/// simulated trajectory, two ways.
///
/// 1. Finite differences: the sensor's position, twice differentiated on the sample grid, rotated
///    into the sensor frame, plus the 1 g that the accelerometer reads upward (specific force =
///    acceleration − gravity, gravity pointing down).
/// 2. Rigid body: the hip's acceleration plus, at the sensor's lever arm r (fixed in the sensor
///    frame), the tangential α × r and centripetal ω × (ω × r) terms, with ω the simulated gyroscope.
///
/// Tolerances from the finite-difference error itself, per sample: a central second difference
/// with step T errs by about T²/12·p⁗, so the same difference with step 2T errs four times as much
/// and |D(2T) − D(T)| ≈ 3 × the error of D(T) (Richardson). The simulator differentiates with a
/// 1 ms step (1/16 of the error at 4 ms), so the expected difference is about 0.31 |D(2T) − D(T)|.
/// Where the jerk jumps (a minimum-jerk segment starts or ends on a sample) the ratio is 0.75 from
/// the jump alone, and more where a smooth part's error cancels part of the estimate (up to 1.0
/// measured). The bound is twice the estimate, the largest over the five samples the wide stencil
/// spans, plus rounding (positions up to ~100 m over the simulator's 1 ms²: about 1e-7 m/s²).
@Suite struct AccelerometerInMotionTests {
    static let gravity = Vector3(0, 0, 9.80665)
    /// Rounding of the simulator's 1 ms second difference of positions up to ~100 m, m/s².
    static let roundoff = 1e-6

    static func render(_ name: String) -> ScenarioRenderer.Rendering {
        var s = ScenarioLibrary.named(name)!
        s.imuErrors = false
        return ScenarioRenderer(s).render()
    }

    /// Second central difference of `x` at index i with step k samples, per second².
    static func secondDifference(_ x: [Vector3], _ i: Int, _ k: Int, _ period: Double) -> Vector3 {
        (x[i + k] - x[i] * 2 + x[i - k]) / (Double(k * k) * period * period)
    }

    /// The bound from the finite-difference error estimates: twice the largest over the five
    /// samples the wide stencil spans.
    static func window(_ estimate: [Double], _ i: Int) -> Double {
        2 * estimate[max(0, i - 2)...min(estimate.count - 1, i + 2)].max()!
    }

    /// Scenarios in motion: walking (hip travel, bob, heel-strike jolts), a fast pull (125 °/s),
    /// sitting down and standing up (the hip rising, the pelvis turning), and a strap slipping.
    static let scenarios = ["walk-brisk", "piriformis-too-fast", "start-seated", "strap-slip"]

    @Test(arguments: scenarios)
    func specificForceIsTheTrajectorysSecondDerivativeLessGravity(_ name: String) {
        let r = Self.render(name)
        let period = r.sampleTimes[1] - r.sampleTimes[0]
        let n = r.ideal.count
        var estimate = [Double](repeating: 0, count: n)
        for i in 2..<(n - 2) {
            estimate[i] = (Self.secondDifference(r.positions, i, 2, period) - Self.secondDifference(r.positions, i, 1, period)).norm
        }
        var worstRatio = 0.0, worstAt = 0.0, worstError = 0.0
        var dynamic = 0.0
        for i in 2..<(n - 2) {
            let d1 = Self.secondDifference(r.positions, i, 1, period)
            let q = r.orientations[i]
            let expected = q.conjugate.rotate(d1 + Self.gravity)
            let error = (r.ideal[i].acceleration - expected).norm
            let bound = Self.window(estimate, i) + Self.roundoff
            if error / bound > worstRatio { worstRatio = error / bound; worstAt = r.sampleTimes[i]; worstError = error }
            dynamic = max(dynamic, d1.norm)
        }
        #expect(worstRatio <= 1, "\(name): \(worstError) m/s² off at t = \(worstAt) s, \(worstRatio) × the finite-difference bound")
        // The movement is real: the trajectory's acceleration is far above the tolerance.
        #expect(dynamic > 0.5, "\(name): peak acceleration only \(dynamic) m/s²")
    }

    @Test(arguments: scenarios)
    func specificForceIsTheRigidBodysHipLeverArmTangentialAndCentripetalTerms(_ name: String) throws {
        let r = Self.render(name)
        let scenario = try #require(ScenarioLibrary.named(name))
        let period = r.sampleTimes[1] - r.sampleTimes[0]
        // The lever arm, hip → sensor in the sensor frame, is fixed: the sensor is rigid on the thigh
        // (a slipping strap turns the sensor and its offset together), and as long as the scenario says.
        let arm = r.orientations[0].conjugate.rotate(r.positions[0] - r.hipPositions[0])
        let length = scenario.leverArm.count == 3
            ? Vector3(scenario.leverArm[0], scenario.leverArm[1], scenario.leverArm[2]).norm : Vector3(0.2, 0, 0.07).norm
        #expect(abs(arm.norm - length) < 1e-12, "lever arm \(arm.norm) m, scenario \(length) m")
        var worstArm = 0.0
        for i in r.positions.indices {
            worstArm = max(worstArm, (r.orientations[i].conjugate.rotate(r.positions[i] - r.hipPositions[i]) - arm).norm)
        }
        #expect(worstArm < 1e-12, "the lever arm moves in the sensor frame by \(worstArm) m")

        let n = r.ideal.count
        let w = r.ideal.map(\.angularVelocity)
        var estimate = [Double](repeating: 0, count: n)
        for i in 2..<(n - 2) {
            let alpha1 = (w[i + 1] - w[i - 1]) / (2 * period)
            let alpha2 = (w[i + 2] - w[i - 2]) / (4 * period)
            let hip = Self.secondDifference(r.hipPositions, i, 2, period) - Self.secondDifference(r.hipPositions, i, 1, period)
            estimate[i] = hip.norm + (alpha2 - alpha1).cross(arm).norm
        }
        var worstRatio = 0.0, worstAt = 0.0, worstError = 0.0
        var peak = (tangential: 0.0, centripetal: 0.0, hip: 0.0)
        for i in 2..<(n - 2) {
            let q = r.orientations[i]
            let alpha = (w[i + 1] - w[i - 1]) / (2 * period)
            let hip = Self.secondDifference(r.hipPositions, i, 1, period)
            let tangential = alpha.cross(arm)
            let centripetal = w[i].cross(w[i].cross(arm))
            let expected = q.conjugate.rotate(hip + Self.gravity) + tangential + centripetal
            let error = (r.ideal[i].acceleration - expected).norm
            let bound = Self.window(estimate, i) + Self.roundoff
            if error / bound > worstRatio { worstRatio = error / bound; worstAt = r.sampleTimes[i]; worstError = error }
            peak.tangential = max(peak.tangential, tangential.norm)
            peak.centripetal = max(peak.centripetal, centripetal.norm)
            peak.hip = max(peak.hip, hip.norm)
        }
        #expect(worstRatio <= 1, "\(name): \(worstError) m/s² off at t = \(worstAt) s, \(worstRatio) × the bound")
        // Each term matters: leaving the tangential or the centripetal one out would be off by more
        // than ten times the worst error (walking and standing up: the hip's acceleration too).
        #expect(peak.tangential > 10 * worstError && peak.centripetal > 10 * worstError,
                "\(name): tangential \(peak.tangential), centripetal \(peak.centripetal) m/s², worst error \(worstError)")
        if name == "walk-brisk" || name == "start-seated" { #expect(peak.hip > 10 * worstError, "hip \(peak.hip) m/s²") }
    }
}
