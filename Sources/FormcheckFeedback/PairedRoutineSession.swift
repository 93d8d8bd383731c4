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
/// are said, its dose ends the step — and the other leg's session runs beside it, only what is
/// wrong on that leg said, with its side (`Cue.otherLeg`: "Left leg: lower slowly"); its
/// summary follows the lead's, as an `exerciseStarted`/`exerciseEnded` pair of the same step for
/// the other side (at the step's end: it has no lines of its own), so the routine's summary
/// compares the legs (a bridge's left against right, each thigh's steps).
///
/// Each step's sessions are fresh (a new orientation filter and strap calibration) and begun from
/// the samples of the rest that ended the step before, on their own legs. Each leg's session sees
/// its sensor's own sample times (the pipeline as alone); its events are moved onto the routine's
/// clock, seconds since the pair's first sample. A sensor that goes away (a gap) leaves the other
/// leg's coaching going; its own session waits for it.
///
/// Which thigh each sensor is on (`sides`): the readings come named as given (`PairedReading.side`:
/// `.left` the sensor given first). Named for their thighs (`--left`/`--right`, a Joy-Con pair:
/// `.fixed`) they stay so; two that nothing tells apart (`.fromMovement`) are checked in the first
/// step done one leg at a time (`PairSideCheck`: the leg that moves is the step's) — meanwhile
/// the step's leg is coached from the sensor given for it and watched, unsaid, from the other
/// (`shadow`); if it was the other, the two are swapped from then on (said: `Cue.sensorSides`), the
/// step carries on from the other's session (its lines so far but its cues and a second
/// `calibrated` given then), and every later reading is its sensor's thigh's (`thigh(of:)`). Named
/// ones a movement contradicts are only said.
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
    /// The step under way: its leading leg's session (the step's side: its `exerciseStarted` came
    /// first), and the other leg's when both are watched.
    private var lead: RoutineStepRun<Estimator>?
    private var other: RoutineStepRun<Estimator>?
    /// The leg whose session is said aloud and whose dose ends the step under way: the lead's,
    /// or — its sensor gone during a step watched on both legs — the other's (`sensorGone`).
    private var leader: Side?
    /// The sensors gone now (unplugged, out of range; `sensorGone` … `sensorBack`).
    private var absent: Set<Side> = []
    /// The sensors whose going was said (their coming back is said too).
    private var saidGone: Set<Side> = []
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
    /// How the sensors' sides are taken: kept, or told from the movement.
    public let sides: PairSideCheck.Mode
    private var sideCheck: PairSideCheck
    /// True once the movement said the sensor given first is on the right thigh (`.fromMovement`).
    public private(set) var swapped = false
    /// While the sides are not yet told (`.fromMovement`), in a step done on one leg: that leg's
    /// session fed the other sensor, in case it is the one on that leg; its events held back.
    private var shadow: RoutineStepRun<Estimator>?
    private var shadowEvents: [SessionEvent] = []
    /// The step under way's leading session has given its `calibrated` line.
    private var stepCalibrated = false
    /// The side check's decision in the reading under way, acted on once it is through.
    private var decision: Side?

    /// - Parameters:
    ///   - plan: laid out for two sensors (`RoutinePlan(routine, sensors: .two, …)`);
    ///   - estimator: the orientation estimator each session starts from (copied afresh);
    ///   - height: the user's height in metres, for the distance walked.
    ///   - stride: the user's calibrated stride in metres, used for the distance instead of the height;
    ///   - sides: `.fixed` (the sensors named for their thighs) or `.fromMovement` (as given, nothing
    ///     telling them apart: the movement decides, with the routine's `pairSides` rules).
    public init(plan: RoutinePlan, estimator: Estimator, height: Double? = nil, stride: Double? = nil, sides: PairSideCheck.Mode = .fixed) {
        self.plan = plan
        self.estimator = estimator
        self.height = height
        self.stride = stride
        self.sides = sides
        sideCheck = PairSideCheck(rules: plan.routine.pairSides)
    }

    /// The thigh of the sensor given `sensor` (`.left`: the first given): itself, or the other once
    /// the movement said so (`swapped`).
    public func thigh(of sensor: Side) -> Side {
        swapped ? sensor.opposite : sensor
    }

    /// Seconds since the routine's first sample (the latest sample seen).
    public var now: Double { clock }
    /// The step under way (nil between steps and at the end).
    public var currentStep: RoutinePlan.Step? { lead?.step }
    /// The status of the step under way's leading leg (for a live view).
    public var status: SessionStatus? { leading?.pipeline.status }
    /// The status of the session coaching the `side` leg in the step under way: the leading leg's,
    /// or the other leg's of a step watched on both (nil: that leg has none now).
    public func status(of side: Side) -> SessionStatus? {
        if let lead, lead.side == side { return lead.pipeline.status }
        if let other, other.side == side { return other.pipeline.status }
        return nil
    }
    /// True once the routine's summary was given.
    public var isDone: Bool {
        if case .done = state { return true }
        return false
    }

    /// Samples kept for the next step's start, seconds: the longest rest that can end a step.
    private var keepSeconds: Double { plan.routine.settleSeconds + 1 }

    /// A reading of either sensor, in the pair's order; its `side` the sensor as given (its thigh:
    /// `thigh(of:)`).
    public mutating func consume(_ given: PairedReading) -> [RoutineEvent] {
        var r = given
        r.side = thigh(of: given.side)
        var out = route(r)
        if let firstOn = decision {
            decision = nil
            out += decided(firstOn: firstOn)
        }
        return out
    }

    /// A reading, its side its thigh's, through the state machine.
    private mutating func route(_ r: PairedReading) -> [RoutineEvent] {
        offsets[r.side] = r.offset
        guard case .sample(let s) = r.reading, let t = r.time else {
            recent[r.side]?.removeAll(keepingCapacity: true)
            switch state {
            case .exercising:
                return feed(r)
            case .settling(let index, var rest):
                if leader == r.side {
                    _ = rest.gapOccurred()
                    state = .settling(index: index, rest: rest)
                }
                return feed(r)
            case .positioning(let next, var watch):
                if leadingSide(plan.steps[next]) == r.side {
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
            if leading?.doseDone == true {
                var p = RestDetector.Parameters()
                p.minimumDuration = plan.routine.settleSeconds
                state = .settling(index: index, rest: RestDetector(parameters: p))
            }
            return out
        case .settling(let index, var rest):
            var out = feed(r)
            guard leader == r.side else { return out }
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
            guard leadingSide(plan.steps[next]) == r.side else { return [] }
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
        let side = leadingSide(plan.steps[next])
        let last = recent[side]?.last?.time ?? (origin ?? 0) + clock
        state = .positioning(next: next, watch: PositionWatch(settleSeconds: plan.routine.settleSeconds,
                                                              waitSeconds: plan.routine.positionSeconds, now: last))
        return [say(plan.steps[next].announcement)]
    }

    /// Step `index` begins: announced (unless it was, before the user got into position), then its
    /// sessions fed their legs' kept samples from `from`.
    private mutating func begin(_ index: Int, from: Double?, announce: Bool = true) -> [RoutineEvent] {
        let step = plan.steps[index]
        /// The `side` leg's session, fed the sensor on the `sensor` thigh (its accelerometer correction).
        func run(_ side: Side, sensor: Side? = nil) -> RoutineStepRun<Estimator> {
            RoutineStepRun(index: index, step: step, side: side, estimator: estimator, height: height, stride: stride,
                           accelerometer: AccelerometerCalibration.estimate(sensorRests[sensor ?? side] ?? []))
        }
        lead = run(step.side)
        other = step.bothLegs ? run(step.side.opposite) : nil
        leader = leadingSide(step)
        state = .exercising(index: index)
        stepCalibrated = false
        _ = sideCheck.stepBegan(exercising: step.bothLegs ? nil : step.side)
        // Not yet told which sensor is on which thigh: the step's leg from the other sensor too.
        shadow = sides == .fromMovement && sideCheck.firstOn == nil && !step.bothLegs ? run(step.side, sensor: step.side.opposite) : nil
        shadowEvents = []
        var out: [RoutineEvent] = announce ? [say(step.announcement)] : []
        out.append(.exerciseStarted(t: clock, step: step.number, exercise: step.exercise.name, side: step.side))
        if absent.contains(step.side) {
            // Its sensor is away: the other leads a step done on both, else the step waits for it.
            out.append(sayGone(step.side, carryingOn: leader == step.side ? nil : leader))
        }
        if let from {
            for side in [step.side, step.side.opposite] where side == step.side || step.bothLegs || shadow != nil {
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
        leader = nil
        shadow = nil
        shadowEvents = []
        _ = sideCheck.stepEnded()
        return out
    }

    /// Every step was reached: the routine is done.
    private mutating func complete() -> [RoutineEvent] {
        let skipped = Set(attempts.filter { $0.ending == .skipped }.map(\.number)).count
        return [say(.routineDone(skipped: skipped))] + summary()
    }

    /// The routine's summary, last: each exercise done re-read with the accelerometer correction
    /// all its sensor's rests give and the gyroscope bias its own session ended with
    /// (`RoutineStepRun.reread`).
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

    /// A reading through the session of its leg: the leading leg's events on the routine's clock;
    /// of the other leg's, only its form errors' and strap slips' cues (`saidForTheOtherLeg`), with
    /// its side (the rest is in its summary).
    private mutating func feed(_ r: PairedReading) -> [RoutineEvent] {
        var out: [RoutineEvent] = []
        let origin = self.origin.map { $0 - r.offset }
        watchSides(r, origin: origin)
        if var l = lead, l.side == r.side {
            // Its lines are its own (between its exerciseStarted and exerciseEnded); its cues are
            // said as the leader's, or as the other leg's when the other leads.
            for e in l.feed(r.reading, origin: origin, clock: clock) {
                if case .calibrated = e { stepCalibrated = true }
                guard case .cue(let t, let cue) = e, leader != l.side else {
                    out.append(.session(e))
                    continue
                }
                if Self.saidForTheOtherLeg(cue) { out.append(.session(.cue(t: t, cue: .otherLeg(l.side, cue)))) }
            }
            lead = l
        }
        if var o = other, o.side == r.side {
            // Its lines are in its summary; its cues are said when it leads (the lead's sensor gone),
            // else only what is wrong on it.
            for e in o.feed(r.reading, origin: origin, clock: clock) {
                guard case .cue(let t, let cue) = e else { continue }
                if leader == o.side {
                    out.append(.session(e))
                } else if Self.saidForTheOtherLeg(cue) {
                    out.append(.session(.cue(t: t, cue: .otherLeg(o.side, cue))))
                }
            }
            other = o
        }
        return out
    }

    /// A reading of the step under way to the side check (the sensor as given) and, while the
    /// sides are not told, to the shadow session of the other sensor (its events held back).
    private mutating func watchSides(_ r: PairedReading, origin: Double?) {
        let sensor = thigh(of: r.side)
        let action: PairSideCheck.Action
        switch r.reading {
        case .sample(let s):
            action = sideCheck.sample(sensor, time: s.time, acceleration: s.acceleration)
        case .gap:
            action = sideCheck.gap(sensor)
        }
        if case .decided(let firstOn) = action { decision = firstOn }
        if var sh = shadow, sh.side != r.side {
            shadowEvents += sh.feed(r.reading, origin: origin, clock: clock)
            shadow = sh
        }
    }

    /// The movement told which thigh the sensor given first is on: kept sides contradicted are
    /// said; sides as given are swapped if it says so — said, the step's session from then on the
    /// shadow's (its lines so far given now, but its cues, said already from the other sensor's,
    /// and a second `calibrated`), every store of a sensor moved to its thigh.
    private mutating func decided(firstOn: Side) -> [RoutineEvent] {
        switch sides {
        case .fixed:
            return firstOn == .left ? [] : [say(.sensorSides(firstOn: firstOn, swapped: false))]
        case .fromMovement:
            defer {
                shadow = nil
                shadowEvents = []
            }
            guard firstOn == .right else { return [] }
            swapped = true
            func flip<V>(_ d: [Side: V]) -> [Side: V] { Dictionary(uniqueKeysWithValues: d.map { ($0.key.opposite, $0.value) }) }
            recent = flip(recent)
            offsets = flip(offsets)
            sensorRests = flip(sensorRests)
            absent = Set(absent.map(\.opposite))
            saidGone = Set(saidGone.map(\.opposite))
            var out = [say(.sensorSides(firstOn: firstOn, swapped: true))]
            guard let sh = shadow, let l = lead, sh.side == l.side else { return out }
            lead = sh
            for e in shadowEvents {
                switch e {
                case .cue: continue
                case .calibrated where stepCalibrated: continue
                default: out.append(.session(e.shifted(by: 0, notBefore: clock)))
                }
            }
            return out
        }
    }

    /// The leading session of the step under way (`leader`'s).
    private var leading: RoutineStepRun<Estimator>? {
        if let other, other.side == leader { return other }
        return lead
    }

    /// The leg that leads `step`: its side, unless that sensor is away and the step is watched on
    /// both legs with the other's sensor here.
    private func leadingSide(_ step: RoutinePlan.Step) -> Side {
        step.bothLegs && absent.contains(step.side) && !absent.contains(step.side.opposite) ? step.side.opposite : step.side
    }

    private mutating func sayGone(_ side: Side, carryingOn: Side?) -> RoutineEvent {
        saidGone.insert(side)
        return say(.sensorGone(side, carryingOn: carryingOn))
    }

    // MARK: - Sensors going and coming back

    /// The `side` thigh's sensor went away (unplugged, out of range; gone for good or waited for).
    /// Leading a step watched on both legs, the other leg's session takes over — said aloud, its
    /// cues said and its dose ending the step (the next rest its thigh's); leading a one-leg step,
    /// it is said that the step waits for it. A sensor not leading the step is only waited for.
    /// `sensor`: as given (its thigh: `thigh(of:)`).
    public mutating func sensorGone(_ sensor: Side) -> [RoutineEvent] {
        let side = thigh(of: sensor)
        guard !absent.contains(side) else { return [] }
        absent.insert(side)
        switch state {
        case .exercising(let index), .settling(let index, _):
            guard leader == side else { return [] }
            let step = plan.steps[index]
            let next = leadingSide(step)
            guard next != side else { return [sayGone(side, carryingOn: nil)] }
            leader = next
            // The new leader's dose decides: done, the step ends once its thigh is still
            // `settleSeconds`; not yet, the step goes on until it is.
            if leading?.doseDone == true {
                var p = RestDetector.Parameters()
                p.minimumDuration = plan.routine.settleSeconds
                state = .settling(index: index, rest: RestDetector(parameters: p))
            } else {
                state = .exercising(index: index)
            }
            return [sayGone(side, carryingOn: next)]
        case .positioning(let next, _):
            let step = plan.steps[next]
            guard step.side == side else { return [] }
            let now = recent[leadingSide(step)]?.last?.time ?? (origin ?? 0) + clock
            state = .positioning(next: next, watch: PositionWatch(settleSeconds: plan.routine.settleSeconds,
                                                                  waitSeconds: plan.routine.positionSeconds, now: now))
            return [sayGone(side, carryingOn: leadingSide(step) == side ? nil : leadingSide(step))]
        case .starting, .done:
            return []
        }
    }

    /// The `side` thigh's sensor is back (the same uniq): its leg's session carries on across the
    /// gap; the step under way keeps its leader. Said when its going was. `sensor`: as given.
    public mutating func sensorBack(_ sensor: Side) -> [RoutineEvent] {
        let side = thigh(of: sensor)
        guard absent.remove(side) != nil else { return [] }
        guard saidGone.remove(side) != nil, !isDone else { return [] }
        return [say(.sensorBack(side))]
    }

    /// Which of the other leg's cues (a step watched on both legs) are said, with its side: what is
    /// wrong on that leg — a form error, the strap slipping. The rest is the leading leg's to say
    /// once for both: the setup, the reps' count and sets, holds, the pace (no double counting).
    static func saidForTheOtherLeg(_ cue: Cue) -> Bool {
        switch cue {
        case .correct, .correctRep, .strapSlipped:
            return true
        case .setup, .raiseToBand, .raiseToHold, .walkBriskly, .crossLeg, .pullTowardsChest, .holdCountdown, .holdDone, .switchSides,
             .setDone, .paceSlow, .paceProgress, .wrongSide, .beginSet, .repCount, .setRest, .nextExercise, .moveStrap, .routineDone,
             .askPain, .otherLeg, .sensorGone, .sensorBack, .sensorSides:
            return false
        }
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
    ///
    /// - Parameters:
    ///   - left, right: the readings of the sensor given first and of the second (the left thigh's
    ///     and the right's unless the movement says otherwise: `sides`);
    ///   - sides: as the live session took them (`init`);
    ///   - stop: asked before each reading; true ends the replay there (Ctrl-C: the exercise under
    ///     way stopped, the summary so far);
    ///   - sampled: after each sample, its leg, the routine's clock (seconds) and that leg's flexion
    ///     then (degrees; nil: not known) — what the history's traces are made of.
    @discardableResult
    public static func replay(left: [PairedReading], right: [PairedReading], plan: RoutinePlan, estimator: Estimator,
                              height: Double? = nil, stride: Double? = nil, sides: PairSideCheck.Mode = .fixed,
                              stop: () -> Bool = { false },
                              sampled: (Side, Double, Double?) -> Void = { _, _, _ in },
                              emit: (RoutineEvent) -> Void) -> RoutineSummary? {
        var session = PairedRoutineSession(plan: plan, estimator: estimator, height: height, stride: stride, sides: sides)
        var summary: RoutineSummary?
        // The summary comes with the last step's end when the routine is done, else at finish.
        func send(_ events: [RoutineEvent]) {
            for e in events {
                if case .summary(let s) = e { summary = s }
                emit(e)
            }
        }
        for r in PairedReadingMerge.merged(left, right) {
            if stop() { break }
            send(session.consume(r))
            if case .sample = r.reading {
                let thigh = session.thigh(of: r.side)
                sampled(thigh, session.now, session.status(of: thigh)?.flexion)
            }
            if session.isDone { break }
        }
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
