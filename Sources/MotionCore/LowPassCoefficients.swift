/// Coefficients of a second-order Butterworth low-pass filter, designed by the bilinear transform
/// from a time constant the way VQF (Laidig & Seel 2023, eq. 9–10) does: cutoff
/// f_c = √2 / (2π·τ), so that the non-oscillating part of the step response decays with τ.
///
/// The filter is `y[k] = b0·x[k] + b1·x[k−1] + b2·x[k−2] − a1·y[k−1] − a2·y[k−2]` (unity gain at 0 Hz).
struct LowPassCoefficients: Sendable, Hashable {
    var b0: Double
    var b1: Double
    var b2: Double
    var a1: Double
    var a2: Double
    /// Time constant τ in seconds (0 or less: the filter passes its input through).
    var timeConstant: Double
    /// The sample period in seconds the coefficients were designed for.
    var period: Double

    /// - Parameters:
    ///   - timeConstant: τ in seconds; 0 or less gives a pass-through filter.
    ///   - period: sample period in seconds, > 0. The cutoff is kept below 0.45 of the sampling
    ///     rate so that a τ shorter than a few samples still gives a stable filter.
    init(timeConstant: Double, period: Double) {
        self.timeConstant = timeConstant
        self.period = period
        guard timeConstant > 0, period > 0, timeConstant.isFinite, period.isFinite else {
            b0 = 1; b1 = 0; b2 = 0; a1 = 0; a2 = 0
            return
        }
        let cutoff = 2.0.squareRoot() / (2 * Double.pi * timeConstant)
        let c = (Double.pi * min(cutoff * period, 0.45)).tangent
        let root2 = 2.0.squareRoot()
        let d = c * c + root2 * c + 1
        b0 = c * c / d
        b1 = 2 * b0
        b2 = b0
        a1 = 2 * (c * c - 1) / d
        a2 = (1 - root2 * c + c * c) / d
    }
}
