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
}

extension OrientationEstimator {
    /// Most estimators have nothing to do for a skipped sample.
    public mutating func sampleSkipped() {}
}
