import MotionCore

/// A guided routine in one run, live or replayed: readings in, routine events out. An explicit
/// state machine over the plan's steps:
///
///     starting → exercising(step) → (dose done) settling(step) → (the thigh still `settleSeconds`)
///       → exercising(next)                                       the strap stays where it is
///       → movingStrap(next) → (off, then back on: `StrapMoveDetector`) → exercising(next)
///       → done                                                   after the last step
///     (→ exercising(next)) positioning(next) → (moved, still again: `PositionWatch`) → exercising(next)
///                                            when the next exercise starts from another posture
///
/// Each step runs its own `SessionPipeline`, fresh (a new orientation filter and strap calibration:
/// after a strap move that is the recalibration on the new leg), begun from the samples of the rest
/// that ended the step before (or the strap move), so it sees the still start its calibration needs.
/// A step's dose is done when its holds have ended (stretches: `repsPerSide`), its sets' complete
/// reps are in (strengthening) or it has lasted its walking time; the skip and repeat keys end it
/// early. The side is the plan's; the step's own session checks it against the movement (a
/// piriformis crossed the other way says so). Times are seconds since the routine's first sample.
public struct RoutineSession<Estimator: OrientationEstimator>: Sendable {
    private enum State: Sendable {
        /// No sample yet.
        case starting
        /// Step `index` of the plan is under way.
        case exercising(index: Int)
        /// Step `index`'s dose is done; it ends when the thigh has been still `settleSeconds`.
        case settling(index: Int, rest: RestDetector)
        /// Waiting for the strap to go on the other thigh for step `next`: asked at `asked`, off
        /// since `off` (routine clock).
        case movingStrap(next: Int, detector: StrapMoveDetector, asked: Double, off: Double?)
        /// Step `next` starts from another posture than the step before: waiting for the user to
        /// get into it (announced already).
        case positioning(next: Int, watch: PositionWatch)
        /// The routine is over; its summary was given.
        case done
    }

    public let plan: RoutinePlan
    private let estimator: Estimator
    private let height: Double?
    private let stride: Double?
    private var state: State = .starting
    /// The step under way's session (nil between steps).
    private var run: RoutineStepRun<Estimator>?
    private var origin: Double?
    private var clock = 0.0
    /// Recent samples on the source's clock: the next step starts from the rest among them.
    private var recent: [IMUSample] = []
    private var attempts: [RoutineSummary.Step] = []
    private var moves: [RoutineSummary.StrapMove] = []
    /// The still rests of the steps ended so far (the sensor's, wherever the strap was): each step
    /// begins with the accelerometer correction they give (`AccelerometerCalibration`).
    private var sensorRests: [(acceleration: Vector3, duration: Double)] = []
    /// The session of each attempt done (nil for the others), re-read at the end (`rereadFigures`).
    private var ended: [RoutineStepRun<Estimator>?] = []

    /// - Parameters:
    ///   - estimator: the orientation estimator each step's pipeline starts from (copied afresh);
    ///   - height: the user's height in metres, for the distance walked;
    ///   - stride: the user's calibrated stride in metres, used for the distance instead of the height.
    public init(plan: RoutinePlan, estimator: Estimator, height: Double? = nil, stride: Double? = nil) {
        self.plan = plan
        self.estimator = estimator
        self.height = height
        self.stride = stride
    }

    /// Seconds since the routine's first sample (the latest sample seen).
    public var now: Double { clock }
    /// The step under way (nil between steps, while the strap moves, and at the end).
    public var currentStep: RoutinePlan.Step? { run?.step }
    /// The status of the step under way (for a live view).
    public var status: SessionStatus? { run?.pipeline.status }
    /// True once the routine's summary was given.
    public var isDone: Bool {
        if case .done = state { return true }
        return false
    }
    /// True while the coach waits for the strap to be moved.
    public var isMovingStrap: Bool { strapMoveStep != nil }
    /// While the coach waits for the strap to be moved: the step that begins once it is on.
    public var strapMoveStep: RoutinePlan.Step? {
        if case .movingStrap(let next, _, _, _) = state { return plan.steps[next] }
        return nil
    }
    /// While the coach waits for the user to get into the next exercise's posture: that step.
    public var positioningStep: RoutinePlan.Step? {
        if case .positioning(let next, _) = state { return plan.steps[next] }
        return nil
    }

    /// Samples kept for the next step's start, seconds: the longest rest that can end a step.
    private var keepSeconds: Double { max(plan.routine.settleSeconds, plan.routine.strapMove.onRestSeconds) + 1 }

