import MotionCore

/// One leg's session of a routine step, shared by `RoutineSession` (one sensor) and
/// `PairedRoutineSession` (two): the step's own `SessionPipeline`, fresh, what it has counted
/// towards the step's dose (holds ended, complete reps), and its events and summary moved onto the
/// routine's clock. Times in seconds; `origin` is the reading's clock at the routine's 0 (routine
/// time = sample time − origin).
struct RoutineStepRun<Estimator: OrientationEstimator>: Sendable {
    /// The plan's step (0-based index into `RoutinePlan.steps`).
    let index: Int
    let step: RoutinePlan.Step
    /// The leg this session coaches (the step's side, or the other leg of a step done on both at once).
    let side: Side
    private(set) var pipeline: SessionPipeline<Estimator>
    /// The accelerometer correction the session began with (fixed for the session).
    let accelerometer: AccelerometerCalibration
    /// Every reading fed so far, kept to re-read the session's angles once the sensor's correction is
    /// better known (`reread`); none for a walk (it has no angle figures).
    private(set) var readings: [SensorReading] = []
    private var holdsEnded = 0
    private var completeReps = 0

    init(index: Int, step: RoutinePlan.Step, side: Side, estimator: Estimator, height: Double?, stride: Double? = nil,
         accelerometer: AccelerometerCalibration = .identity) {
        self.index = index
        self.step = step
        self.side = side
        self.accelerometer = accelerometer
        pipeline = SessionPipeline(estimator: estimator, exercise: step.exercise, side: side, height: height, stride: stride,
                                   accelerometer: accelerometer)
    }

    /// The still rests the session has seen: each one's mean specific force (sensor frame, m/s²)
    /// and duration (s) — what the sensor's accelerometer correction is solved from.
    var rests: [(acceleration: Vector3, duration: Double)] {
        pipeline.angles.tracker.evidence.allRests.map { ($0.acceleration, $0.duration) }
    }

    /// A reading through the pipeline; its events on the routine's clock, none before `clock`.
    mutating func feed(_ reading: SensorReading, origin: Double?, clock: Double) -> [SessionEvent] {
        var raw: [SessionEvent] = []
        if step.exercise.kind != .walk { readings.append(reading) }
        pipeline.consume(reading, into: &raw)
        let offset = self.offset(origin: origin, clock: clock)
        var out: [SessionEvent] = []
        out.reserveCapacity(raw.count)
        for e in raw {
            switch e {
            case .holdEnded: holdsEnded += 1
            case .repEnded(_, let r) where r.complete: completeReps += 1
            case .calibrated, .holdStarted, .formError, .cue, .repEnded, .strapSlipped, .exerciseRecognised, .summary: break
            }
            out.append(e.shifted(by: offset, notBefore: clock))
        }
        return out
    }

    /// The step's dose is done: its holds have ended (stretches: `repsPerSide`), its sets'
    /// complete reps are in (strengthening), or it has lasted its walking time.
    var doseDone: Bool {
        switch step.exercise.kind {
        case .stretch:
            return holdsEnded >= (step.exercise.repsPerSide ?? 1)
        case .strength:
            let r = step.exercise.reps ?? .init()
            return completeReps >= r.sets * r.perSet
        case .walk:
            guard let seconds = step.walkSeconds else { return false }
            return pipeline.session.now >= seconds
        }
    }

    /// The session ends: its last events (no summary line) and the attempt with its summary, on the
    /// routine's clock.
    mutating func end(_ ending: RoutineSummary.Ending, origin: Double?, clock: Double) -> (events: [SessionEvent], attempt: RoutineSummary.Step) {
        var raw: [SessionEvent] = []
        let last = pipeline.finish(into: &raw)
        let offset = self.offset(origin: origin, clock: clock)
        var out: [SessionEvent] = []
        for e in raw {
            if case .summary = e { continue }
            out.append(e.shifted(by: offset, notBefore: clock))
        }
        var summary = last.shifted(by: offset)
        summary.t = max(summary.t, clock)
        let attempt = RoutineSummary.Step(number: step.number, exercise: step.exercise.name, side: side, ending: ending,
                                          start: pipeline.angles.origin == nil ? clock : offset, end: clock, summary: summary)
        return (out, attempt)
    }

    /// The routine-clock time of the pipeline's first sample (`clock` before it has one), never
    /// before the routine's 0 (two sensors: their offsets to the shared clock settle over the first
    /// reports, by a few milliseconds).
    private func offset(origin: Double?, clock: Double) -> Double {
        guard let o = pipeline.angles.origin, let origin else { return clock }
        return max(o - origin, 0)
    }
}
