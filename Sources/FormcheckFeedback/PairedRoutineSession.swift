import MotionCore

/// A guided routine with a sensor on each thigh, live or replayed: both sensors' readings in (in
/// the order of their times on the pair's clock: `PairedReadingMerge`), routine events out. An
/// explicit state machine over the plan's steps (`RoutinePlan(sensors: .two)`, no strap moves):
///
///     starting → exercising(step) → (dose done) settling(step) → (the leading thigh still
///       `settleSeconds`) → exercising(next) … → done                 after the last step
///     (→ exercising(next)) positioning(next) → (the next leading thigh moved and still again:
///       `PositionWatch`) → exercising(next)     when the next exercise starts from another posture
///
/// A step done one leg at a time (a piriformis stretch, the left leg's turn) is coached from that
/// leg's sensor alone, exactly as `RoutineSession` coaches it with the strap on that leg; the
/// other leg's turn follows without a "move the strap" pause. A one-sided exercise (a bridge, a
/// walk: `bothLegs`) is watched on both legs at once: the step's side leads — its session's cues
/// are said, its dose ends the step — and the other leg's session runs beside it in silence; its
/// summary follows the lead's, as an `exerciseStarted`/`exerciseEnded` pair of the same step for
/// the other side (at the step's end: it has no lines of its own), so the routine's summary
/// compares the legs (a bridge's left against right, each thigh's steps).
///
/// Each step's sessions are fresh (a new orientation filter and strap calibration) and begun from
/// the samples of the rest that ended the step before, on their own legs. Each leg's session sees
/// its sensor's own sample times (the pipeline as alone); its events are moved onto the routine's
/// clock, seconds since the pair's first sample. A sensor that goes away (a gap) leaves the other
/// leg's coaching going; its own session waits for it.
public struct PairedRoutineSession<Estimator: OrientationEstimator>: Sendable {
    private enum State: Sendable {
        /// No sample yet.
        case starting
        /// Step `index` of the plan is under way.
        case exercising(index: Int)
        /// Step `index`'s dose is done; it ends when the leading thigh has been still `settleSeconds`.
        case settling(index: Int, rest: RestDetector)
        /// Step `next` starts from another posture: waiting for the user to get into it (announced).
        case positioning(next: Int, watch: PositionWatch)
        /// The routine is over; its summary was given.
        case done
    }

    /// A kept sample: as its sensor timed it, and its time on the pair's clock.
    private struct Kept: Sendable {
        var sample: IMUSample
        var time: Double
    }

    public let plan: RoutinePlan
    private let estimator: Estimator
    private let height: Double?
    private let stride: Double?
    private var state: State = .starting
    /// The step under way: its leading leg's session, and the other leg's when both are watched.
    private var lead: RoutineStepRun<Estimator>?
    private var other: RoutineStepRun<Estimator>?
    /// The pair's clock at the routine's 0.
    private var origin: Double?
    /// Each sensor's latest offset to the pair's clock (`PairedReading.offset`).
    private var offsets: [Side: Double] = [:]
    private var clock = 0.0
    /// Recent samples of each leg: the next step starts from the rest among them.
    private var recent: [Side: [Kept]] = [.left: [], .right: []]
    private var attempts: [RoutineSummary.Step] = []
    /// Each sensor's still rests in the steps ended so far: each session begins with the
    /// accelerometer correction its sensor's give (`AccelerometerCalibration`).
    private var sensorRests: [Side: [(acceleration: Vector3, duration: Double)]] = [:]
    /// The session of each attempt done (nil for the others), re-read at the end (`RoutineStepRun.reread`).
    private var ended: [RoutineStepRun<Estimator>?] = []

    /// - Parameters:
    ///   - plan: laid out for two sensors (`RoutinePlan(routine, sensors: .two, …)`);
    ///   - estimator: the orientation estimator each session starts from (copied afresh);
    ///   - height: the user's height in metres, for the distance walked.
    ///   - stride: the user's calibrated stride in metres, used for the distance instead of the height.
    public init(plan: RoutinePlan, estimator: Estimator, height: Double? = nil, stride: Double? = nil) {
        self.plan = plan
        self.estimator = estimator
        self.height = height
        self.stride = stride
    }

    /// Seconds since the routine's first sample (the latest sample seen).
    public var now: Double { clock }
    /// The step under way (nil between steps and at the end).
    public var currentStep: RoutinePlan.Step? { lead?.step }
    /// The status of the step under way's leading leg (for a live view).
    public var status: SessionStatus? { lead?.pipeline.status }
    /// True once the routine's summary was given.
    public var isDone: Bool {
        if case .done = state { return true }
        return false
    }

    /// Samples kept for the next step's start, seconds: the longest rest that can end a step.
    private var keepSeconds: Double { plan.routine.settleSeconds + 1 }

