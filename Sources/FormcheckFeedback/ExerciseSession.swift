import MotionCore

/// One exercise session: raw samples and hip angles in, session events out. It composes small
/// state machines — `ExercisePhase` (guidance), `HoldDetector` and `HoldCountdown` (holds and their
/// safety band), `MotionLimits` (too fast, too far), `BounceDetector`, `PaceCoach` and MotionCore's
/// `GaitTracker` (walking), `StrapWatch` (slips), `ExerciseMatch` (the wrong exercise),
/// `CorrectionInterval` (the same correction not said again within the protocol's
/// `correctionIntervalSeconds`) — and `SummaryBuilder`; the words are `CueCatalogue`'s.
///
/// Time: every event is stamped with the session's clock, the latest sample time it has seen
/// (seconds since the first sample), so `t` never decreases. Angles that arrive late — those of the
/// samples held back until the strap was calibrated — feed the detectors silently: their events are
/// stamped now, their cues are not said (the guidance they lead to is said at the next live sample).
public struct ExerciseSession: Sendable {
    public let exercise: ExerciseProtocol
    public let side: Side
    /// The hold time in force (the protocol's, or `--hold`), seconds.
    public let holdSeconds: Double?
    /// An angle older than this behind the clock is held back (coached silently), seconds.
    public static let liveLag = 0.05

    private var phase: ExercisePhase
    private var hold: HoldDetector?
    private var countdown: HoldCountdown?
    private var limits: MotionLimits
    private var bounce: BounceDetector?
    private var smooth: SmoothedSignal
    /// Strengthening: the thigh's roll and its out-of-plane angle, smoothed like the axis angle.
    private var smoothRoll: SmoothedSignal
    private var smoothOffPlane: SmoothedSignal
    private var gait: GaitTracker
    private var pace: PaceCoach?
    private var strap: StrapWatch
    private var corrections: CorrectionInterval
    private var match: ExerciseMatch
    private var counter: RepCounter?
    private var sets: SetTracker?
    private var summary: SummaryBuilder
    private var rep = 0
    private var holdFaults: [FormError] = []
    private var wrongSideSaid = false
    private var deferred: Cue?
    private var clock = 0.0
    /// What the distance walked is worked out from (nil: no distance).
    public let distanceSource: DistanceSource?
    public private(set) var status = SessionStatus()

    /// - Parameters:
    ///   - height: the user's height in metres, for the distance walked by the stride model (nil: no distance);
    ///   - stride: the user's calibrated stride in metres (`WalkCalibration`), used instead of the model.
    public init(exercise: ExerciseProtocol, side: Side, holdSeconds: Double? = nil, height: Double? = nil, stride: Double? = nil) {
        var gaitParameters = GaitTracker.Parameters()
        gaitParameters.legLength = height.map { StrideLengthModel.legLength(height: $0) }
        gaitParameters.strideLength = stride
        gait = GaitTracker(parameters: gaitParameters)
        distanceSource = DistanceSource.of(height: height, stride: stride)
        self.exercise = exercise
        self.side = side
        self.holdSeconds = holdSeconds ?? exercise.holdSeconds
        phase = ExercisePhase(exercise: exercise, side: side)
        limits = MotionLimits(rules: .init(exercise))
        smooth = SmoothedSignal(cutoff: exercise.rateSmoothingHz)
        smoothRoll = SmoothedSignal(cutoff: exercise.rateSmoothingHz)
        smoothOffPlane = SmoothedSignal(cutoff: exercise.rateSmoothingHz)
        match = ExerciseMatch(maximumSteps: exercise.wrongExerciseSteps)
        corrections = CorrectionInterval(seconds: exercise.correctionIntervalSeconds)
        strap = StrapWatch(quietSeconds: exercise.strapSlipQuietSeconds)
        summary = SummaryBuilder(exercise: exercise.name, side: side, strength: exercise.kind == .strength)
        switch exercise.kind {
        case .stretch:
            hold = HoldDetector(rules: exercise.hold, threshold: exercise.holdThreshold)
            countdown = HoldCountdown(rules: .init(exercise, holdSeconds: self.holdSeconds))
            bounce = exercise.bounce.map { BounceDetector(rules: $0) }
        case .strength:
            let r = exercise.reps ?? .init()
            counter = RepCounter(rules: .init(r))
            sets = SetTracker(r, side: side)
            status.set = 1
            status.sets = r.sets
        case .walk:
            pace = exercise.briskCadence.map {
                PaceCoach(rules: .init(briskCadence: $0, checkSeconds: exercise.pace.checkSeconds, progressSeconds: exercise.pace.progressSeconds))
            }
        }
        status.holdSeconds = self.holdSeconds
        status.repsPerSide = exercise.repsPerSide
        status.target = Self.target(exercise)
    }

