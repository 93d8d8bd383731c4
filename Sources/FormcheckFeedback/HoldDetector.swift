/// Finds holds in the flexion signal: at least `minimumSeconds` in which the slowly varying angle
/// (low-passed) stays beyond `threshold` and steady (its rate below `steadyRate`). Bouncing around the
/// position does not break a hold (the low-pass removes it). The timer pauses through dips; the hold
/// ends after `endAfter` seconds away. Start and end are reported the way a person sees them: when
/// the thigh comes within `boundaryBand` of the hold angle, and when it leaves that band on release.
public struct HoldDetector: Sendable {
    /// A hold as reported.
    public struct Hold: Sendable, Hashable {
        public var start: Double
        public var end: Double
        /// Seconds the hold counted (end − start less the dips).
        public var held: Double
        public var meanFlexion: Double
        public var peakFlexion: Double
        public var meanAdduction: Double
        public var duration: Double { end - start }
    }

    public enum Action: Sendable, Hashable {
        case none
        /// Confirmed (after the minimum time); `start` is the refined start.
        case started(start: Double, flexion: Double, adduction: Double)
        case ended(Hold)
    }

    private struct Running: Sendable {
        var detectorStart: Double
        var start: Double
        var sumFlexion = 0.0
        var sumAdduction = 0.0
        var count = 0.0
        var peak = -Double.infinity
        var paused = 0.0
        var awaySince: Double?
    }

    private enum State: Sendable {
        case idle
        case settling(since: Double)
        case holding(Running)
    }

    public let rules: ExerciseProtocol.HoldRules
    public let threshold: Double
    private var state: State = .idle
    private var slow: SmoothedSignal
    /// Recent raw samples (time, flexion), for the boundary refinement.
    private var history: [(Double, Double, Double)] = []

    /// How far back the history reaches, seconds.
    static let historySpan = 30.0

    public init(rules: ExerciseProtocol.HoldRules, threshold: Double) {
        self.rules = rules
        self.threshold = threshold
        slow = SmoothedSignal(cutoff: rules.lowPassHz)
    }

    /// Seconds counted so far in the current hold, or nil when not holding.
    public func held(at t: Double) -> Double? {
        guard case .holding(let r) = state else { return nil }
        let away = r.awaySince.map { t - $0 } ?? 0
        return t - r.start - r.paused - away
    }

    public var isHolding: Bool {
        if case .holding = state { return true }
        return false
    }

    /// Holding, but the slowly varying angle is away from the hold position (a dip): the hold
    /// timer does not run.
    public var isAway: Bool {
        if case .holding(let r) = state { return r.awaySince != nil }
        return false
    }

    /// The slowly varying flexion, degrees.
    public var slowFlexion: Double { slow.value }

    public mutating func update(time t: Double, flexion: Double, adduction: Double) -> Action {
        slow.update(flexion, at: t)
        remember(t, flexion, adduction)
        let ok = slow.value > threshold && abs(slow.rate) < rules.steadyRate
        switch state {
        case .idle:
            if ok { state = .settling(since: t) }
            return .none
        case .settling(let since):
            guard ok else {
                state = .idle
                return .none
            }
            guard t - since >= rules.minimumSeconds else { return .none }
            // Confirmed: the hold angle so far, and where the thigh entered its band.
            let recent = samples(from: since, to: t)
            let angle = recent.reduce(0.0) { $0 + $1.1 } / Double(max(recent.count, 1))
            let start = enteredBand(around: angle, before: since) ?? since
            var r = Running(detectorStart: since, start: start)
            for s in samples(from: start, to: t) { add(s.1, s.2, to: &r) }
            state = .holding(r)
            return .started(start: start, flexion: r.sumFlexion / r.count, adduction: r.sumAdduction / r.count)
        case .holding(var r):
            if ok {
                if let away = r.awaySince {
                    r.paused += t - away
                    r.awaySince = nil
                }
                add(flexion, adduction, to: &r)
                state = .holding(r)
                return .none
            }
            guard let away = r.awaySince else {
                r.awaySince = t
                state = .holding(r)
                return .none
            }
            guard t - away >= rules.endAfter else {
                state = .holding(r)
                return .none
            }
            state = .idle
            return .ended(finish(r, at: t))
        }
    }

    /// Ends a hold in progress (end of session).
    public mutating func finish(at t: Double) -> Action {
        guard case .holding(let r) = state else { return .none }
        state = .idle
        return .ended(finish(r, at: t))
    }

    private func finish(_ r: Running, at t: Double) -> Hold {
        let mean = r.sumFlexion / max(r.count, 1)
        let band = rules.boundaryBand
        // The last sample within the band around the hold angle, searching back from now.
        var end = r.awaySince ?? t
        for s in samples(from: r.start, to: t).reversed() where abs(s.1 - mean) <= band {
            end = s.0
            break
        }
        let held = max(0, end - r.start - r.paused)
        return Hold(start: r.start, end: end, held: held, meanFlexion: mean, peakFlexion: r.peak,
                    meanAdduction: r.sumAdduction / max(r.count, 1))
    }

    private func add(_ flexion: Double, _ adduction: Double, to r: inout Running) {
        r.sumFlexion += flexion
        r.sumAdduction += adduction
        r.count += 1
        r.peak = max(r.peak, flexion)
    }

    /// The time the flexion last entered the band around `angle` before `time` (searching back).
    private func enteredBand(around angle: Double, before time: Double) -> Double? {
        let band = rules.boundaryBand
        var entry: Double?
        for s in samples(from: time - Self.historySpan, to: time).reversed() {
            if abs(s.1 - angle) <= band { entry = s.0 } else { break }
        }
        return entry
    }

    private mutating func remember(_ t: Double, _ flexion: Double, _ adduction: Double) {
        history.append((t, flexion, adduction))
        // Drop what is older than the span (in chunks, to keep appends cheap).
        if let first = history.first, t - first.0 > Self.historySpan * 1.5 {
            history.removeFirst(history.firstIndex { t - $0.0 <= Self.historySpan } ?? 0)
        }
    }

    private func samples(from a: Double, to b: Double) -> ArraySlice<(Double, Double, Double)> {
        let lo = history.firstIndex { $0.0 >= a } ?? history.endIndex
        let hi = history.lastIndex { $0.0 <= b }.map { $0 + 1 } ?? lo
        return history[lo..<max(lo, hi)]
    }
}