    /// A reading of either sensor, in the pair's order.
    public mutating func consume(_ r: PairedReading) -> [RoutineEvent] {
        offsets[r.side] = r.offset
        guard case .sample(let s) = r.reading, let t = r.time else {
            recent[r.side]?.removeAll(keepingCapacity: true)
            switch state {
            case .exercising:
                return feed(r)
            case .settling(let index, var rest):
                if plan.steps[index].side == r.side {
                    _ = rest.gapOccurred()
                    state = .settling(index: index, rest: rest)
                }
                return feed(r)
            case .positioning(let next, var watch):
                if plan.steps[next].side == r.side {
                    watch.gapOccurred()
                    state = .positioning(next: next, watch: watch)
                }
                return []
            case .starting, .done:
                return []
            }
        }
        guard s.time.isFinite, s.acceleration.isFinite, s.angularVelocity.isFinite, t.isFinite else { return lead == nil ? [] : feed(r) }
        let origin = self.origin ?? t
        self.origin = origin
        clock = max(clock, t - origin)
        var kept = recent[r.side] ?? []
        kept.append(Kept(sample: s, time: t))
        if let first = kept.first, t - first.time > keepSeconds + 1 {
            let keep = keepSeconds
            kept.removeAll { t - $0.time > keep }
        }
        recent[r.side] = kept
        switch state {
        case .starting:
            return begin(0, from: t)
        case .exercising(let index):
            let out = feed(r)
            if lead?.doseDone == true {
                var p = RestDetector.Parameters()
                p.minimumDuration = plan.routine.settleSeconds
                state = .settling(index: index, rest: RestDetector(parameters: p))
            }
            return out
        case .settling(let index, var rest):
            var out = feed(r)
            guard plan.steps[index].side == r.side else { return out }
            // The leading thigh at rest ends the step; the rest on the pair's clock.
            let onPairClock = IMUSample(time: t, acceleration: s.acceleration, angularVelocity: s.angularVelocity)
            guard case .restStarted(let since) = rest.update(onPairClock) else {
                state = .settling(index: index, rest: rest)
                return out
            }
            out += endStep(.done)
            out += advance(after: index, restStart: since)
            return out
        case .positioning(let next, var watch):
            guard plan.steps[next].side == r.side else { return [] }
            let onPairClock = IMUSample(time: t, acceleration: s.acceleration, angularVelocity: s.angularVelocity)
            guard case .inPosition(let restStart) = watch.update(onPairClock) else {
                state = .positioning(next: next, watch: watch)
                return []
            }
            return begin(next, from: restStart, announce: false)
        case .done:
            return []
        }
    }

    /// The skip key: the exercise under way ends and the next begins.
    public mutating func skip() -> [RoutineEvent] {
        switch state {
        case .exercising(let index):
            return endStep(.skipped) + advance(after: index, restStart: nil)
        case .settling(let index, _):
            return endStep(.done) + advance(after: index, restStart: nil)
        case .positioning(let next, _):
            return begin(next, from: nil, announce: false)
        case .starting, .done:
            return []
        }
    }

    /// The repeat key: the exercise under way (or just done) starts again on the same leg(s).
    public mutating func repeatExercise() -> [RoutineEvent] {
        switch state {
        case .exercising(let index), .settling(let index, _):
            return endStep(.repeated) + begin(index, from: nil)
        case .starting, .positioning, .done:
            return []
        }
    }

    /// The readings ended (Ctrl-C, the end of the recordings): the exercise under way ends and the
    /// routine's summary comes last.
    public mutating func finish() -> [RoutineEvent] {
        switch state {
        case .exercising:
            return endStep(.stopped) + summary()
        case .settling(let index, _):
            let out = endStep(.done)
            return out + (index + 1 == plan.steps.count ? complete() : summary())
        case .starting, .positioning:
            return summary()
        case .done:
            return []
        }
    }

    // MARK: - Transitions

    /// After step `index`: the next one (from the rest that began at `restStart`, pair clock), or the end.
    private mutating func advance(after index: Int, restStart: Double?) -> [RoutineEvent] {
        let next = index + 1
        guard next < plan.steps.count else { return complete() }
        guard plan.startsFromAnotherPosture(next) else { return begin(next, from: restStart) }
        let side = plan.steps[next].side
        let last = recent[side]?.last?.time ?? (origin ?? 0) + clock
        state = .positioning(next: next, watch: PositionWatch(settleSeconds: plan.routine.settleSeconds,
                                                              waitSeconds: plan.routine.positionSeconds, now: last))
        return [say(plan.steps[next].announcement)]
    }

    /// Step `index` begins: announced (unless it was, before the user got into position), then its
    /// sessions fed their legs' kept samples from `from`.
    private mutating func begin(_ index: Int, from: Double?, announce: Bool = true) -> [RoutineEvent] {
        let step = plan.steps[index]
        func run(_ side: Side) -> RoutineStepRun<Estimator> {
            RoutineStepRun(index: index, step: step, side: side, estimator: estimator, height: height, stride: stride,
                           accelerometer: AccelerometerCalibration.estimate(sensorRests[side] ?? []))
        }
        lead = run(step.side)
        other = step.bothLegs ? run(step.side.opposite) : nil
        state = .exercising(index: index)
        var out: [RoutineEvent] = announce ? [say(step.announcement)] : []
        out.append(.exerciseStarted(t: clock, step: step.number, exercise: step.exercise.name, side: step.side))
        if let from {
            for side in [step.side, step.side.opposite] where side == step.side || step.bothLegs {
                for k in recent[side] ?? [] where k.time >= from {
                    out += feed(PairedReading(side: side, reading: .sample(k.sample), offset: offsets[side] ?? 0, time: k.time))
                }
            }
        }
        return out
    }

