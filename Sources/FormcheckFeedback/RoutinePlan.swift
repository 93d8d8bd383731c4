import MotionCore

/// A routine laid out for one sensor: every exercise on every side in the order they are done,
/// and where the strap moves. Each exercise starts on the leg the strap is already on, so the
/// strap moves once per two-sided exercise (piriformis right then left, hamstring left then
/// right, …) and never for a one-sided one (done where the strap is).
public struct RoutinePlan: Sendable, Hashable {
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
    }

    public let routine: Routine
    public let steps: [Step]

    /// The plan of `routine`, its exercises from `protocols` (by name) with the routine's dose applied.
    public init(_ routine: Routine, protocols: (String) throws -> ExerciseProtocol) rethrows {
        self.routine = routine
        var steps: [Step] = []
        var strap = routine.firstSide
        for (i, entry) in routine.entries.enumerated() {
            let exercise = entry.applied(to: try protocols(entry.exercise))
            let sides: [Side] = entry.sides == .both ? [strap, strap == .left ? .right : .left] : [strap]
            for (k, side) in sides.enumerated() {
                steps.append(Step(number: steps.count + 1, entry: i, exercise: exercise, side: side, moveStrapFirst: k > 0,
                                  walkSeconds: entry.minutes.map { $0 * 60 }))
            }
            strap = sides.last ?? strap
        }
        self.steps = steps
    }

    /// How many times the strap moves.
    public var strapMoves: Int { steps.filter(\.moveStrapFirst).count }
}
