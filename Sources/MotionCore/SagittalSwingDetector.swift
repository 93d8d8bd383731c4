/// Finds the thigh's swings in the raw sample stream, whatever the strap's orientation, without a
/// calibration:
///
/// 1. The angular rate loses its component about the vertical (the low-passed specific force, in
///    the sensor frame): turning on the spot or in a walk is a rotation about the vertical, while
///    the thigh swings about its mediolateral axis, which stays horizontal whatever the flexion.
/// 2. What is left, low-passed (two one-pole stages at `lowPassHz`) and without its running mean
///    (gyro bias), has a running principal axis — the dominant eigenvector of its exponentially
///    weighted covariance, one power-iteration step per sample, so the axis never flips sign: the
///    sagittal swing axis.
/// 3. The (unfiltered) rate about that axis, integrated with a leak (a high-pass at
///    `leakTimeConstant`), is the sagittal angle up to sign and offset; its maxima, found with
///    `hysteresis`, are the swings.
///
/// One value type, one input: `update(_:)` returns the swing a sample completed, if any.
public struct SagittalSwingDetector: Sendable {
    public struct Parameters: Sendable, Hashable {
        /// Cut-off of the angular-rate low-pass, Hz (gait's thigh rate lives below 3 Hz).
        public var lowPassHz = 4.0
        /// Time constant of the gravity estimate (low-passed specific force), seconds.
        public var gravityTimeConstant = 1.0
        /// Time constant of the rate's running mean and covariance (the swing axis), seconds.
        public var axisTimeConstant = 3.0
        /// Time constant of the integrator's leak, seconds (long against a stride, ≤ 2.2 s).
        public var leakTimeConstant = 2.0
        /// An extreme of the angle counts once the angle has moved back this far, degrees. Above
        /// the sway of standing (1–2°), below the thigh's range on stairs down (10–20°).
        public var hysteresis = 6.0

        public init() {}
    }

    private enum Phase: Sendable, Hashable {
        /// Before the first sample.
        case empty
        /// The angle rises; its highest value so far `extreme`, reached at `at`.
        case rising(extreme: Double, at: Double)
        /// The angle falls; its lowest value so far `extreme`, reached at `at`.
        case falling(extreme: Double, at: Double)
    }

    public let parameters: Parameters
    private var phase: Phase = .empty
    private var lastTime: Double?
    private var gravity = Vector3.zero
    private var stage1 = Vector3.zero
    private var stage2 = Vector3.zero
    private var mean = Vector3.zero
    private var covariance = Matrix3.zero
    private var axis = Vector3(1, 1, 1).normalized
    /// The sagittal angle (high-passed, sign and offset arbitrary), degrees.
    public private(set) var angle = 0.0
    /// The rate about the swing axis, rad/s.
    public private(set) var rate = 0.0
    /// The last minimum (time, angle) and the last swing's peak time.
    private var lastMinimum: (time: Double, angle: Double)?
    private var lastPeak: Double?
    /// Since the last peak: |specific force| extremes and the force's sum.
    private var forceMin = Double.infinity
    private var forceMax = -Double.infinity
    private var forceSum = Vector3.zero
    /// The decay factors of the filters for an interval `factors.dt` long, kept: at a steady sample
    /// rate the interval repeats, to the bit, from sample to sample, and the same interval gives
    /// the same factors (four exponentials a sample otherwise).
    private var factors = DecayFactors(dt: -1, gravity: 0, lowPass: 0, axis: 0, leak: 0)

    private struct DecayFactors: Sendable {
        var dt: Double
        var gravity: Double
        var lowPass: Double
        var axis: Double
        var leak: Double
    }

    public init(parameters: Parameters = .init()) {
        self.parameters = parameters
    }

    /// When the swing in progress peaked so far (the angle rises, or has not yet fallen back by the
    /// hysteresis), seconds; nil when the angle is falling.
    public var peakInProgress: Double? {
        if case .rising(_, let at) = phase, lastMinimum != nil { return at }
        return nil
    }

