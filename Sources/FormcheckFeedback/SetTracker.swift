import MotionCore

/// Sets of a strengthening exercise on one side, as an explicit state machine: in set 1 → (`perSet`
/// complete reps) → resting → (after `restSeconds`, or at the next rep) in set 2 → … → done
/// (switch sides). Only complete reps count towards a set; each is counted aloud ("seven"). Times
/// in seconds.
public struct SetTracker: Sendable {
    private enum State: Sendable, Hashable {
        /// In set `set`, with `done` complete reps.
        case inSet(set: Int, done: Int)
        /// Set `finished` is over; the rest ends at `until`.
        case resting(finished: Int, until: Double)
        case done
    }

    public let perSet: Int
    public let sets: Int
    public let restSeconds: Double
    public let side: Side
    /// Each leg in turn (false: both legs at once — no side named, none to switch to).
    public let perSide: Bool
    private var state: State = .inSet(set: 1, done: 0)

    public init(perSet: Int, sets: Int, restSeconds: Double, side: Side, perSide: Bool = true) {
        self.perSet = perSet
        self.sets = sets
        self.restSeconds = restSeconds
        self.side = side
        self.perSide = perSide
    }

    public init(_ r: ExerciseProtocol.RepRules, side: Side) {
        self.init(perSet: r.perSet, sets: r.sets, restSeconds: r.restSeconds, side: side, perSide: r.perSide)
    }

    /// The set a rep that ends now belongs to (after the last set: the last).
    public var set: Int {
        switch state {
        case .inSet(let set, _): set
        case .resting(let finished, _): finished + 1
        case .done: sets
        }
    }

    /// Complete reps in the current set (0 while resting).
    public var done: Int {
        if case .inSet(_, let done) = state { return done }
        return 0
    }

    public var isResting: Bool {
        if case .resting = state { return true }
        return false
    }

    /// The cue that opens the first set.
    public var firstCue: Cue { .beginSet(set: 1, sets: sets, reps: perSet) }

    /// A rep ended at `t`, complete or not.
    public mutating func repEnded(complete: Bool, at t: Double) -> [Cue] {
        switch state {
        case .done:
            return []
        case .resting(let finished, _):
            // Started again before the rest was over: the next set began with this rep.
            state = .inSet(set: finished + 1, done: 0)
            return repEnded(complete: complete, at: t)
        case .inSet(let set, let done):
            guard complete else { return [] }
            let count = done + 1
            guard count >= perSet else {
                state = .inSet(set: set, done: count)
                return [.repCount(count)]
            }
            if set >= sets {
                state = .done
                guard perSide else { return [.repCount(count), .setDone(reps: perSet * sets, complete: perSet * sets, side: nil)] }
                return [.repCount(count), .setDone(reps: perSet * sets, complete: perSet * sets, side: side), .switchSides(side)]
            }
            state = .resting(finished: set, until: t + restSeconds)
            return [.repCount(count), .setRest(set: set, seconds: Int(restSeconds.rounded()))]
        }
    }

    /// The time is `t`: the rest may be over.
    public mutating func tick(_ t: Double) -> [Cue] {
        switch state {
        case .inSet, .done:
            return []
        case .resting(let finished, let until):
            guard t >= until else { return [] }
            state = .inSet(set: finished + 1, done: 0)
            return [.beginSet(set: finished + 1, sets: sets, reps: perSet)]
        }
    }
}
