import MotionCore

/// A whole coaching session, live or replayed: readings in, session events out. The same code runs
/// behind `formcheck live` and `formcheck replay`, so both report the same holds and errors.
public struct SessionPipeline<Estimator: OrientationEstimator>: Sendable {
    public private(set) var angles: AnglePipeline<Estimator>
    public private(set) var session: ExerciseSession
    private let measuredPosture: Bool
    private var buffer: [HipAngleSample] = []

    /// - Parameter storedMounting: a stored strap calibration (`formcheck calibrate`); with it the
    ///   posture is measured and checked.
    public init(estimator: Estimator, exercise: ExerciseProtocol, side: Side, holdSeconds: Double? = nil,
                storedMounting: Quaternion? = nil) {
        angles = AnglePipeline(estimator: estimator, posture: exercise.posture, side: side, storedMounting: storedMounting)
        session = ExerciseSession(exercise: exercise, side: side, holdSeconds: holdSeconds)
        measuredPosture = storedMounting != nil
    }

    public var status: SessionStatus { session.status }

    public mutating func consume(_ reading: SensorReading, into events: inout [SessionEvent]) {
        buffer.removeAll(keepingCapacity: true)
        let event = angles.consume(reading, into: &buffer)
        if case .calibrated(let c)? = event {
            session.calibrated(at: angles.lastTime, posture: c.posture, measured: measuredPosture, into: &events)
        }
        for a in buffer { session.update(a, into: &events) }
    }

    /// Ends the session; the summary is the last event.
    @discardableResult
    public mutating func finish(into events: inout [SessionEvent]) -> SessionSummary {
        session.finish(at: angles.lastTime, into: &events)
    }
}
