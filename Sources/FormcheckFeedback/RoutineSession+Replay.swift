import MotionCore

extension RoutineSession {
    /// A recorded routine session, as fast as it can be read: every reading through a routine
    /// session, each event handed to `emit` as it comes, the routine's summary last (also returned).
    @discardableResult
    public static func replay(_ readings: [SensorReading], plan: RoutinePlan, estimator: Estimator, height: Double? = nil, stride: Double? = nil,
                              emit: (RoutineEvent) -> Void) -> RoutineSummary? {
        var session = RoutineSession(plan: plan, estimator: estimator, height: height, stride: stride)
        var summary: RoutineSummary?
        // The summary comes with the last step's end when the routine is done, else at finish.
        func send(_ events: [RoutineEvent]) {
            for e in events {
                if case .summary(let s) = e { summary = s }
                emit(e)
            }
        }
        for r in readings { send(session.consume(r)) }
        send(session.finish())
        return summary
    }
}
