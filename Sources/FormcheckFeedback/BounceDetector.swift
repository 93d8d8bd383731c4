/// Ballistic bouncing: the flexion turns back and forth by at least `peakToPeak` degrees, `reversals`
/// times within `window` seconds. Turns are found with hysteresis, so sway of a fraction of a degree
/// never counts.
public struct BounceDetector: Sendable {
    public enum Action: Sendable, Hashable {
        case none
        case bouncing(at: Double)
    }

    private enum State: Sendable {
        case starting(min: Double, max: Double)
        case rising(peak: Double)
        case falling(trough: Double)
    }

    public let rules: ExerciseProtocol.BounceRules
    private var state: State?
    private var turns: [Double] = []

    public init(rules: ExerciseProtocol.BounceRules) {
        self.rules = rules
    }

    /// Starts afresh (a new hold).
    public mutating func reset() {
        state = nil
        turns = []
    }

    public mutating func update(time t: Double, flexion x: Double) -> Action {
        let pp = rules.peakToPeak
        switch state {
        case nil:
            state = .starting(min: x, max: x)
            return .none
        case .starting(let lo, let hi):
            let lo = min(lo, x), hi = max(hi, x)
            if hi - lo >= pp { state = x >= hi ? .rising(peak: x) : .falling(trough: x) } else { state = .starting(min: lo, max: hi) }
            return .none
        case .rising(let peak):
            if x > peak { state = .rising(peak: x); return .none }
            guard peak - x >= pp else { return .none }
            state = .falling(trough: x)
            return turned(at: t)
        case .falling(let trough):
            if x < trough { state = .falling(trough: x); return .none }
            guard x - trough >= pp else { return .none }
            state = .rising(peak: x)
            return turned(at: t)
        }
    }

    private mutating func turned(at t: Double) -> Action {
        turns.append(t)
        turns.removeAll { t - $0 > rules.window }
        return turns.count >= rules.reversals ? .bouncing(at: t) : .none
    }
}
