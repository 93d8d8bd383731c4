import MotionCore

extension RoutineSession {
    /// Where the routine is, for the live view.
    public var routineStatus: RoutineStatus {
        var s = RoutineStatus(routine: plan.routine.name, steps: plan.steps.count)
        s.t = now
        s.step = currentStep
        s.session = status
        s.next = strapMoveStep ?? positioningStep
        s.movingStrapTo = strapMoveStep?.side
        s.done = isDone
        return s
    }
}
