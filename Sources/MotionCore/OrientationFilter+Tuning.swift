extension OrientationFilter {
    /// What the filter derives from its parameters and the nominal sample period: filter
    /// coefficients, the bias noise model, limits in rad/s.
    struct Tuning: Sendable, Hashable {
        /// Nominal sample period, s.
        var period: Double
        /// 1 / period, Hz.
        var rate: Double
        var accelerometerLowPass: LowPassCoefficients
        var restLowPass: LowPassCoefficients
        var biasNoise: GyroBiasEstimator.Noise
        /// How far the output is extrapolated with the current rate, s (`gyroscopeDelay` − period/2).
        var outputLead: Double
        /// Rest thresholds and bias limit, rad/s.
        var restRateThreshold: Double
        var biasLimit: Double

        init(_ p: Parameters, period: Double) {
            self.period = period
            rate = 1 / period
            let lead = (p.gyroscopeDelay ?? period / 2) - period / 2
            outputLead = lead.isFinite && abs(lead) > 1e-12 ? max(-1, min(1, lead)) : 0
            accelerometerLowPass = LowPassCoefficients(timeConstant: p.accelerometerTimeConstant, period: period)
            restLowPass = LowPassCoefficients(timeConstant: p.restFilterTimeConstant, period: period)
            let radians = Double.pi / 180
            restRateThreshold = p.restRateThreshold * radians
            biasLimit = p.biasLimit * radians
            // The random walk adds (0.1 °/s)² of variance per forgetting time; measurement variances
            // follow VQF: w = p²/v + p, so that p is the steady-state variance under that measurement.
            func square(_ x: Double) -> Double { x * x }
            let perSample = square(0.1 * radians) * period / max(p.biasForgettingTime, 1e-9)
            let motion = square(p.biasMotionSigma * radians)
            let rest = square(p.biasRestSigma * radians)
            let motionVariance = square(motion) / perSample + motion
            biasNoise = GyroBiasEstimator.Noise(
                ceiling: square(p.biasInitialSigma * radians),
                perSample: perSample,
                rest: square(rest) / perSample + rest,
                motion: motionVariance,
                vertical: motionVariance / max(p.biasVerticalForgettingFactor, 1e-10),
                limit: biasLimit)
        }
    }
}