    /// The session's clock: the latest sample time seen, seconds since the first sample.
    public var now: Double { clock }

    /// The strap is calibrated. With a measured posture (a stored calibration) a posture other than
    /// the protocol's is a `wrongPosture` error.
    public mutating func calibrated(posture: Posture, measured: Bool, into out: inout [SessionEvent]) {
        status.calibrated = true
        out.append(.calibrated(t: clock, posture: posture))
        // What one thigh can tell: sitting reads as lying flat, hands and knees as standing.
        let expected = exercise.posture.withSensorLegOnTop(side)
        if measured && PostureClassifier.reading(posture) != PostureClassifier.reading(expected) {
            report(.wrongPosture, rep: nil, live: true, into: &out)
        }
    }

    /// The strap turned on the thigh by `degrees` (the angle tracker saw it).
    public mutating func strapSlipped(degrees: Double, into out: inout [SessionEvent]) {
        guard case .slipped(let d) = strap.slipDetected(time: clock, degrees: degrees) else { return }
        out.append(.strapSlipped(t: clock, degrees: d))
        summary.slip(at: clock, degrees: d)
        say(.strapSlipped(degrees: Int(d.rounded())), live: true, into: &out)
    }

    /// A raw sample (time in seconds since the first sample), calibrated or not: guidance before
    /// calibration, and steps, come from these.
    public mutating func update(raw s: IMUSample, into out: inout [SessionEvent]) {
        clock = max(clock, s.time)
        status.t = clock
        for cue in phase.raw(time: s.time, rate: s.angularVelocity.norm * 180 / .pi) { say(cue, live: true, into: &out) }
        _ = gait.update(s)
        switch exercise.kind {
        case .walk:
            status.steps = gait.steps
            status.cadence = gait.cadence
            if var coach = pace {
                for cue in coach.update(steps: gait.steps, walked: gait.walkingSeconds) { say(cue, live: true, into: &out) }
                pace = coach
            }
        case .stretch, .strength:
            if match.steps(gait.steps) { report(.wrongExercise, rep: nil, live: true, into: &out) }
        }
    }

    /// Samples were lost.
    public mutating func gapOccurred() {
        _ = gait.gapOccurred()
    }

    /// A hip-angle sample. One older than the clock (held back until calibration) is coached silently.
    public mutating func update(_ a: HipAngleSample, into out: inout [SessionEvent]) {
        let live = a.time >= clock - Self.liveLag
        clock = max(clock, a.time)
        status.t = clock
        status.flexion = a.angles.flexion
        status.adduction = a.angles.adduction
        if live, let cue = deferred {
            deferred = nil
            say(cue, live: true, into: &out)
        }
        if exercise.kind == .strength {
            strengthSample(a, live: live, into: &out)
            return
        }
        guard exercise.kind == .stretch, var detector = hold else { return }
        let t = a.time
        smooth.update(a.angles.flexion, at: t)
        let holding = detector.isHolding
        for error in limits.update(flexion: smooth.value, rate: smooth.rate) {
            report(error, rep: holding ? rep : rep + 1, live: live, into: &out, repeated: true)
        }
        // Moved out while it updates: a copy left in `hold` would make the append copy its whole
        // history (30 s of samples) at every sample — 30–40 % of a replay's time, and at 1 kHz live
        // a 1 MB copy a sample (issue 14).
        hold = nil
        let action = detector.update(time: t, flexion: a.angles.flexion, adduction: a.angles.adduction)
        hold = detector
        switch action {
        case .none:
            break
        case .started(let start, let angle, let adduction):
            holdStarted(start: start, flexion: angle, adduction: adduction, at: t, live: live, into: &out)
        case .ended(let h):
            holdEnded(h, live: live, into: &out)
        }
        if detector.isHolding {
            if var c = countdown {
                for action in c.update(time: t, flexion: smooth.value, away: detector.isAway) {
                    switch action {
                    case .cue(let cue): say(cue, live: live, into: &out)
                    case .reminder(let cue): say(cue, live: live, reminder: true, into: &out)
                    case .formError(let kind): report(kind, rep: rep, live: live, into: &out, cue: false)
                    }
                }
                countdown = c
            }
            if case .bouncing = bounce?.update(time: t, flexion: a.angles.flexion) { report(.bouncing, rep: rep, live: live, into: &out) }
        }
        for cue in phase.angle(slowFlexion: detector.slowFlexion, slowRate: smooth.rate, adduction: a.angles.adduction) {
            say(cue, live: live, into: &out)
        }
        status.reps = rep
        status.holding = detector.isHolding
        status.held = countdown?.counted
        status.secondsLeft = countdown?.secondsLeft
        status.banner = countdown?.pausedFor.map { CueCatalogue.english.correction($0) }
        status.target = phase.phase == .startPosition || phase.phase == .inStartBand || phase.phase == .crossed
            ? exercise.startBand.map { ($0.flexion - $0.tolerance)...($0.flexion + $0.tolerance) } ?? Self.target(exercise)
            : Self.target(exercise)
    }

