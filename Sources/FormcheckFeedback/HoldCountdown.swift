/// One hold's countdown and its safety band, as an explicit state machine. The countdown runs while
/// the flexion (smoothed, degrees) is in the band from the hold angle to the safe cap. Above the cap
/// it pauses at once (`overshoot`); below the hold angle it keeps running for `dipGrace` seconds,
/// then pauses (`sagging`, or `shallow` when the hold never reached the hold angle), and says the
/// correction (`cue`). While paused the correction is repeated every `correctionRepeatSeconds` until
/// the thigh is back in the band (`reminder`).
/// A hold with any of these is never complete. Times in seconds.
public struct HoldCountdown: Sendable {
    public enum Action: Sendable, Hashable {
        /// Say this.
        case cue(Cue)
        /// Say this correction again: the hold is still out of its band, `repeatEvery` after it
        /// was last said (a reminder of an error that lasts: not held back by the protocol's
        /// `correctionIntervalSeconds`, unlike a new episode's `cue`).
        case reminder(Cue)
        /// This form error happened (once per hold and kind).
        case formError(FormError)
    }

    /// How a hold ended.
    public struct Outcome: Sendable, Hashable {
        /// Seconds counted (in the band, not paused).
        public var counted: Double
        /// The errors that spoiled it (overshoot, shallow, sagging), in the order they happened.
        public var faults: [FormError]
        public var complete: Bool
    }

    public struct Rules: Sendable, Hashable {
        /// The hold angle, degrees.
        public var holdAngle: Double
        /// The safe cap (nil: none), degrees.
        public var cap: Double?
        /// Overshoot clears this far below the cap, degrees.
        public var hysteresis: Double
        public var dipGrace: Double
        public var repeatEvery: Double
        /// Seconds a hold must count to be complete (nil: any length).
        public var holdSeconds: Double?
        /// Seconds left at which the countdown is said (0: done).
        public var marks: [Double] { didSet { descendingMarks = marks.sorted(by: >) } }
        /// `marks`, largest first: sorted once, not at every sample of a hold (`count`).
        private(set) var descendingMarks: [Double]

        public init(holdAngle: Double, cap: Double?, hysteresis: Double, dipGrace: Double, repeatEvery: Double,
                    holdSeconds: Double?, marks: [Double]) {
            self.holdAngle = holdAngle
            self.cap = cap
            self.hysteresis = hysteresis
            self.dipGrace = dipGrace
            self.repeatEvery = repeatEvery
            self.holdSeconds = holdSeconds
            self.marks = marks
            descendingMarks = marks.sorted(by: >)
        }

        public init(_ p: ExerciseProtocol, holdSeconds: Double?) {
            self.init(holdAngle: p.holdAngle ?? p.holdThreshold, cap: p.overshootAngle, hysteresis: p.hold.overshootHysteresis,
                      dipGrace: p.hold.dipGrace, repeatEvery: p.hold.correctionRepeatSeconds, holdSeconds: holdSeconds,
                      marks: p.hold.countdownMarks)
        }
    }

    private struct Progress: Sendable, Hashable {
        var counted: Double
        var last: Double
        var reached: Bool
        var marksSaid: Set<Double> = []
        var faults: [FormError] = []
    }

    private enum State: Sendable, Hashable {
        case idle
        /// In the band (or away from the hold position: the time does not count then).
        case counting(Progress)
        /// Below the hold angle since `since`, within the grace: the time still counts.
        case dipping(Progress, since: Double)
        /// Out of the band for `reason`; the correction was last said at `said`.
        case paused(Progress, reason: FormError, said: Double)
    }

    public let rules: Rules
    private var state: State = .idle

    public init(rules: Rules) {
        self.rules = rules
    }

    /// Seconds counted in the current hold (nil when none).
    public var counted: Double? {
        switch state {
        case .idle: nil
        case .counting(let p), .dipping(let p, _), .paused(let p, _, _): p.counted
        }
    }

    /// The error the countdown is paused for (nil when it runs). Not inlined: inlined into
    /// `ExerciseSession.update`, Swift 6.3.1's optimizer crashes on it in release builds
    /// (CopyPropagation: "Found outside of lifetime use").
    @inline(never)
    public var pausedFor: FormError? {
        if case .paused(_, let reason, _) = state { return reason }
        return nil
    }

    /// Seconds left of the hold time (nil without one or when no hold).
    public var secondsLeft: Double? {
        guard let counted, let total = rules.holdSeconds else { return nil }
        return max(0, total - counted)
    }

