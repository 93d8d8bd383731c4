/// The gyroscope bias of a whole recording, from its still periods: `RestDetector` finds the rests
/// (at least 1 s in which the angular rate stays within 2 °/s of its mean and the specific force
/// within 0.4 m/s²), and every sample of every rest is a rest measurement of `GyroBiasEstimator`
/// with a constant bias (no random walk), so the estimate is the mean rate over all rest samples,
/// each axis believed up to ±`limit`. For a figure over the whole file (`formcheck inspect`), not
/// for live use: the orientation filter tracks a drifting bias itself.
public struct RestGyroBias: Sendable, Hashable {
    /// Estimated bias, rad/s, in the sensor frame.
    public var bias: Vector3
    /// Rests it was taken from, and their total duration in seconds.
    public var rests: Int
    public var restSeconds: Double

    /// Largest bias believed per axis, rad/s (10 °/s, beyond consumer gyroscopes' ±2–5 °/s).
    public static let limit = 10 * Double.pi / 180

    /// The bias from the rests of `readings`; nil when there is no rest.
    public static func estimate(_ readings: [SensorReading], parameters: RestDetector.Parameters = .init()) -> RestGyroBias? {
        var detector = RestDetector(parameters: parameters)
        var intervals: [(since: Double, until: Double)] = []
        var last: Double?
        for r in readings {
            switch r {
            case .gap:
                if case .restEnded(let since, let until) = detector.gapOccurred() { intervals.append((since, until)) }
            case .sample(let s):
                last = s.time
                switch detector.update(s) {
                case .restEnded(let since, let until): intervals.append((since, until))
                case .restStarted, .none: break
                }
            }
        }
        if let since = detector.restStart, let last { intervals.append((since, last + 1e-9)) }
        guard !intervals.isEmpty else { return nil }
        // A rest ends at the first sample that is not still: the samples from `since` up to it.
        let rms = 0.5 * Double.pi / 180
        var estimator = GyroBiasEstimator(noise: .init(
            ceiling: limit * limit, perSample: 0, rest: rms * rms, motion: 1, vertical: 1, limit: limit))
        var k = 0
        var seconds = 0.0
        for (since, until) in intervals { seconds += until - since }
        for case .sample(let s) in readings {
            while k < intervals.count && s.time >= intervals[k].until { k += 1 }
            guard k < intervals.count else { break }
            if s.time >= intervals[k].since { estimator.correct(restRate: s.angularVelocity) }
        }
        return RestGyroBias(bias: estimator.bias, rests: intervals.count, restSeconds: seconds)
    }
}