    /// What the recogniser made of the whole recording (replay: known once it was read, so call
    /// this before `finish`). With `announce` it is an `exerciseRecognised` event; when the recording
    /// is clearly another exercise than this session's, `wrongExercise` is reported (once, with the
    /// steps' check).
    public mutating func recognised(_ r: ExerciseRecognition, announce: Bool, into out: inout [SessionEvent]) {
        if announce, let best = r.best {
            out.append(.exerciseRecognised(t: clock, exercise: best.exercise, confidence: r.confidence,
                                           reason: CueCatalogue.english.recognition(r)))
        }
        if r.isClearlyNot(exercise.name), match.recognisedAnother() { report(.wrongExercise, rep: nil, live: true, into: &out) }
    }

    /// Ends the session: a hold in progress ends, walking is judged, and the summary comes last.
    public mutating func finish(into out: inout [SessionEvent]) -> SessionSummary {
        if var detector = hold, case .ended(let h) = detector.finish(at: clock) {
            hold = detector
            holdEnded(h, live: true, into: &out)
        }
        if exercise.kind == .walk, let brisk = exercise.briskCadence, let c = gait.cadence, c < brisk {
            report(.slowCadence, rep: nil, live: true, into: &out)
        }
        let s = summary.summary(at: clock, gait: exercise.kind == .walk ? gait : nil, distanceSource: distanceSource)
        out.append(.summary(s))
        return s
    }

    /// A strengthening sample: the rep counter (on the protocol's axis) and the sets.
    private mutating func strengthSample(_ a: HipAngleSample, live: Bool, into out: inout [SessionEvent]) {
        guard var c = counter, var s = sets else { return }
        let axis = exercise.reps?.axis ?? .flexion
        smooth.update(axis.angle(a.angles), at: a.time)
        smoothRoll.update(a.angles.rotation, at: a.time)
        smoothOffPlane.update(axis.offPlane(a.angles), at: a.time)
        for cue in s.tick(a.time) { say(cue, live: live, into: &out) }
        // The smoothed angle describes the thigh `delay` seconds ago: the rep's times are that
        // moment's (its start, top and end as they happened, not as the smoothing shows them late).
        for action in c.update(time: a.time - smooth.delay, angle: smooth.value, rate: smooth.rate, roll: smoothRoll.value,
                               offPlane: smoothOffPlane.value) {
            switch action {
            case .atStart, .started, .top, .lowering:
                break
            case .formError(let kind, let rep):
                // Said at once: too fast is judged at the top (of the way up); the others where the rep is.
                // (A statement switch: the `switch` expression with a `where` case crashes the 6.3
                // compiler's optimiser — CopyPropagation, "Found ownership error" — in release builds.)
                var stage = RepStage.end
                if kind == .tooFast {
                    stage = .up
                } else {
                    switch c.stage {
                    case .up?: stage = .up
                    case .top?: stage = .top
                    case .down?: stage = .down
                    case .start?, .end?, nil: stage = .end
                    }
                }
                report(kind, rep: rep, live: live, into: &out, stage: stage)
            case .ended(let r):
                // The errors judged at the end (shallow, tooFast down, shortHold), said now.
                for kind in r.faults { report(kind, rep: r.rep, live: live, into: &out, stage: kind == .tooFast ? .down : .end) }
                let rep = SessionSummary.Rep(rep: r.rep, set: s.set, side: side, start: r.start, end: r.end, peak: r.peak, range: r.range,
                                             upSeconds: r.upSeconds, downSeconds: r.downSeconds, complete: r.complete)
                out.append(.repEnded(t: clock, rep: rep))
                summary.rep(rep)
                for cue in s.repEnded(complete: r.complete, at: a.time) { say(cue, live: live, into: &out) }
                status.lastRange = r.range
                status.lastComplete = r.complete
            }
        }
        counter = c
        sets = s
        if c.stage != status.stage {
            status.stage = c.stage
            status.stageSince = c.stage == nil ? nil : a.time
        }
        status.reps = s.done
        status.set = s.set
        status.resting = s.isResting
        status.flexion = a.angles.flexion
    }

