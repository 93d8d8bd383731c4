/// Rest detection as in VQF (Laidig & Seel 2023, §3.3): the sensor rests when, for a minimum
/// time, the gyroscope and the accelerometer both stay close to their own low-passed values
/// (the deviations' norms below thresholds) and the low-passed angular rate is small enough to be
/// gyroscope bias. A hold of a stretch, with its slight sway, counts as rest; any movement ends it.
struct FilterRestDetector: Sendable {
    /// Low-passed angular rate, rad/s: the bias measurement while resting.
    private(set) var rateMean = LowPassFilter<Vector3>()
    private(set) var accelerationMean = LowPassFilter<Vector3>()
    /// Seconds the rest conditions have held without a break.
    private(set) var duration = 0.0
    private(set) var isResting = false

    /// The low-passed angular rate in rad/s.
    var meanRate: Vector3 { rateMean.output }

    /// - Parameters:
    ///   - rate: angular rate, rad/s.
    ///   - threshold: largest deviation of the rate from its low-pass, rad/s.
    ///   - limit: largest low-passed rate on any axis, rad/s (the largest bias believed).
    @inline(__always)
    mutating func observeRate(_ rate: Vector3, _ c: LowPassCoefficients, threshold: Double, limit: Double) {
        let mean = rateMean.step(rate, c)
        let deviation = rate - mean
        if deviation.dot(deviation) >= threshold * threshold
            || abs(mean.x) > limit || abs(mean.y) > limit || abs(mean.z) > limit {
            breakRest()
        }
    }

    /// - Parameters:
    ///   - acceleration: specific force, m/s².
    ///   - elapsed: seconds since the previous sample.
    ///   - threshold: largest deviation of the specific force from its low-pass, m/s².
    ///   - minimumDuration: seconds the conditions must hold before rest is declared.
    @inline(__always)
    mutating func observeAcceleration(_ acceleration: Vector3, elapsed: Double, _ c: LowPassCoefficients,
                                      threshold: Double, minimumDuration: Double) {
        let mean = accelerationMean.step(acceleration, c)
        let deviation = acceleration - mean
        if deviation.dot(deviation) >= threshold * threshold {
            breakRest()
        } else {
            duration += elapsed
            if duration >= minimumDuration { isResting = true }
        }
    }

    /// Re-derives the low-pass states for new coefficients.
    mutating func adapt(to c: LowPassCoefficients) {
        rateMean.adapt(to: c)
        accelerationMean.adapt(to: c)
    }

    mutating func reset() { self = FilterRestDetector() }

    private mutating func breakRest() {
        duration = 0
        isResting = false
    }
}
