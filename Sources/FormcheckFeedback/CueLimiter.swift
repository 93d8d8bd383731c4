/// Paces spoken cues so they can be followed: one utterance at a time, never two starting less than
/// `minimumGap` seconds apart. A cue that cannot be spoken yet waits in a single slot: a newer cue
/// replaces it, except that a waiting form-error cue is not replaced by a countdown or guidance cue.
///
/// An explicit state machine: one method per input (a cue arrives, the speech finished, time
/// passed), each returning what to do now. Times are seconds on the caller's clock (`now`).
public struct CueLimiter: Sendable {
    /// How much a cue matters when only one can wait.
    public enum Priority: Int, Sendable, Hashable, Comparable {
        /// Countdowns and guidance ("Hold — thirty seconds left", "Switch legs").
        case guidance
        /// A form error's cue ("Stop bouncing — hold still").
        case formError

        public static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Cue: Sendable, Hashable {
        public var text: String
        public var priority: Priority

        public init(text: String, priority: Priority) {
            self.text = text
            self.priority = priority
        }

        /// A session's cue text, with its priority: form-error cues are the texts of `FormError.cue`.
        public init(text: String) {
            self.init(text: text, priority: FormError.allCases.contains { $0.cue == text } ? .formError : .guidance)
        }
    }

    public enum Action: Sendable, Hashable {
        /// Nothing to say now.
        case none
        /// Start speaking this cue now (and report `finishedSpeaking` when it is done).
        case speak(Cue)
    }

    private enum State: Sendable, Hashable {
        /// Silent, nothing waiting; `lastStart` is when the last utterance began (nil: never).
        case idle(lastStart: Double?)
        /// An utterance began at `since`; `pending` waits for it to end.
        case speaking(since: Double, pending: Cue?)
        /// Silent, but the last utterance began less than `minimumGap` ago; `pending` waits for the gap.
        case waiting(lastStart: Double, pending: Cue)
    }

    /// Shortest time from the start of one utterance to the start of the next, seconds.
    public let minimumGap: Double
    private var state: State = .idle(lastStart: nil)

    public init(minimumGap: Double = 4) {
        self.minimumGap = minimumGap
    }

    /// A cue arrives at `now`.
    public mutating func cue(_ cue: Cue, now: Double) -> Action {
        switch state {
        case .idle(let lastStart):
            if let lastStart, now - lastStart < minimumGap {
                state = .waiting(lastStart: lastStart, pending: cue)
                return .none
            }
            return speak(cue, now: now)
        case .speaking(let since, let pending):
            state = .speaking(since: since, pending: Self.keep(pending, cue))
            return .none
        case .waiting(let lastStart, let pending):
            let kept = Self.keep(pending, cue)
            if now - lastStart >= minimumGap { return speak(kept, now: now) }
            state = .waiting(lastStart: lastStart, pending: kept)
            return .none
        }
    }

    /// The utterance ended (or could not start) at `now`.
    public mutating func finishedSpeaking(now: Double) -> Action {
        switch state {
        case .idle, .waiting:
            return .none
        case .speaking(let since, nil):
            state = .idle(lastStart: since)
            return .none
        case .speaking(let since, let pending?):
            if now - since >= minimumGap { return speak(pending, now: now) }
            state = .waiting(lastStart: since, pending: pending)
            return .none
        }
    }

    /// Time passed: a waiting cue is spoken once the gap is over.
    public mutating func tick(now: Double) -> Action {
        switch state {
        case .idle, .speaking:
            return .none
        case .waiting(let lastStart, let pending):
            return now - lastStart >= minimumGap ? speak(pending, now: now) : .none
        }
    }

    /// When `tick` will speak the waiting cue (nil when nothing waits for the gap alone).
    public var nextTick: Double? {
        switch state {
        case .idle, .speaking: nil
        case .waiting(let lastStart, _): lastStart + minimumGap
        }
    }

    /// The cue waiting to be spoken, if any.
    public var pending: Cue? {
        switch state {
        case .idle: nil
        case .speaking(_, let pending): pending
        case .waiting(_, let pending): pending
        }
    }

    public var isSpeaking: Bool {
        if case .speaking = state { return true }
        return false
    }

    private mutating func speak(_ cue: Cue, now: Double) -> Action {
        state = .speaking(since: now, pending: nil)
        return .speak(cue)
    }

    /// Which of a waiting cue and a newer one to keep: the newer, unless the waiting one matters more.
    private static func keep(_ waiting: Cue?, _ newer: Cue) -> Cue {
        guard let waiting, waiting.priority > newer.priority else { return newer }
        return waiting
    }
}
