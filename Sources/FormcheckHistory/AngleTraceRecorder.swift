/// Turns the thigh's flexion at every sample into an `AngleTrace` at a fixed rate (10 Hz by
/// default): value `i` is the mean of the known flexions of the samples in
/// [start + i / rate, start + (i + 1) / rate) on the session's clock, NaN when there were none (not
/// calibrated yet, a gap in the samples). Pure: fed each sample's time and flexion, it gives each
/// exercise's trace when it ends.
///
///     idle → (begin at t) recording → (finish at t) idle, giving the trace
public struct AngleTraceRecorder: Sendable, Hashable {
    private enum State: Sendable, Hashable {
        case idle
        /// A trace from `start`: `values` closed, the value under way at index `index` (sum, count).
        case recording(start: Double, values: [Float], index: Int, sum: Double, count: Int)
    }

    /// Values per second, Hz (> 0).
    public let rate: Double
    private var state = State.idle

    public init(rate: Double = 10) {
        self.rate = rate > 0 ? rate : 10
    }

    /// True between `begin` and `finish`.
    public var isRecording: Bool {
        if case .recording = state { return true }
        return false
    }

    /// A trace begins at `t` (seconds on the session's clock); one under way is dropped.
    public mutating func begin(at t: Double) {
        state = .recording(start: t, values: [], index: 0, sum: 0, count: 0)
    }

    /// A sample at `t` with its flexion (degrees; nil or NaN: not known). Samples before the
    /// trace's start, or going back in time, are not used; nothing is kept while idle.
    public mutating func add(t: Double, flexion: Double?) {
        guard case .recording(let start, var values, var index, var sum, var count) = state, t.isFinite, t >= start else { return }
        let bin = Int(((t - start) * rate).rounded(.down))
        guard bin >= index else { return }
        if bin > index {
            values.append(count > 0 ? Float(sum / Double(count)) : .nan)
            while values.count < bin { values.append(.nan) }
            index = bin
            sum = 0
            count = 0
        }
        if let f = flexion, f.isFinite {
            sum += f
            count += 1
        }
        state = .recording(start: start, values: values, index: index, sum: sum, count: count)
    }

    /// The trace ends at `t`: every value from its start to `t` (NaN where nothing was known), nil
    /// when none was recording. Back to idle.
    public mutating func finish(at t: Double) -> AngleTrace? {
        guard case .recording(let start, var values, let index, let sum, let count) = state else { return nil }
        state = .idle
        // (A nanosecond's slack: 9.3 − 9 is 0.3000000000000007, three values, not four.)
        let bins = t.isFinite && t > start ? Int(((t - start) * rate - 1e-9).rounded(.up)) : 0
        if index < bins || count > 0 {
            values.append(count > 0 ? Float(sum / Double(count)) : .nan)
        }
        while values.count < bins { values.append(.nan) }
        return AngleTrace(start: start, rate: rate, flexion: values)
    }
}
