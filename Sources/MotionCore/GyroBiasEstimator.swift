/// The gyroscope-bias Kalman filter of VQF (Laidig & Seel 2023, §3.4): the bias is a random walk
/// with a covariance that grows to a ceiling, measured two ways —
/// - at rest, directly: the low-passed angular rate is the bias;
/// - in motion, indirectly: the accelerometer's inclination correction, as an angular rate in the
///   earth frame, is the horizontal part of the bias error rotated into that frame (the model
///   matrix is the low-passed sensor-to-earth rotation); the vertical part is unobservable and is
///   only pulled weakly towards zero.
/// Bias and innovations are clipped to ±`limit`. All quantities in rad/s and (rad/s)².
struct GyroBiasEstimator: Sendable {
    /// Noise model, from `OrientationFilter.Parameters` and the sample period.
    struct Noise: Sendable, Hashable {
        /// Initial variance and ceiling of the covariance's diagonal, (rad/s)².
        var ceiling: Double
        /// Variance added per sample period, (rad/s)².
        var perSample: Double
        /// Measurement variance of the rest measurement, (rad/s)².
        var rest: Double
        /// Measurement variance of the horizontal motion measurement, (rad/s)².
        var motion: Double
        /// Measurement variance of the vertical pseudo-measurement (bias → 0), (rad/s)².
        var vertical: Double
        /// Largest bias believed, per axis, rad/s.
        var limit: Double
    }

    var noise: Noise
    /// Estimated bias, rad/s, in the sensor frame.
    private(set) var bias = Vector3.zero
    /// Covariance of the estimate, (rad/s)².
    private(set) var covariance: Matrix3

    init(noise: Noise) {
        self.noise = noise
        covariance = Matrix3(diagonal: noise.ceiling)
    }

    /// Time update for `samples` sample periods: the diagonal grows by the random walk, up to the ceiling.
    @inline(__always)
    mutating func predict(samples: Double = 1) {
        let growth = noise.perSample * max(0, samples)
        if covariance.row0.x < noise.ceiling { covariance.row0.x = min(covariance.row0.x + growth, noise.ceiling) }
        if covariance.row1.y < noise.ceiling { covariance.row1.y = min(covariance.row1.y + growth, noise.ceiling) }
        if covariance.row2.z < noise.ceiling { covariance.row2.z = min(covariance.row2.z + growth, noise.ceiling) }
    }

    /// Rest measurement: `meanRate` (rad/s) is the bias.
    mutating func correct(restRate meanRate: Vector3) {
        let r = noise.rest
        correct(innovation: meanRate - bias, model: .identity, measurementVariance: Vector3(r, r, r))
    }

    /// Motion measurement: `innovation` = measured − model · bias (rad/s, earth frame), with the
    /// low-passed sensor-to-earth rotation as `model`.
    @inline(__always)
    mutating func correct(motionInnovation innovation: Vector3, model: Matrix3) {
        correct(innovation: innovation, model: model,
                measurementVariance: Vector3(noise.motion, noise.motion, noise.vertical))
    }

    /// The Kalman update with measurement matrix `h` and diagonal measurement covariance `w`:
    /// S = H P Hᵀ + W, K = P Hᵀ S⁻¹, b += K e, P −= K (P Hᵀ)ᵀ. P and S are symmetric, so only
    /// their upper triangles are computed.
    @inline(__always)
    private mutating func correct(innovation: Vector3, model h: Matrix3, measurementVariance w: Vector3) {
        let limit = noise.limit
        let e = Vector3(Self.clip(innovation.x, limit), Self.clip(innovation.y, limit), Self.clip(innovation.z, limit))
        let pht = covariance * h.transposed
        // S, symmetric: s_ij = h_i · (P Hᵀ)_column j.
        let c0 = pht.column0, c1 = pht.column1, c2 = pht.column2
        let s00 = h.row0.dot(c0) + w.x, s01 = h.row0.dot(c1), s02 = h.row0.dot(c2)
        let s11 = h.row1.dot(c1) + w.y, s12 = h.row1.dot(c2)
        let s22 = h.row2.dot(c2) + w.z
        // S⁻¹ by the adjugate (symmetric).
        let a00 = s11 * s22 - s12 * s12, a01 = s02 * s12 - s01 * s22, a02 = s01 * s12 - s02 * s11
        let a11 = s00 * s22 - s02 * s02, a12 = s01 * s02 - s00 * s12
        let a22 = s00 * s11 - s01 * s01
        let det = s00 * a00 + s01 * a01 + s02 * a02
        guard det.isFinite, det > 1e-14 * abs(s00 * s11 * s22) else { return }
        let k = 1 / det
        let sInverse = Matrix3(rows: Vector3(a00, a01, a02) * k, Vector3(a01, a11, a12) * k, Vector3(a02, a12, a22) * k)
        let gain = pht * sInverse
        let newBias = bias + gain * e
        // P − K (P Hᵀ)ᵀ, symmetric: entry ij = p_ij − gain_i · pht_j.
        let p = covariance
        let p00 = p.row0.x - gain.row0.dot(pht.row0), p01 = p.row0.y - gain.row0.dot(pht.row1)
        let p02 = p.row0.z - gain.row0.dot(pht.row2), p11 = p.row1.y - gain.row1.dot(pht.row1)
        let p12 = p.row1.z - gain.row1.dot(pht.row2), p22 = p.row2.z - gain.row2.dot(pht.row2)
        let newCovariance = Matrix3(rows: Vector3(p00, p01, p02), Vector3(p01, p11, p12), Vector3(p02, p12, p22))
        guard newBias.isFinite, newCovariance.isFinite else { return }
        bias = Vector3(Self.clip(newBias.x, limit), Self.clip(newBias.y, limit), Self.clip(newBias.z, limit))
        covariance = newCovariance
    }

    /// Sets the estimate, e.g. from a calibration; `sigma` (rad/s) resets the covariance when given.
    mutating func set(bias: Vector3, sigma: Double?) {
        let limit = noise.limit
        self.bias = Vector3(Self.clip(bias.x, limit), Self.clip(bias.y, limit), Self.clip(bias.z, limit))
        if let sigma, sigma.isFinite, sigma >= 0 { covariance = Matrix3(diagonal: sigma * sigma) }
    }

    /// An upper bound of the estimate's standard deviation on any axis, rad/s (largest absolute
    /// row sum of the covariance, Gershgorin, capped at the ceiling).
    var sigma: Double {
        func rowSum(_ r: Vector3) -> Double { abs(r.x) + abs(r.y) + abs(r.z) }
        let bound = max(rowSum(covariance.row0), rowSum(covariance.row1), rowSum(covariance.row2))
        return min(bound, noise.ceiling).squareRoot()
    }

    @inline(__always)
    static func clip(_ x: Double, _ limit: Double) -> Double { x < -limit ? -limit : (x > limit ? limit : x) }
}
