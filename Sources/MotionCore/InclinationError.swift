/// The BROAD benchmark's heading-free orientation error (Laidig et al., "BROAD—A Benchmark for
/// Robust Inertial Orientation Estimation", Data 6(7):72, 2021): with both orientations
/// sensor → earth (z up), the earth-frame error e = q_est ⊗ q_ref⁻¹ has the inclination angle
/// 2·acos(√(e_w² + e_z²)) — the angle between "up" as the estimate and the reference see it in the
/// sensor frame. Heading differences do not count.
public enum InclinationError {
    /// The inclination error angle in radians, 0…π. Computed as 2·atan2(√(e_x² + e_y²), √(e_w² + e_z²)),
    /// which equals the definition for unit quaternions and keeps full precision near 0.
    @inlinable
    public static func angle(estimate: Quaternion, reference: Quaternion) -> Double {
        let e = estimate * reference.conjugate
        let vertical = (e.w * e.w + e.z * e.z).squareRoot()
        let horizontal = (e.x * e.x + e.y * e.y).squareRoot()
        return 2 * Double.atan2(horizontal, vertical)
    }

    /// Root mean square of error angles, accumulated one at a time.
    public struct RootMeanSquare: Sendable, Hashable {
        public private(set) var count = 0
        public private(set) var sumOfSquares = 0.0

        public init() {}

        /// Adds one angle (any unit; the result is in the same unit).
        public mutating func add(_ angle: Double) {
            count += 1
            sumOfSquares += angle * angle
        }

        /// √(mean of squares); nil before the first angle.
        public var value: Double? { count == 0 ? nil : (sumOfSquares / Double(count)).squareRoot() }
    }

    /// The BROAD figure of a trial: RMSE in degrees of the inclination error over the samples that
    /// are scored (`scored[i]`) and have a reference (`references[i] != nil`); nil when none do.
    /// The arrays are index-aligned; extra elements of the longer ones are ignored.
    public static func rootMeanSquareDegrees(estimates: [Quaternion], references: [Quaternion?], scored: [Bool]) -> Double? {
        var rms = RootMeanSquare()
        for i in 0..<min(estimates.count, references.count, scored.count) where scored[i] {
            guard let r = references[i] else { continue }
            rms.add(angle(estimate: estimates[i], reference: r).degrees)
        }
        return rms.value
    }
}
