import MotionCore

/// Where the person is in the exercise, and the guidance that goes with it, as an explicit state
/// machine: setup → start position → (piriformis: in the start band → crossed) → holding → release
/// → next rep … → done (switch sides). Guidance comes from the first sample: the setup cue at once,
/// the start-position cue once the thigh has kept still `settleSeconds` (from the raw gyroscope,
/// before the strap is calibrated), or at once when it moves first. Walking: setup → start
/// position ("walk briskly") → walking; its pace is `PaceCoach`'s. Times in seconds, angles in
/// degrees, rates in °/s.
public struct ExercisePhase: Sendable {
    public enum Phase: String, Sendable, Hashable {
        case setup, startPosition, inStartBand, crossed, holding, release, walking, done
    }

    private enum State: Sendable, Hashable {
        /// The setup cue was said; still since `stillSince` (nil: moving or not yet seen).
        case setup(stillSince: Double?)
        /// Told to get into the start position for repetition `rep`.
        case startPosition(rep: Int)
        /// Piriformis: settled in the start band, told to cross the leg.
        case inStartBand(rep: Int)
        /// Crossed over: told to pull towards the chest.
        case crossed(rep: Int)
        case holding(rep: Int)
        /// A hold ended; `next` is the next repetition.
        case release(next: Int)
        case walking
        case done
    }

    public let exercise: ExerciseProtocol
    public let side: Side
    private var state: State?
    /// Holds ended in full on this side so far (for the set's closing words).
    private var completeHolds = 0

    public init(exercise: ExerciseProtocol, side: Side) {
        self.exercise = exercise
        self.side = side
    }

    public var phase: Phase {
        switch state {
        case nil, .setup: .setup
        case .startPosition: .startPosition
        case .inStartBand: .inStartBand
        case .crossed: .crossed
        case .holding: .holding
        case .release: .release
        case .walking: .walking
        case .done: .done
        }
    }

    /// A raw sample at `time` with the gyroscope's rate `rate` (°/s, bias included).
    public mutating func raw(time t: Double, rate: Double) -> [Cue] {
        let g = exercise.guidance
        switch state {
        case nil:
            state = .setup(stillSince: rate < g.stillRate ? t : nil)
            return [.setup(exercise.posture.withSensorLegOnTop(side))]
        case .setup(let since):
            // Moving before the start position was asked for: ask now.
            if rate >= g.stillRate { return begin() }
            guard let since else {
                state = .setup(stillSince: t)
                return []
            }
            return t - since >= g.settleSeconds ? begin() : []
        case .startPosition, .inStartBand, .crossed, .holding, .release, .walking, .done:
            return []
        }
    }

    /// A calibrated sample: slowly varying flexion and its rate, and the adduction.
    public mutating func angle(slowFlexion: Double, slowRate: Double, adduction: Double) -> [Cue] {
        let settled = abs(slowRate) < exercise.guidance.settledRate
        switch state {
        case nil, .setup, .holding, .walking, .done:
            return []
        case .startPosition(let rep):
            guard let band = exercise.startBand else { return [] }
            guard settled, abs(slowFlexion - band.flexion) <= band.tolerance else { return [] }
            state = .inStartBand(rep: rep)
            return [.crossLeg(degrees: Int(band.flexion.rounded()))]
        case .inStartBand(let rep):
            guard let minimum = exercise.minimumAdduction, adduction >= minimum else { return [] }
            state = .crossed(rep: rep)
            return [.pullTowardsChest]
        case .crossed:
            return []
        case .release(let next):
            // Back out of the hold position and settled: guide the next repetition.
            guard settled, slowFlexion < exercise.holdThreshold else { return [] }
            state = .startPosition(rep: next)
            if let band = exercise.startBand, abs(slowFlexion - band.flexion) <= band.tolerance {
                state = .inStartBand(rep: next)
                return [.crossLeg(degrees: Int(band.flexion.rounded()))]
            }
            return [startCue(rep: next)]
        }
    }

    /// The hold detector confirmed hold `rep`.
    public mutating func holdStarted(rep: Int) -> [Cue] {
        switch state {
        case .walking, .done:
            return []
        case nil, .setup, .startPosition, .inStartBand, .crossed, .holding, .release:
            state = .holding(rep: rep)
            return []
        }
    }

    /// Hold `rep` ended, `complete` (its whole time, in position) or not.
    public mutating func holdEnded(rep: Int, complete: Bool) -> [Cue] {
        switch state {
        case .walking, .done:
            return []
        case nil, .setup, .startPosition, .inStartBand, .crossed, .holding, .release:
            if complete { completeHolds += 1 }
            if let reps = exercise.repsPerSide, rep >= reps {
                state = .done
                return [.setDone(reps: rep, complete: completeHolds, side: side), .switchSides(side)]
            }
            state = .release(next: rep + 1)
            return []
        }
    }

    private mutating func begin() -> [Cue] {
        switch exercise.kind {
        case .walk:
            state = .walking
            return [.walkBriskly(cadence: Int((exercise.briskCadence ?? 0).rounded()))]
        case .stretch:
            state = .startPosition(rep: 1)
            return [startCue(rep: 1)]
        case .strength:
            // The sets are `SetTracker`'s: it says how the first begins.
            state = .startPosition(rep: 1)
            let r = exercise.reps ?? .init()
            return [.beginSet(set: 1, sets: r.sets, reps: r.perSet)]
        }
    }

    private func startCue(rep: Int) -> Cue {
        if let band = exercise.startBand { return .raiseToBand(degrees: Int(band.flexion.rounded()), rep: rep) }
        return .raiseToHold(degrees: Int((exercise.holdAngle ?? exercise.holdThreshold).rounded()), rep: rep)
    }
}