    /// The current swing axis (unit, sensor frame).
    public var swingAxis: Vector3 { axis }

    /// Filters one sample; returns the swing whose peak it confirmed, if any. A sample whose time
    /// does not advance is ignored; one more than 0.25 s after the last is taken as a gap.
    public mutating func update(_ s: IMUSample) -> ThighSwing? {
        guard let last = lastTime else {
            lastTime = s.time
            gravity = s.acceleration
            stage1 = horizontal(s.angularVelocity)
            stage2 = stage1
            // The running mean (gyro bias, a few °/s at most) starts at zero, not at the first
            // rate: a recording may start mid-swing.
            phase = .rising(extreme: 0, at: s.time)
            accumulate(s.acceleration)
            return nil
        }
        let dt = s.time - last
        guard dt > 0 else { return nil }
        if dt > 0.25 {
            gapOccurred()
            return update(s)
        }
        lastTime = s.time
        if factors.dt != dt {
            factors = DecayFactors(dt: dt, gravity: 1 - (-dt / parameters.gravityTimeConstant).exponential,
                                   lowPass: 1 - (-Double.twoPi * parameters.lowPassHz * dt).exponential,
                                   axis: 1 - (-dt / parameters.axisTimeConstant).exponential,
                                   leak: (-dt / parameters.leakTimeConstant).exponential)
        }
        gravity += (s.acceleration - gravity) * factors.gravity
        let a = factors.lowPass
        let w = horizontal(s.angularVelocity)
        stage1 += (w - stage1) * a
        stage2 += (stage1 - stage2) * a
        let b = factors.axis
        mean += (stage2 - mean) * b
        let d = stage2 - mean
        let outer = Matrix3(rows: d * d.x, d * d.y, d * d.z)
        covariance = covariance + (outer - covariance) * b
        let next = covariance * axis
        if next.norm > 1e-12 { axis = next.normalized }
        // The angle integrates the unfiltered rate (the integral is a low-pass itself; the low-pass
        // would shrink the swing's range by 5 % at 1 Hz).
        rate = (w - mean).dot(axis)
        angle = angle * factors.leak + rate.degrees * dt
        accumulate(s.acceleration)
        switch phase {
        case .empty:
            phase = .rising(extreme: angle, at: s.time)
            return nil
        case .rising(let extreme, let at):
            if angle > extreme {
                phase = .rising(extreme: angle, at: s.time)
                return nil
            }
            guard extreme - angle >= parameters.hysteresis else { return nil }
            phase = .falling(extreme: angle, at: s.time)
            defer {
                lastPeak = at
                forceMin = .infinity
                forceMax = -.infinity
                forceSum = .zero
            }
            guard let minimum = lastMinimum else { return nil }
            return ThighSwing(time: at, start: minimum.time, period: lastPeak.map { at - $0 },
                              range: extreme - minimum.angle, accelerationRange: forceMax - forceMin,
                              gravity: forceSum.normalized)
        case .falling(let extreme, let at):
            if angle < extreme {
                phase = .falling(extreme: angle, at: s.time)
                return nil
            }
            if angle - extreme >= parameters.hysteresis {
                lastMinimum = (at, extreme)
                phase = .rising(extreme: angle, at: s.time)
            }
            return nil
        }
    }

    /// Samples were lost: the swing in progress and the filters start again (the swing axis is
    /// kept: the strap has not moved).
    public mutating func gapOccurred() {
        let kept = (axis, covariance, mean)
        self = SagittalSwingDetector(parameters: parameters)
        (axis, covariance, mean) = kept
    }

    /// The angular rate without its component about the current vertical.
    private func horizontal(_ w: Vector3) -> Vector3 {
        let n = gravity.norm
        guard n > 1e-9 else { return w }
        let up = gravity / n
        return w - up * w.dot(up)
    }

    private mutating func accumulate(_ f: Vector3) {
        let m = f.norm
        forceMin = min(forceMin, m)
        forceMax = max(forceMax, m)
        forceSum += f
    }
}
