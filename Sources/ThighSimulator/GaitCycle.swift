import MotionCore

/// One stride of level walking as the thigh sees it: its sagittal angle and the heel-strike jolts.
///
/// Stride phase `p` runs 0 …< 1 from the sensor leg's own heel strike (initial contact) to its
/// next one; the other leg strikes at p = 0.5. The waveform follows the landmarks of the thigh
/// (segment) angle in normal level walking — Winter, *Biomechanics and Motor Control of Human
/// Movement* (4th ed., 2009), the thigh segment angles of the normal-cadence gait data; Perry &
/// Burnfield, *Gait Analysis: Normal and Pathological Function* (2nd ed., 2010), the hip/thigh in
/// the phases of gait:
/// - the thigh is about +23° flexed at heel strike, just past its maximum (+24° at p = 0.95, late
///   terminal swing; the small retraction before contact);
/// - through stance (0 … 0.6) it extends slowly and nearly linearly, to its most extended, −14°,
///   at p = 0.55 (pre-swing, just before toe-off at 0.6; about −13° at the other leg's strike);
/// - it flexes fast through pre-swing and swing: 40 % of the stride from minimum to maximum.
///
/// The curve is a sinusoid with its phase modulated, `mean + amplitude·sin(φ + b·sin φ)` with
/// φ = 2π(p − centre): smooth (every derivative continuous, no corner for the gyroscope or the
/// lever-arm acceleration), periodic, with its extrema exactly where the landmarks put them and a
/// stride mean of exactly `mean` (each half of the curve is symmetric about its mid-point in time).
/// Not a fit to one subject's data: the landmarks above, within the textbooks' normal ranges.
enum GaitCycle {
    /// Mean thigh flexion over a stride, degrees.
    static let mean = 5.0
    /// Half the range of the thigh's swing, degrees (range 38°: +24° … −14°).
    static let amplitude = 19.0
    /// Stride phase of maximum flexion (late swing), 0 …< 1.
    static let maximumPhase = 0.95
    /// Share of the stride spent flexing (from the minimum to the maximum), 0 … 1.
    static let flexingShare = 0.4
    /// Stride phase of the sensor leg's toe-off (end of stance), 0 …< 1.
    static let toeOffPhase = 0.6

    /// Phase-modulation depth that makes the rising half last `flexingShare` of the stride:
    /// the rising half spans φ ∈ [−πs, πs], where φ + b sin φ must reach ±π/2, so
    /// b = π(½ − s)/sin(πs) (0.330 for s = 0.4; the curve is monotone between extrema for |b| < 1).
    static let modulation: Double = {
        let s = flexingShare
        return Double.pi * (0.5 - s) / (Double.pi * s).sine
    }()

    /// Thigh flexion relative to standing, degrees, at stride phase `p` (any real; periodic in 1).
    static func flexion(stridePhase p: Double) -> Double {
        let centre = maximumPhase - flexingShare / 2
        let phi = 2 * Double.pi * (p - centre)
        return mean + amplitude * (phi + modulation * phi.sine).sine
    }

    /// A heel-strike jolt at the thigh, as a short downward dip of the hip's height: depth (metres)
    /// and Gaussian width σ (seconds). Its peak upward acceleration is depth/σ².
    struct Jolt: Sendable, Hashable {
        var depth: Double
        var width: Double
    }

    /// The sensor leg's own heel strike, at the end of its swing: 2.5 mm over σ = 25 ms (peak 4.0 m/s²).
    static let ownStrike = Jolt(depth: 0.0025, width: 0.025)
    /// The other leg's heel strike, half a stride later, reaching the thigh through the pelvis:
    /// weaker and softer, 1 mm over σ = 35 ms (peak 0.8 m/s²).
    static let otherStrike = Jolt(depth: 0.001, width: 0.035)
}
