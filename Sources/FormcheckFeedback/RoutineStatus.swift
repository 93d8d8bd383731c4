import MotionCore

/// What the live routine view shows at a moment: where in the plan the routine is, and the
/// exercise under way's own status. Times in seconds since the routine's first sample.
public struct RoutineStatus: Sendable, Hashable {
    public var t: Double = 0
    /// The routine's name and its plan's step count.
    public var routine: String
    public var steps: Int
    /// The step under way (its 1-based number, exercise and side); nil between steps.
    public var step: RoutinePlan.Step?
    /// The exercise under way's status, on its own session's clock (nil between steps).
    public var session: SessionStatus?
    /// Waiting for the strap to be moved to this thigh, for step `next`.
    public var movingStrapTo: Side?
    /// The next step, while the strap is moved.
    public var next: RoutinePlan.Step?
    /// The routine is over.
    public var done = false

    public init(routine: String, steps: Int) {
        self.routine = routine
        self.steps = steps
    }
}
