/// Paces spoken cues so they can be followed: one utterance at a time, never two starting less than
/// `minimumGap` seconds apart. Cues that cannot be spoken yet wait in a short queue (`capacity`): a
/// newer cue replaces a waiting one of the same kind (a newer countdown replaces an older one), a
/// cue of another kind waits behind it (so "now cross your leg" is not lost to "pull towards your
/// chest"), and corrections (form errors, a slipped strap) go first. When the queue is full the
/// oldest guidance gives way.
///
/// An explicit state machine: one method per input (a cue arrives, the speech finished, time
/// passed), each returning what to do now. Times are seconds on the caller's clock (`now`).
public struct CueLimiter: Sendable {
    /// How much a cue matters when not all can wait.
    public enum Priority: Int, Sendable, Hashable, Comparable {
        /// Countdowns and guidance ("Hold — thirty seconds left", "Switch legs").
        case guidance
        /// A correction ("Stop bouncing — hold still", "The strap has moved").
        case formError

        public static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }

        /// The priority of a kind of cue.
        public init(_ kind: CueKind) {
            switch kind {
            case .formError, .strapSlipped, .wrongSide, .sensor: self = .formError
            case .setup, .startPosition, .crossLeg, .moveToHold, .holdCountdown, .holdDone, .switchSides, .setDone, .pace, .repCount,
                 .nextExercise, .moveStrap, .routineDone, .pain:
                self = .guidance
            }
        }
    }

    /// What to say: the words, and the kind they are.
    public struct Utterance: Sendable, Hashable {
        public var text: String
        public var kind: CueKind
        public var priority: Priority { Priority(kind) }

        public init(text: String, kind: CueKind) {
            self.text = text
            self.kind = kind
        }

        /// A cue in the catalogue's words.
        public init(_ cue: Cue, catalogue: CueCatalogue = .english) {
            self.init(text: catalogue.text(cue), kind: cue.kind)
        }
    }

    public enum Action: Sendable, Hashable {
        /// Nothing to say now.
        case none
        /// Start speaking this now (and report `finishedSpeaking` when it is done).
        case speak(Utterance)
    }

    private enum State: Sendable, Hashable {
        /// Silent, nothing waiting; `lastStart` is when the last utterance began (nil: never).
        case idle(lastStart: Double?)
        /// An utterance began at `since`; `pending` waits for it to end.
        case speaking(since: Double, pending: [Utterance])
        /// Silent, but the last utterance began less than `minimumGap` ago; `pending` (not empty) waits for the gap.
        case waiting(lastStart: Double, pending: [Utterance])
    }

    /// Shortest time from the start of one utterance to the start of the next, seconds.
    public let minimumGap: Double
    /// Most cues waiting at once.
    public let capacity: Int
    private var state: State = .idle(lastStart: nil)

    public init(minimumGap: Double = 4, capacity: Int = 3) {
        self.minimumGap = minimumGap
        self.capacity = max(1, capacity)
    }

    /// A cue arrives at `now`.
    public mutating func cue(_ cue: Utterance, now: Double) -> Action {
        switch state {
        case .idle(let lastStart):
            if let lastStart, now - lastStart < minimumGap {
                state = .waiting(lastStart: lastStart, pending: [cue])
                return .none
            }
            return speak(cue, rest: [], now: now)
        case .speaking(let since, let pending):
            state = .speaking(since: since, pending: queue(pending, cue))
            return .none
        case .waiting(let lastStart, let pending):
            let kept = queue(pending, cue)
            if now - lastStart >= minimumGap { return speak(kept[0], rest: Array(kept.dropFirst()), now: now) }
            state = .waiting(lastStart: lastStart, pending: kept)
            return .none
        }
    }

    /// The utterance ended (or could not start) at `now`.
    public mutating func finishedSpeaking(now: Double) -> Action {
        switch state {
        case .idle, .waiting:
            return .none
        case .speaking(let since, let pending):
            guard let first = pending.first else {
                state = .idle(lastStart: since)
                return .none
            }
            if now - since >= minimumGap { return speak(first, rest: Array(pending.dropFirst()), now: now) }
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
            guard now - lastStart >= minimumGap, let first = pending.first else { return .none }
            return speak(first, rest: Array(pending.dropFirst()), now: now)
        }
    }

    /// When `tick` will speak a waiting cue (nil when nothing waits for the gap alone).
    public var nextTick: Double? {
        switch state {
        case .idle, .speaking: nil
        case .waiting(let lastStart, _): lastStart + minimumGap
        }
    }

    /// The cues waiting to be spoken, first to be said first.
    public var waiting: [Utterance] {
        switch state {
        case .idle: []
        case .speaking(_, let pending), .waiting(_, let pending): pending
        }
    }

    /// The next cue waiting to be spoken, if any.
    public var pending: Utterance? { waiting.first }

    public var isSpeaking: Bool {
        if case .speaking = state { return true }
        return false
    }

    private mutating func speak(_ cue: Utterance, rest: [Utterance], now: Double) -> Action {
        state = .speaking(since: now, pending: rest)
        return .speak(cue)
    }

    /// The queue with a newer cue: it replaces one of its kind, or joins behind those of its
    /// priority; the oldest of the lowest priority goes when the queue is over capacity.
    private func queue(_ pending: [Utterance], _ newer: Utterance) -> [Utterance] {
        var q = pending
        if let i = q.firstIndex(where: { $0.kind == newer.kind }) {
            q[i] = newer
        } else {
            let i = q.firstIndex { $0.priority < newer.priority } ?? q.endIndex
            q.insert(newer, at: i)
        }
        if q.count > capacity, let lowest = q.map(\.priority).min(), let i = q.firstIndex(where: { $0.priority == lowest }) {
            q.remove(at: i)
        }
        return q
    }
}
