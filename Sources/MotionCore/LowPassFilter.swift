/// A second-order low-pass filter over any `LowPassValue` (vectors, matrices), direct form II
/// transposed, with the start-up VQF uses: for the first τ seconds of samples the output is the
/// running mean of the input, then the filter starts in steady state at that mean — so the output
/// does not depend on a single first sample and has no start-up transient.
struct LowPassFilter<Value: LowPassValue>: Sendable {
    /// The latest output (zero before the first sample).
    private(set) var output: Value = .zero
    private var z1: Value = .zero
    private var z2: Value = .zero
    private var sum: Value = .zero
    private var count = 0
    /// False while averaging the first τ seconds of samples.
    private(set) var isRunning = false

    init() {}

    /// Forgets everything: the next sample starts a new running mean.
    mutating func reset() { self = LowPassFilter() }

    /// Filters one sample and returns the output.
    @discardableResult @inline(__always)
    mutating func step(_ x: Value, _ c: LowPassCoefficients) -> Value {
        if isRunning {
            let y = x * c.b0 + z1
            z1 = x * c.b1 - y * c.a1 + z2
            z2 = x * c.b2 - y * c.a2
            output = y
        } else {
            count += 1
            sum = sum + x
            output = sum * (1 / Double(count))
            if Double(count) * c.period >= c.timeConstant { settle(at: output, c) }
        }
        return output
    }

    /// Sets the state to the steady state of constant input `y` (as after an infinite run of it),
    /// and starts filtering.
    mutating func settle(at y: Value, _ c: LowPassCoefficients) {
        output = y
        z1 = y * (1 - c.b0)
        z2 = y * (c.b2 - c.a2)
        isRunning = true
    }

    /// Re-derives the state for new coefficients so that a running filter continues from its
    /// last output without a jump (a filter still averaging keeps averaging).
    mutating func adapt(to c: LowPassCoefficients) {
        if isRunning { settle(at: output, c) }
    }
}
