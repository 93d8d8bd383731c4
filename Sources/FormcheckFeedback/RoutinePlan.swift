import MotionCore

/// A routine laid out for one sensor or two: every exercise on every side in the order they are
/// done, and where the strap moves. Each exercise starts on the leg the strap is already on, so
/// with one sensor the strap moves once per two-sided exercise (piriformis right then left,
/// hamstring left then right, …) and never for a one-sided one (done where the strap is). With a
/// sensor on each thigh the order is the same, nothing moves, and a one-sided exercise (a bridge,
/// a walk) is watched on both legs at once (`bothLegs`).
public struct RoutinePlan: Sendable, Hashable {
    /// How many sensors the routine is done with.
    public enum Sensors: Int, Sendable, Hashable {
        /// One, moved between the thighs.
        case one = 1
        /// One on each thigh.
        case two = 2
    }

    public struct Step: Sendable, Hashable {
        /// 1-based position in the plan.
        public var number: Int
        /// Index of the routine's entry.
        public var entry: Int
        public var exercise: ExerciseProtocol
        public var side: Side
        /// The strap moves to `side` before this step.
        public var moveStrapFirst: Bool
        /// Walking: how long, seconds (nil: until the user stops).
        public var walkSeconds: Double?
        /// Two sensors, a one-sided exercise: both legs are watched at once, `side`'s coached aloud
        /// (its sensor leads) and the other's compared with it.
        public var bothLegs = false
    }

    public let routine: Routine
    public let steps: [Step]
    public let sensors: Sensors

    /// The plan of `routine`, its exercises from `protocols` (by name) with the routine's dose applied.
    public init(_ routine: Routine, sensors: Sensors = .one, protocols: (String) throws -> ExerciseProtocol) rethrows {
        self.routine = routine
        self.sensors = sensors
        var steps: [Step] = []
        var strap = routine.firstSide
        for (i, entry) in routine.entries.enumerated() {
            let exercise = entry.applied(to: try protocols(entry.exercise))
            let sides: [Side] = entry.sides == .both ? [strap, strap == .left ? .right : .left] : [strap]
            for (k, side) in sides.enumerated() {
                steps.append(Step(number: steps.count + 1, entry: i, exercise: exercise, side: side,
                                  moveStrapFirst: k > 0 && sensors == .one, walkSeconds: entry.minutes.map { $0 * 60 },
                                  bothLegs: entry.sides == .one && sensors == .two))
            }
            strap = sides.last ?? strap
        }
        self.steps = steps
    }

    /// How many times the strap moves.
    public var strapMoves: Int { steps.filter(\.moveStrapFirst).count }
}

extension RoutinePlan.Step {
    /// The posture the step starts from: the exercise's, on the side it is done (a side-lying
    /// exercise lies on the other side).
    public var startPosture: Posture { exercise.posture.withSensorLegOnTop(side) }

    /// What the coach says as the step comes: "Next: Glute bridge, left leg (both legs). Lie on…".
    var announcement: Cue {
        .nextExercise(title: exercise.title, side: bothLegs ? nil : side, posture: startPosture)
    }
}

extension RoutinePlan {
    /// Step `index` starts from another posture than the step before it (not the first step).
    public func startsFromAnotherPosture(_ index: Int) -> Bool {
        index > 0 && index < steps.count && steps[index].startPosture != steps[index - 1].startPosture
    }
}