    /// The step under way ends: the leading leg's last events and summary, then the other leg's.
    private mutating func endStep(_ ending: RoutineSummary.Ending) -> [RoutineEvent] {
        guard var l = lead else { return [] }
        let (events, attempt) = l.end(ending, origin: sideOrigin(l.side), clock: clock)
        attempts.append(attempt)
        ended.append(ending == .done ? l : nil)
        sensorRests[l.side, default: []] += l.rests
        var out = events.map(RoutineEvent.session)
        out.append(.exerciseEnded(t: clock, step: attempt.number, ending: ending, summary: attempt.summary))
        if var o = other {
            let (_, watched) = o.end(ending, origin: sideOrigin(o.side), clock: clock)
            attempts.append(watched)
            ended.append(ending == .done ? o : nil)
            sensorRests[o.side, default: []] += o.rests
            out += [.exerciseStarted(t: clock, step: watched.number, exercise: watched.exercise, side: watched.side),
                    .exerciseEnded(t: clock, step: watched.number, ending: ending, summary: watched.summary)]
        }
        lead = nil
        other = nil
        return out
    }

    /// Every step was reached: the routine is done.
    private mutating func complete() -> [RoutineEvent] {
        let skipped = Set(attempts.filter { $0.ending == .skipped }.map(\.number)).count
        return [say(.routineDone(skipped: skipped))] + summary()
    }

    /// The routine's summary, last: each exercise done re-read with the accelerometer correction
    /// all its sensor's rests give (`RoutineStepRun.reread`).
    private mutating func summary() -> [RoutineEvent] {
        state = .done
        let final = [Side.left, .right].map { AccelerometerCalibration.estimate(sensorRests[$0] ?? []) }
        RoutineStepRun.reread(&attempts, runs: ended, estimator: estimator) { final[$0 == .left ? 0 : 1] }
        ended = []
        return [.summary(summarySoFar)]
    }

    /// The routine's summary as it stands: the attempts ended so far (not the one under way).
    public var summarySoFar: RoutineSummary {
        let done = Set(attempts.filter { $0.ending == .done }.map(\.number))
        let complete = plan.steps.allSatisfy { done.contains($0.number) }
        var s = RoutineSummary(t: clock, routine: plan.routine.name, steps: attempts, strapMoves: [], complete: complete)
        s.symmetry = RoutineSummary.comparisons(attempts, plan: plan)
        return s
    }

    // MARK: - The step under way

    /// A reading through the session of its leg: the leading leg's events on the routine's clock
    /// (the other leg's are kept in its summary, not said).
    private mutating func feed(_ r: PairedReading) -> [RoutineEvent] {
        var out: [RoutineEvent] = []
        let origin = self.origin.map { $0 - r.offset }
        if var l = lead, l.side == r.side {
            out = l.feed(r.reading, origin: origin, clock: clock).map(RoutineEvent.session)
            lead = l
        }
        if var o = other, o.side == r.side {
            _ = o.feed(r.reading, origin: origin, clock: clock)
            other = o
        }
        return out
    }

    /// A leg's own clock at the routine's 0.
    private func sideOrigin(_ side: Side) -> Double? {
        origin.map { $0 - (offsets[side] ?? 0) }
    }

    private func say(_ cue: Cue) -> RoutineEvent {
        .session(.cue(t: clock, cue: cue))
    }
}

extension PairedRoutineSession {
    /// A recorded pair, as fast as it can be read: both recordings' readings in the pair's order
    /// (`PairedReadingMerge.merged`) through a paired routine session, each event handed to `emit`
    /// as it comes, the routine's summary last (also returned).
    @discardableResult
    public static func replay(left: [PairedReading], right: [PairedReading], plan: RoutinePlan, estimator: Estimator,
                              height: Double? = nil, stride: Double? = nil, emit: (RoutineEvent) -> Void) -> RoutineSummary? {
        var session = PairedRoutineSession(plan: plan, estimator: estimator, height: height, stride: stride)
        var summary: RoutineSummary?
        // The summary comes with the last step's end when the routine is done, else at finish.
        func send(_ events: [RoutineEvent]) {
            for e in events {
                if case .summary(let s) = e { summary = s }
                emit(e)
            }
        }
        for r in PairedReadingMerge.merged(left, right) { send(session.consume(r)) }
        send(session.finish())
        return summary
    }

    /// Where the routine is, for the live view.
    public var routineStatus: RoutineStatus {
        var s = RoutineStatus(routine: plan.routine.name, steps: plan.steps.count)
        s.t = now
        s.step = currentStep
        s.session = status
        if case .positioning(let next, _) = state { s.next = plan.steps[next] }
        s.done = isDone
        return s
    }
}
