import MotionCore

extension RoutineSession {
    /// A recorded routine session, as fast as it can be read: every reading through a routine
    /// session, each event handed to `emit` as it comes, the routine's summary last (also returned).
    @discardableResult
    public static func replay(_ readings: [SensorReading], plan: RoutinePlan, estimator: Estimator, height: Double? = nil, stride: Double? = nil,
                              emit: (RoutineEvent) -> Void) -> RoutineSummary? {
        var session = RoutineSession(plan: plan, estimator: estimator, height: height, stride: stride)
        for r in readings {
            for e in session.consume(r) { emit(e) }
        }
        var summary: RoutineSummary?
        for e in session.finish() {
            if case .summary(let s) = e { summary = s }
            emit(e)
        }
        return summary
    }
}
