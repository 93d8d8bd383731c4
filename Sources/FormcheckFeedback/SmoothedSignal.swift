/// Two cascaded first-order low-passes with cut-off `cutoff` Hz (critically damped: no overshoot),
/// adapting to each sample's time step, and the rate of the smoothed value. Attenuates a signal at
/// frequency f by 1 / (1 + (f/fc)²).
public struct SmoothedSignal: Sendable {
    public let cutoff: Double
    private var stage1: Double?
    private var stage2 = 0.0
    private var lastTime = 0.0
    /// The smoothed value.
    public private(set) var value = 0.0
    /// Its rate of change per second.
    public private(set) var rate = 0.0

    /// How far the smoothed value lags a slowly changing signal, seconds: the two stages' group
    /// delay at low frequencies, 2τ = 1 / (π fc) (0.16 s at 2 Hz). A value seen at t describes the
    /// signal at about t − `delay`.
    public var delay: Double { cutoff > 0 ? 1 / (.pi * cutoff) : 0 }

    public init(cutoff: Double) {
        self.cutoff = cutoff
    }

    public mutating func update(_ x: Double, at t: Double) {
        guard let s1 = stage1 else {
            stage1 = x
            stage2 = x
            value = x
            lastTime = t
            return
        }
        let dt = t - lastTime
        lastTime = t
        guard dt > 0 else { return }
        // α = 1 − e^(−dt/τ), τ = 1/(2π fc); for dt ≪ τ this is dt/τ.
        let k = dt * 2 * .pi * cutoff
        let alpha = k < 0.5 ? k * (1 - k / 2 + k * k / 6) : 1 - 1 / (1 + k + k * k / 2 + k * k * k / 6)
        let n1 = s1 + alpha * (x - s1)
        let n2 = stage2 + alpha * (n1 - stage2)
        rate = (n2 - stage2) / dt
        stage1 = n1
        stage2 = n2
        value = n2
    }
}