    /// A reading from the sensor.
    public mutating func consume(_ reading: SensorReading) -> [RoutineEvent] {
        guard case .sample(let s) = reading else {
            recent.removeAll(keepingCapacity: true)
            switch state {
            case .exercising:
                return feed(reading)
            case .settling(let index, var rest):
                _ = rest.gapOccurred()
                state = .settling(index: index, rest: rest)
                return feed(reading)
            case .movingStrap(let next, var detector, let asked, let off):
                detector.gapOccurred()
                state = .movingStrap(next: next, detector: detector, asked: asked, off: off)
                return []
            case .positioning(let next, var watch):
                watch.gapOccurred()
                state = .positioning(next: next, watch: watch)
                return []
            case .starting, .done:
                return []
            }
        }
        guard s.time.isFinite, s.acceleration.isFinite, s.angularVelocity.isFinite else { return run == nil ? [] : feed(reading) }
        let origin = self.origin ?? s.time
        self.origin = origin
        clock = max(clock, s.time - origin)
        recent.append(s)
        if let first = recent.first, s.time - first.time > keepSeconds + 1 {
            let keep = keepSeconds
            recent.removeAll { s.time - $0.time > keep }
        }
        switch state {
        case .starting:
            return begin(0, from: s.time)
        case .exercising(let index):
            let out = feed(reading)
            if run?.doseDone == true {
                var p = RestDetector.Parameters()
                p.minimumDuration = plan.routine.settleSeconds
                state = .settling(index: index, rest: RestDetector(parameters: p))
            }
            return out
        case .settling(let index, var rest):
            var out = feed(reading)
            guard case .restStarted(let since) = rest.update(s) else {
                state = .settling(index: index, rest: rest)
                return out
            }
            out += endStep(.done)
            out += advance(after: index, restStart: since)
            return out
        case .movingStrap(let next, var detector, var asked, var off):
            switch detector.update(s) {
            case .none:
                var out: [RoutineEvent] = []
                if off == nil && clock - asked >= plan.routine.strapMoveSeconds {
                    asked = clock
                    out.append(say(.moveStrap(to: plan.steps[next].side)))
                }
                state = .movingStrap(next: next, detector: detector, asked: asked, off: off)
                return out
            case .off(let at):
                off = at - origin
                state = .movingStrap(next: next, detector: detector, asked: asked, off: off)
                return []
            case .on(let restStart):
                let on = restStart - origin
                let move = RoutineSummary.StrapMove(side: plan.steps[next].side, off: off ?? on, on: on)
                moves.append(move)
                return [.strapMoved(t: clock, side: move.side, off: move.off, on: move.on)] + position(next, from: restStart)
            }
        case .positioning(let next, var watch):
            guard case .inPosition(let restStart) = watch.update(s) else {
                state = .positioning(next: next, watch: watch)
                return []
            }
            return begin(next, from: restStart, announce: false)
        case .done:
            return []
        }
    }

    /// The skip key: the exercise under way ends and the next begins (while the strap is being
    /// moved: it is on, the next exercise begins now).
    public mutating func skip() -> [RoutineEvent] {
        switch state {
        case .exercising(let index):
            return endStep(.skipped) + advance(after: index, restStart: nil)
        case .settling(let index, _):
            return endStep(.done) + advance(after: index, restStart: nil)
        case .movingStrap(let next, _, _, _):
            return begin(next, from: nil)
        case .positioning(let next, _):
            return begin(next, from: nil, announce: false)
        case .starting, .done:
            return []
        }
    }

    /// The repeat key: the exercise under way (or just done) starts again on the same leg. Not
    /// while the strap is being moved (the leg is changing) or before the first sample.
    public mutating func repeatExercise() -> [RoutineEvent] {
        switch state {
        case .exercising(let index), .settling(let index, _):
            return endStep(.repeated) + begin(index, from: nil)
        case .starting, .movingStrap, .positioning, .done:
            return []
        }
    }

    /// The readings ended (Ctrl-C, end of the recording): the exercise under way ends and the
    /// routine's summary comes last.
    public mutating func finish() -> [RoutineEvent] {
        switch state {
        case .exercising:
            return endStep(.stopped) + summary()
        case .settling(let index, _):
            let out = endStep(.done)
            return out + (index + 1 == plan.steps.count ? complete() : summary())
        case .starting, .movingStrap, .positioning:
            return summary()
        case .done:
            return []
        }
    }

    // MARK: - Transitions

