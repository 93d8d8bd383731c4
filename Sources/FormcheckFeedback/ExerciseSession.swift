import MotionCore

/// One exercise session: hip angles in, session events out (holds, form errors, cues, summary).
/// The detectors are explicit state machines (`HoldDetector`, `BounceDetector`, and for walking
/// MotionCore's `GaitTracker`, fed the raw samples: it needs no calibration); this type wires them
/// to a protocol's rules. Times are seconds since the first sample.
public struct ExerciseSession: Sendable {
    public let exercise: ExerciseProtocol
    public let side: Side
    /// The hold time in force (the protocol's, or `--hold`).
    public let holdSeconds: Double?

    private var hold: HoldDetector?
    private var bounce: BounceDetector?
    private var rate: SmoothedSignal
    private var gait: GaitTracker
    private var holds: [SessionSummary.Hold] = []
    private var errors: [SessionSummary.Error] = []
    private var rep = 0
    private var bouncedThisHold = false
    private var tooFastArmed = true
    private var overshootArmed = true
    private var countdownSaid: Set<Int> = []
    private var startBandSaid = false
    private var crossedSaid = false
    public private(set) var status = SessionStatus()

    /// - Parameter height: the user's height in metres, for the distance walked (nil: no distance).
    public init(exercise: ExerciseProtocol, side: Side, holdSeconds: Double? = nil, height: Double? = nil) {
        var gaitParameters = GaitTracker.Parameters()
        gaitParameters.legLength = height.map { StrideLengthModel.legLength(height: $0) }
        gait = GaitTracker(parameters: gaitParameters)
        self.exercise = exercise
        self.side = side
        self.holdSeconds = holdSeconds ?? exercise.holdSeconds
        if exercise.kind == .stretch {
            hold = HoldDetector(rules: exercise.hold ?? .init(), threshold: exercise.holdThreshold)
            bounce = exercise.bounce.map { BounceDetector(rules: $0) }
        }
        rate = SmoothedSignal(cutoff: exercise.rateSmoothingHz ?? 2)
        status.holdSeconds = self.holdSeconds
        status.repsPerSide = exercise.repsPerSide
    }

    /// The strap is calibrated. With a measured posture (a stored calibration) a posture other than
    /// the protocol's is a `wrongPosture` error.
    public mutating func calibrated(at t: Double, posture: Posture, measured: Bool, into out: inout [SessionEvent]) {
        status.calibrated = true
        out.append(.calibrated(t: t, posture: posture))
        if measured && posture != exercise.posture {
            report(.wrongPosture, at: t, rep: nil, into: &out)
        }
        switch exercise.kind {
        case .stretch:
            let first = exercise.startBand.map { "Raise your legs to \(SpokenNumber.words(Int($0.flexion))) degrees" }
                ?? "Raise your leg slowly to \(SpokenNumber.words(Int(exercise.holdAngle ?? 45))) degrees or more"
            cue(first, at: t, into: &out)
        case .walk:
            cue("Walk briskly", at: t, into: &out)
        }
    }

    public mutating func update(_ a: HipAngleSample, into out: inout [SessionEvent]) {
        let t = a.time
        let flexion = a.angles.flexion
        status.t = t
        status.flexion = flexion
        status.adduction = a.angles.adduction
        if exercise.kind == .stretch { stretch(a, into: &out) }
    }

    /// A raw sample (time in seconds since the first sample), calibrated or not: walking counts
    /// steps from these.
    public mutating func update(raw s: IMUSample) {
        guard exercise.kind == .walk else { return }
        _ = gait.update(s)
        status.t = s.time
        status.steps = gait.steps
        status.cadence = gait.cadence
    }

    /// Samples were lost.
    public mutating func gapOccurred() {
        guard exercise.kind == .walk else { return }
        _ = gait.gapOccurred()
    }

