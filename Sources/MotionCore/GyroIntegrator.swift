/// Integrates angular rate into orientation change: q ← q ⊗ exp(½·ω̄·dt), with ω̄ the mean of
/// consecutive samples (trapezoidal), so a stretch of lost samples is bridged by a straight line.
/// Orientation is relative to the first sample's sensor frame.
public struct GyroIntegrator: Sendable {
    /// Rotation from the sensor frame now to the sensor frame at the first sample.
    public private(set) var rotation = Quaternion.identity
    private var last: IMUSample?

    public init() {}

    public mutating func add(_ s: IMUSample) {
        defer { last = s }
        guard let last else { return }
        let dt = s.time - last.time
        guard dt > 0, dt.isFinite else { return }
        let w = (last.angularVelocity + s.angularVelocity) * 0.5
        rotation = (rotation * Quaternion(rotationVector: w * dt)).normalized
    }
}