    private mutating func holdStarted(start: Double, flexion: Double, adduction: Double, at t: Double, live: Bool,
                                      into out: inout [SessionEvent]) {
        rep += 1
        holdFaults = []
        bounce?.reset()
        out.append(.holdStarted(t: clock, rep: rep, side: side, start: start, flexion: flexion))
        for cue in phase.holdStarted(rep: rep) { say(cue, live: live, into: &out) }
        if let minimum = exercise.minimumAdduction, adduction < minimum {
            report(.notCrossed, rep: rep, live: live, into: &out)
            if adduction <= -minimum && !wrongSideSaid {
                // Crossed the other way: the sensor is on the other leg.
                wrongSideSaid = true
                say(.wrongSide(side == .left ? .right : .left), live: live, into: &out)
            }
        }
        if var c = countdown {
            for action in c.started(at: t, start: start, flexion: smooth.value) {
                if case .cue(let cue) = action { say(cue, live: live, into: &out) }
            }
            countdown = c
        }
    }

    /// A hold is over: report it, judge its length, and say what comes next.
    private mutating func holdEnded(_ h: HoldDetector.Hold, live: Bool, into out: inout [SessionEvent]) {
        let outcome = countdown?.ended() ?? .init(counted: h.held, faults: [], complete: true)
        let counted = min(outcome.counted, h.held)
        let long = holdSeconds.map { counted >= $0 } ?? true
        let spoiled = summary.formErrors.contains { $0.rep == rep && $0.kind.spoilsHold && $0.t >= h.start }
        let complete = long && outcome.faults.isEmpty && !spoiled
        out.append(.holdEnded(t: clock, rep: rep, side: side, start: h.start, end: h.end, complete: complete))
        summary.hold(.init(rep: rep, side: side, start: h.start, end: h.end, duration: h.duration,
                           meanFlexion: h.meanFlexion, peakFlexion: h.peakFlexion, complete: complete))
        // Released early — unless it was out of its band (that error says what was wrong).
        if !long && outcome.faults.isEmpty { report(.shortHold, rep: rep, live: live, into: &out) }
        for cue in phase.holdEnded(rep: rep, complete: complete) { say(cue, live: live, into: &out) }
    }

    /// Reports a form error once per repetition (the summary's list: what went wrong in which
    /// repetition, so an episode that trips again and again — tooFast at every stride — is one
    /// error). Its cue is said with the first report, and again when `repeated` (a limit tripped
    /// anew after its hysteresis), unless the same correction was said less than
    /// `correctionIntervalSeconds` ago (`say`); `cue: false` when the caller says the correction
    /// itself; with a `stage`, in a strengthening rep's words.
    private mutating func report(_ kind: FormError, rep: Int?, live: Bool, into out: inout [SessionEvent],
                                 cue: Bool = true, repeated: Bool = false, stage: RepStage? = nil) {
        let first = !summary.reported(kind, rep: rep)
        if first {
            summary.formError(kind, at: clock, rep: rep)
            out.append(.formError(t: clock, kind: kind, rep: rep))
        }
        if cue && (first || repeated) { say(stage.map { .correctRep(kind, $0) } ?? .correct(kind), live: live, into: &out) }
    }

    /// Says a cue now; a cue of held-back samples waits for the next live sample (guidance) or is
    /// dropped (a correction of the past). A correction said less than `correctionIntervalSeconds`
    /// ago is not said again (`CorrectionInterval`), unless it is the `reminder` of an error that
    /// lasts (a hold paused out of its band), from which the interval then runs.
    private mutating func say(_ cue: Cue, live: Bool, reminder: Bool = false, into out: inout [SessionEvent]) {
        guard live else {
            if cue.kind != .formError { deferred = cue }
            return
        }
        if let kind = cue.correction {
            if reminder {
                corrections.reminded(kind, at: clock)
            } else if case .holdBack = corrections.correction(kind, at: clock) {
                return
            }
        }
        status.lastCue = CueCatalogue.english.text(cue)
        out.append(.cue(t: clock, cue: cue))
    }

    private static func target(_ p: ExerciseProtocol) -> ClosedRange<Double>? {
        guard let angle = p.holdAngle else { return nil }
        return angle...max(angle, p.overshootAngle ?? 180)
    }
}