    private mutating func stretch(_ a: HipAngleSample, into out: inout [SessionEvent]) {
        let t = a.time
        let flexion = a.angles.flexion
        // Moving too fast / too far.
        rate.update(flexion, at: t)
        let holding = hold?.isHolding ?? false
        let currentRep = holding ? rep : rep + 1
        if let maximum = exercise.maximumRate {
            if tooFastArmed && abs(rate.rate) > maximum {
                tooFastArmed = false
                report(.tooFast, at: t, rep: currentRep, into: &out)
            } else if abs(rate.rate) < maximum / 2 {
                tooFastArmed = true
            }
        }
        if let limit = exercise.overshootAngle {
            if overshootArmed && rate.value > limit {
                overshootArmed = false
                report(.overshoot, at: t, rep: currentRep, into: &out)
            } else if rate.value < limit - 5 {
                overshootArmed = true
            }
        }
        guard var detector = hold else { return }
        let action = detector.update(time: t, flexion: flexion, adduction: a.angles.adduction)
        hold = detector
        switch action {
        case .none:
            break
        case .started(let start, let angle, let adduction):
            rep += 1
            bouncedThisHold = false
            countdownSaid = []
            bounce?.reset()
            out.append(.holdStarted(t: start, rep: rep, side: side, flexion: angle))
            if let minimum = exercise.minimumAdduction, adduction < minimum {
                report(.notCrossed, at: t, rep: rep, into: &out)
            }
            if let seconds = holdSeconds {
                cue("Hold — \(SpokenNumber.words(Int(max(0, seconds - (t - start)).rounded()))) seconds", at: t, into: &out)
            }
        case .ended(let h):
            holdEnded(h, at: t, into: &out)
        }
        status.reps = rep
        status.holding = detector.isHolding
        status.held = detector.held(at: t)
        if let held = status.held, let seconds = holdSeconds { status.secondsLeft = max(0, seconds - held) } else { status.secondsLeft = nil }
        status.target = exercise.holdAngle.map { $0...(exercise.overshootAngle ?? 130) }
        if detector.isHolding {
            if case .bouncing = bounce?.update(time: t, flexion: flexion), !bouncedThisHold {
                bouncedThisHold = true
                report(.bouncing, at: t, rep: rep, into: &out)
            }
            if let left = status.secondsLeft, let seconds = holdSeconds {
                for mark in [30, 10, 0] where Double(mark) < seconds && left <= Double(mark) && !countdownSaid.contains(mark) {
                    countdownSaid.insert(mark)
                    cue(mark == 0 ? "Done — release slowly" : "Hold — \(SpokenNumber.words(mark)) seconds left", at: t, into: &out)
                }
            }
        } else if let band = exercise.startBand, rep < (exercise.repsPerSide ?? Int.max) {
            // Guidance until this side's repetitions are done (then: "Switch legs").
            // Guidance towards the piriformis start position.
            status.target = (band.flexion - band.tolerance)...(band.flexion + band.tolerance)
            let inBand = abs(detector.slowFlexion - band.flexion) <= band.tolerance
            if inBand && !startBandSaid && rate.rate.magnitude < 5 {
                startBandSaid = true
                cue("\(SpokenNumber.words(Int(band.flexion))) degrees — now cross your leg", at: t, into: &out)
            }
            if startBandSaid && !crossedSaid, let minimum = exercise.minimumAdduction, a.angles.adduction >= minimum {
                crossedSaid = true
                cue("Now gently pull towards your chest", at: t, into: &out)
            }
        }
    }

    /// Ends the session: a hold in progress ends, walking is judged, and the summary comes last.
    public mutating func finish(at t: Double, into out: inout [SessionEvent]) -> SessionSummary {
        // A hold cut off by the end of the session (Ctrl-C, end of the recording) ends like any other.
        if var detector = hold, case .ended(let h) = detector.finish(at: t) {
            hold = detector
            holdEnded(h, at: t, into: &out)
        }
        var steps: Int?
        var cadence: Double?
        var walkingSeconds: Double?
        var distance: Double?
        if exercise.kind == .walk {
            steps = gait.steps
            cadence = gait.cadence
            walkingSeconds = gait.walkingSeconds
            distance = gait.distanceMeters
            if let brisk = exercise.briskCadence, let c = cadence, c < brisk {
                report(.slowCadence, at: t, rep: nil, into: &out)
            }
        }
        let summary = SessionSummary(t: t, exercise: exercise.name, side: side, holds: holds, formErrors: errors,
                                     steps: steps, cadence: cadence, walkingSeconds: walkingSeconds, distanceMeters: distance)
        out.append(.summary(summary))
        return summary
    }

    /// A hold is over: report it, judge its depth and length, and say what comes next.
    private mutating func holdEnded(_ h: HoldDetector.Hold, at t: Double, into out: inout [SessionEvent]) {
        let complete = holdSeconds.map { h.held >= $0 } ?? true
        out.append(.holdEnded(t: h.end, rep: rep, side: side, duration: h.duration, complete: complete))
        holds.append(.init(rep: rep, side: side, start: h.start, end: h.end, duration: h.duration,
                           meanFlexion: h.meanFlexion, peakFlexion: h.peakFlexion, complete: complete))
        if let angle = exercise.holdAngle, h.meanFlexion < angle { report(.shallow, at: h.end, rep: rep, into: &out) }
        if !complete { report(.shortHold, at: h.end, rep: rep, into: &out) }
        startBandSaid = false
        crossedSaid = false
        if let reps = exercise.repsPerSide, rep == reps { cue("Switch legs", at: t, into: &out) }
    }

    private mutating func report(_ kind: FormError, at t: Double, rep: Int?, into out: inout [SessionEvent]) {
        errors.append(.init(t: t, kind: kind, rep: rep))
        out.append(.formError(t: t, kind: kind, rep: rep, message: kind.message))
        cue(kind.cue, at: t, into: &out)
    }

    private mutating func cue(_ text: String, at t: Double, into out: inout [SessionEvent]) {
        status.lastCue = text
        out.append(.cue(t: t, text: text))
    }
}
