/// Anything that turns IMU samples into an orientation estimate (earth ← sensor, z up, heading
/// arbitrary), sample by sample: the live `OrientationFilter`, or a recorded/true orientation in tests.
public protocol OrientationEstimator: Sendable {
    /// The orientation after this sample.
    mutating func update(_ s: IMUSample) -> Quaternion
    /// Samples were lost: the next one does not follow the last at the usual period.
    mutating func gapOccurred()
    /// The current gyroscope bias estimate, rad/s.
    var gyroBias: Vector3 { get }
    /// A sample was not usable (not finite) and was not given to `update`.
    mutating func sampleSkipped()
    /// The bias estimate's uncertainty (an upper bound of its standard deviation on any axis),
    /// rad/s; nil when the estimator estimates no bias.
    var gyroBiasUncertainty: Double? { get }
    /// Starts from a bias known beforehand (rad/s; `sigma`, rad/s, its uncertainty, nil: keep the
    /// estimator's own): the same sensor's estimate from an earlier pass over its readings.
    mutating func setGyroBias(_ bias: Vector3, sigma: Double?)
}

extension OrientationEstimator {
    /// Most estimators have nothing to do for a skipped sample.
    public mutating func sampleSkipped() {}
    /// An estimator without a bias estimate has no uncertainty to give…
    public var gyroBiasUncertainty: Double? { nil }
    /// …and nothing to set.
    public mutating func setGyroBias(_ bias: Vector3, sigma: Double?) {}

    /// This estimator, fresh, begun with `other`'s gyroscope bias estimate and its uncertainty:
    /// for a second pass over readings `other` has read (the same sensor). A fresh filter that
    /// does not know the bias integrates it until its first rest has shown it, so its inclination
    /// wanders by up to ~1° over its first ten seconds (measured on the simulated routine: −0.9° to
    /// +0.5° about the flexion axis) — the very rest a strap calibration takes the femur from.
    public func beginning(withBiasOf other: Self) -> Self {
        var e = self
        e.setGyroBias(other.gyroBias, sigma: other.gyroBiasUncertainty)
        return e
    }
}