    /// A hold was confirmed at `t`; it began at `start` with this mean `flexion`.
    public mutating func started(at t: Double, start: Double, flexion: Double) -> [Action] {
        let reached = flexion >= rules.holdAngle && !(rules.cap.map { flexion > $0 } ?? false)
        var p = Progress(counted: reached ? max(0, t - start) : 0, last: t, reached: reached)
        // Marks already passed while the hold was being confirmed are not said.
        if let total = rules.holdSeconds { for m in rules.marks where total - p.counted <= m && m > 0 { p.marksSaid.insert(m) } }
        guard reached else {
            // Not in the band as it begins: judged at the next sample, without the grace.
            state = .dipping(p, since: t - rules.dipGrace)
            return []
        }
        state = .counting(p)
        var actions: [Action] = []
        if let left = secondsLeft { actions.append(.cue(.holdCountdown(seconds: Int(left.rounded()), first: true))) }
        return actions
    }

    /// A sample of the hold: `flexion` smoothed, degrees; `away` when the hold detector sees the
    /// thigh away from the hold position (a dip: the time does not count).
    public mutating func update(time t: Double, flexion: Double, away: Bool) -> [Action] {
        if away {
            // Moving away (released, or a dip the hold detector sees): the time does not count and
            // the band is not judged.
            switch state {
            case .idle: break
            case .counting(var p): p.last = t; state = .counting(p)
            case .dipping(var p, let since): p.last = t; state = .dipping(p, since: since)
            case .paused(var p, let reason, let said): p.last = t; state = .paused(p, reason: reason, said: said)
            }
            return []
        }
        switch state {
        case .idle:
            return []
        case .counting(var p):
            if let cap = rules.cap, flexion > cap { return pause(p, .overshoot, at: t) }
            if flexion < rules.holdAngle {
                if rules.dipGrace <= 0 { return pause(p, p.reached ? .sagging : .shallow, at: t) }
                state = .dipping(p, since: t)
                return []
            }
            p.reached = true
            let actions = count(&p, to: t)
            state = .counting(p)
            return actions
        case .dipping(var p, let since):
            if let cap = rules.cap, flexion > cap { return pause(p, .overshoot, at: t) }
            if flexion >= rules.holdAngle {
                let actions = count(&p, to: t)
                state = .counting(p)
                return actions
            }
            if t - since > rules.dipGrace { return pause(p, p.reached ? .sagging : .shallow, at: t) }
            let actions = count(&p, to: t)
            state = .dipping(p, since: since)
            return actions
        case .paused(var p, let reason, let said):
            let back = switch reason {
            case .overshoot: flexion <= (rules.cap ?? .infinity) - rules.hysteresis && flexion >= rules.holdAngle
            default: flexion >= rules.holdAngle && !(rules.cap.map { flexion > $0 } ?? false)
            }
            p.last = t
            if back {
                p.reached = true
                state = .counting(p)
                return []
            }
            if reason != .overshoot, let cap = rules.cap, flexion > cap { return pause(p, .overshoot, at: t) }
            if t - said >= rules.repeatEvery {
                state = .paused(p, reason: reason, said: t)
                return [.reminder(.correct(reason))]
            }
            state = .paused(p, reason: reason, said: said)
            return []
        }
    }

    /// The hold ended: how it went. The countdown is idle again.
    public mutating func ended() -> Outcome {
        let p: Progress
        switch state {
        case .idle: return Outcome(counted: 0, faults: [], complete: false)
        case .counting(let q), .dipping(let q, _), .paused(let q, _, _): p = q
        }
        state = .idle
        let long = rules.holdSeconds.map { p.counted >= $0 } ?? true
        return Outcome(counted: p.counted, faults: p.faults, complete: long && p.faults.isEmpty)
    }

    private mutating func pause(_ p: Progress, _ reason: FormError, at t: Double) -> [Action] {
        var p = p
        p.last = t
        var actions: [Action] = []
        if !p.faults.contains(reason) {
            p.faults.append(reason)
            actions.append(.formError(reason))
        }
        actions.append(.cue(.correct(reason)))
        state = .paused(p, reason: reason, said: t)
        return actions
    }

    /// Counts the time since the last sample and says the marks reached.
    private func count(_ p: inout Progress, to t: Double) -> [Action] {
        p.counted += max(0, t - p.last)
        p.last = t
        guard let total = rules.holdSeconds else { return [] }
        var actions: [Action] = []
        for m in rules.descendingMarks where m < total && total - p.counted <= m && !p.marksSaid.contains(m) {
            p.marksSaid.insert(m)
            actions.append(.cue(m == 0 ? .holdDone : .holdCountdown(seconds: Int(m), first: false)))
        }
        return actions
    }
}
