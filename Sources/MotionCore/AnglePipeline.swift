/// Sensor readings in, hip angles out: an orientation estimator and a `HipAngleTracker`, with times
/// made relative to the first sample (seconds since the first sample, as every output of formcheck).
public struct AnglePipeline<Estimator: OrientationEstimator>: Sendable {
    public private(set) var estimator: Estimator
    public private(set) var tracker: HipAngleTracker
    /// Time of the first sample on the source's clock.
    public private(set) var origin: Double?
    /// Time of the last sample, seconds since the first.
    public private(set) var lastTime = 0.0

    public init(estimator: Estimator, posture: Posture, side: Side, storedMounting: Quaternion? = nil) {
        self.estimator = estimator
        tracker = HipAngleTracker(posture: posture, side: side, storedMounting: storedMounting)
    }

    /// Appends the angles this reading makes known and returns what the tracker noticed.
    public mutating func consume(_ reading: SensorReading, into angles: inout [HipAngleSample]) -> HipAngleTracker.Event? {
        switch reading {
        case .gap:
            estimator.gapOccurred()
            return nil
        case .sample(var s):
            guard s.acceleration.isFinite, s.angularVelocity.isFinite, s.time.isFinite else { return nil }
            if origin == nil { origin = s.time }
            s.time -= origin!
            lastTime = s.time
            let q = estimator.update(s)
            return tracker.update(s, orientation: q, gyroBias: estimator.gyroBias, into: &angles)
        }
    }
}
