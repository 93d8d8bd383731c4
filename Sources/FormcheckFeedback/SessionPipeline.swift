import MotionCore

/// A whole coaching session, live or replayed: readings in, session events out. The same code runs
/// behind `formcheck live` and `formcheck replay`, so both report the same holds and errors. Each
/// raw sample reaches the session first (its clock, guidance before calibration, steps), then what
/// the angle tracker noticed, then the angles it made known.
public struct SessionPipeline<Estimator: OrientationEstimator>: Sendable {
    /// The angle half (set by `consume(_:events:sample:)` of a recording, which runs it on a thread of its own).
    public internal(set) var angles: AnglePipeline<Estimator>
    public private(set) var session: ExerciseSession
    private let measuredPosture: Bool
    /// What the pipeline was made with, for a re-read of the same recording (`reread`).
    let setup: Setup
    private var buffer: [HipAngleSample] = []
    /// Usable samples seen.
    public private(set) var samples = 0

    /// - Parameters:
    ///   - storedMounting: a stored strap calibration (`formcheck calibrate`); with it the
    ///     posture is measured and checked.
    ///   - height: the user's height in metres, for the distance walked;
    ///   - stride: the user's calibrated stride in metres, used for the distance instead of the height.
    ///   - accelerometer: the sensor's accelerometer correction, when known before the session
    ///     (a routine's earlier exercises with the same sensor: `RoutineStepRun`).
    public init(estimator: Estimator, exercise: ExerciseProtocol, side: Side, holdSeconds: Double? = nil,
                storedMounting: Quaternion? = nil, height: Double? = nil, stride: Double? = nil,
                accelerometer: AccelerometerCalibration = .identity) {
        // Lying on the side the sensor leg is the top one: the side fixes which side the body lies on.
        // A strengthening exercise says what its reps move along and which way (a bridge's thigh
        // falls from hook-lying, a straight-leg raise's rises): the strap calibration reads them so.
        angles = AnglePipeline(estimator: estimator, posture: exercise.posture.withSensorLegOnTop(side), side: side,
                               storedMounting: storedMounting, axis: exercise.reps?.axis ?? .flexion, movement: exercise.movement,
                               accelerometer: accelerometer)
        session = ExerciseSession(exercise: exercise, side: side, holdSeconds: holdSeconds, height: height, stride: stride)
        measuredPosture = storedMounting != nil
        setup = Setup(exercise: exercise, side: side, holdSeconds: holdSeconds, storedMounting: storedMounting, height: height, stride: stride)
    }

    /// The arguments of `init` but the estimator and the accelerometer correction.
    struct Setup: Sendable {
        var exercise: ExerciseProtocol
        var side: Side
        var holdSeconds: Double?
        var storedMounting: Quaternion?
        var height: Double?
        var stride: Double?
    }

    public var status: SessionStatus { session.status }

    /// One reading: its angle half (`angleStep`), then its session half (`apply`). Specialised for
    /// the filter `live` and `replay` run (from another module the generic code looks up its
    /// types' metadata at every reading).
    @_specialize(exported: false, where Estimator == OrientationFilter)
    public mutating func consume(_ reading: SensorReading, into events: inout [SessionEvent]) {
        apply(Self.angleStep(reading, angles: &angles, buffer: &buffer), into: &events)
    }

    /// The angle half of `consume`: the reading through the angle pipeline, and what the session
    /// half needs of it. It reads nothing of the session, so it may run ahead on another thread
    /// (`consume(_:events:sample:)` of a recording).
    /// - Parameter buffer: scratch, emptied first.
    static func angleStep(_ reading: SensorReading, angles: inout AnglePipeline<Estimator>, buffer: inout [HipAngleSample]) -> AngleStep {
        buffer.removeAll(keepingCapacity: true)
        let event = angles.consume(reading, into: &buffer)
        var step = AngleStep(isGap: false, raw: nil, first: buffer.first, rare: nil)
        if event != nil || buffer.count > 1 { step.rare = AngleStep.Rare(event: event, rest: Array(buffer.dropFirst())) }
        switch reading {
        case .gap:
            step.isGap = true
        case .sample(var s):
            // The raw sample, on the angles' clock (seconds since the first sample); the pipeline
            // dropped it if it was not finite.
            guard let origin = angles.origin, s.acceleration.isFinite, s.angularVelocity.isFinite, s.time.isFinite else { break }
            s.time -= origin
            step.raw = s
        }
        return step
    }

    /// The session half of `consume`: each raw sample reaches the session first (its clock,
    /// guidance before calibration, steps), then what the angle tracker noticed, then the angles
    /// it made known.
    mutating func apply(_ step: AngleStep, into events: inout [SessionEvent]) {
        if step.isGap {
            session.gapOccurred()
        } else if let s = step.raw {
            samples += 1
            session.update(raw: s, into: &events)
        }
        handle(step.rare?.event, into: &events)
        if let first = step.first { session.update(first, into: &events) }
        if let rest = step.rare?.rest {
            for a in rest { session.update(a, into: &events) }
        }
    }

    /// What the recogniser made of the whole recording (see `ExerciseSession.recognised`).
    public mutating func recognised(_ r: ExerciseRecognition, announce: Bool, into events: inout [SessionEvent]) {
        session.recognised(r, announce: announce, into: &events)
    }

    /// Ends the session; the summary is the last event. A strap never calibrated takes its best
    /// hypothesis now, and the samples kept are coached silently before the summary.
    @discardableResult
    public mutating func finish(into events: inout [SessionEvent]) -> SessionSummary {
        buffer.removeAll(keepingCapacity: true)
        let event = angles.finish(into: &buffer)
        handle(event, into: &events)
        for a in buffer { session.update(a, into: &events) }
        return session.finish(into: &events)
    }

    private mutating func handle(_ event: HipAngleTracker.Event?, into events: inout [SessionEvent]) {
        switch event {
        case .calibrated(let c)?:
            session.calibrated(posture: c.posture, measured: measuredPosture, into: &events)
        case .slipDetected(_, let angle)?:
            session.strapSlipped(degrees: angle, into: &events)
        case .recalibrated?, nil:
            break
        }
    }
}