    /// After step `index`: the next one (from the rest that began at `restStart`, source clock),
    /// the strap move before it, or the end.
    private mutating func advance(after index: Int, restStart: Double?) -> [RoutineEvent] {
        let next = index + 1
        guard next < plan.steps.count else { return complete() }
        guard plan.steps[next].moveStrapFirst else { return position(next, from: restStart) }
        let before = restStart.flatMap { t in
            let rest = recent.filter { $0.time >= t }
            return rest.isEmpty ? nil : rest.reduce(Vector3.zero) { $0 + $1.acceleration } / Double(rest.count)
        }
        state = .movingStrap(next: next, detector: StrapMoveDetector(rules: plan.routine.strapMove, before: before), asked: clock, off: nil)
        return [say(.moveStrap(to: plan.steps[next].side))]
    }

    /// Step `next` begins from the rest that began at `from` — or, when it starts from another
    /// posture than the step before, once the user is in it (announced now).
    private mutating func position(_ next: Int, from: Double?) -> [RoutineEvent] {
        guard plan.startsFromAnotherPosture(next) else { return begin(next, from: from) }
        state = .positioning(next: next, watch: PositionWatch(settleSeconds: plan.routine.settleSeconds,
                                                              waitSeconds: plan.routine.positionSeconds, now: recent.last?.time ?? 0))
        return [say(plan.steps[next].announcement)]
    }

    /// Step `index` begins: announced (unless it was, before the user got into position), then its
    /// pipeline fed the kept samples from `from` (source clock).
    private mutating func begin(_ index: Int, from: Double?, announce: Bool = true) -> [RoutineEvent] {
        let step = plan.steps[index]
        run = RoutineStepRun(index: index, step: step, side: step.side, estimator: estimator, height: height, stride: stride,
                             accelerometer: AccelerometerCalibration.estimate(sensorRests))
        state = .exercising(index: index)
        var out: [RoutineEvent] = announce ? [say(step.announcement)] : []
        out.append(.exerciseStarted(t: clock, step: step.number, exercise: step.exercise.name, side: step.side))
        if let from {
            for s in recent where s.time >= from { out += feed(.sample(s)) }
        }
        return out
    }

    /// The step under way ends: its session's last events and its summary.
    private mutating func endStep(_ ending: RoutineSummary.Ending) -> [RoutineEvent] {
        guard var r = run else { return [] }
        let (events, attempt) = r.end(ending, origin: origin, clock: clock)
        attempts.append(attempt)
        ended.append(ending == .done ? r : nil)
        sensorRests += r.rests
        run = nil
        return events.map(RoutineEvent.session) + [.exerciseEnded(t: clock, step: attempt.number, ending: ending, summary: attempt.summary)]
    }

    /// Every step was reached: the routine is done.
    private mutating func complete() -> [RoutineEvent] {
        let skipped = attempts.filter { $0.ending == .skipped }.count
        return [say(.routineDone(skipped: skipped))] + summary()
    }

    /// The routine's summary, last: each exercise done re-read with the accelerometer correction
    /// all the sensor's rests give and the gyroscope bias its own session ended with
    /// (`RoutineStepRun.reread`).
    private mutating func summary() -> [RoutineEvent] {
        state = .done
        let final = AccelerometerCalibration.estimate(sensorRests)
        RoutineStepRun.reread(&attempts, runs: ended, estimator: estimator) { _ in final }
        ended = []
        return [.summary(summarySoFar)]
    }

    /// The routine's summary as it stands: the attempts ended so far (not the one under way); at the
    /// end (the `summary` event), their angles re-read with the sensor's final accelerometer correction.
    public var summarySoFar: RoutineSummary {
        let done = Set(attempts.filter { $0.ending == .done }.map(\.number))
        let complete = plan.steps.allSatisfy { done.contains($0.number) }
        var s = RoutineSummary(t: clock, routine: plan.routine.name, steps: attempts, strapMoves: moves, complete: complete)
        s.symmetry = RoutineSummary.comparisons(attempts, plan: plan)
        return s
    }

    // MARK: - The step under way

    /// A reading through the step's pipeline, its events on the routine's clock.
    private mutating func feed(_ reading: SensorReading) -> [RoutineEvent] {
        guard var r = run else { return [] }
        let out = r.feed(reading, origin: origin, clock: clock)
        run = r
        return out.map(RoutineEvent.session)
    }

    private func say(_ cue: Cue) -> RoutineEvent {
        .session(.cue(t: clock, cue: cue))
    }
}
