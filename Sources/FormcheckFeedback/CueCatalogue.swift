import MotionCore

/// The words of the coach, in one place: every cue's text and every form error's message, keyed by
/// the typed `Cue` and `FormError`. Sinks (text, JSON, screen, speech) render through it; a
/// translation is another catalogue.
public struct CueCatalogue: Sendable {
    /// British English, the words formcheck speaks.
    public static let english = CueCatalogue()

    /// The spoken text of a cue.
    public func text(_ cue: Cue) -> String {
        func n(_ x: Int) -> String { SpokenNumber.words(x) }
        switch cue {
        case .setup(let posture):
            switch posture {
            case .supine: return "Lie flat on your back, legs straight, and keep still"
            case .hookLying: return "Lie on your back, knees bent, feet flat, and keep still"
            case .sitting: return "Sit upright and keep still"
            case .standing: return "Stand tall and keep still for two seconds"
            case .sideLying: return "Lie on your left side, the right leg on top, and keep still"
            case .sideLyingRight: return "Lie on your right side, the left leg on top, and keep still"
            case .quadruped: return "Get on your hands and knees, back flat, and keep still"
            }
        case .raiseToBand(let degrees, let rep):
            return (rep > 1 ? "Rep \(n(rep)): raise" : "Raise") + " your legs to \(n(degrees)) degrees"
        case .raiseToHold(let degrees, let rep):
            return (rep > 1 ? "Rep \(n(rep)): raise" : "Raise") + " your leg slowly to \(n(degrees)) degrees or more"
        case .walkBriskly(let cadence):
            return "Walk briskly — at least \(n(cadence)) steps a minute"
        case .crossLeg(let degrees):
            return "\(n(degrees).prefix(1).uppercased() + n(degrees).dropFirst()) degrees — now cross your leg"
        case .pullTowardsChest:
            return "Now gently pull towards your chest"
        case .holdCountdown(let seconds, let first):
            return first ? "Hold — \(n(seconds)) seconds" : "Hold — \(n(seconds)) seconds left"
        case .holdDone:
            return "Done — release slowly"
        case .correct(let error):
            return correction(error)
        case .correctRep(let error, let stage):
            return correction(error, rep: stage)
        case .switchSides(let side):
            return "Switch legs — now the \(side == .left ? "right" : "left") leg"
        case .setDone(let reps, let complete, let side):
            // Praise only what was done in full: holds released early or out of position are not.
            let done = "That is \(n(reps))" + (side.map { " on the \($0.rawValue)" } ?? "")
            if complete >= reps { return done + " — well done" }
            if complete <= 0 { return done + " — next time, hold each one fully" }
            return done + ", \(n(complete)) of them in full"
        case .paceSlow(let cadence, let brisk):
            return "Pick up the pace — \(n(cadence)) steps a minute, aim for \(n(brisk))"
        case .paceProgress(let seconds, let steps, let cadence):
            let minutes = Int((Double(seconds) / 60).rounded())
            let time = seconds < 60 ? "\(n(seconds)) seconds" : minutes == 1 ? "one minute" : "\(n(minutes)) minutes"
            return "Good pace — \(time), \(n(steps)) steps, \(n(cadence)) a minute"
        case .strapSlipped:
            return "The strap has moved — re-seat it"
        case .wrongSide(let side):
            return "The sensor seems to be on your \(side.rawValue) leg — restart with side \(side.rawValue)"
        case .beginSet(let set, let sets, let reps):
            let count = n(reps).prefix(1).uppercased() + n(reps).dropFirst()
            return sets == 1 ? "\(count) reps — begin" : "Set \(n(set)) of \(n(sets)): \(n(reps)) reps — begin"
        case .repCount(let count):
            return n(count)
        case .setRest(let set, let seconds):
            return "Set \(n(set)) done — rest \(n(seconds)) seconds"
        case .nextExercise(let title, let side, let posture):
            return "Next: \(title), \(side.map { $0.rawValue + " leg" } ?? "both legs"). " + text(.setup(posture))
        case .moveStrap(let side):
            return "Move the strap to your \(side.rawValue) thigh, then keep still"
        case .routineDone(let skipped):
            return skipped == 0 ? "That is the whole routine — well done"
                : "That is the routine, with \(n(skipped)) skipped — well done"
        case .askPain(let moment):
            return moment == .before ? "Before we start: how is your pain now, from zero to ten?"
                : "How is your pain now, from zero to ten?"
        case .sensorGone(let side, let carryingOn):
            return "The \(side.rawValue) sensor has gone — "
                + (carryingOn.map { "carrying on with the \($0.rawValue) leg" } ?? "waiting for it to come back")
        case .sensorBack(let side):
            return "The \(side.rawValue) sensor is back"
        case .sensorSides(let firstOn, let swapped):
            return swapped ? "The first sensor is on your \(firstOn.rawValue) thigh, the second on your \(firstOn.opposite.rawValue) — carrying on so"
                : "The left sensor seems to be on your \(firstOn.rawValue) thigh — check the straps"
        case .otherLeg(let side, let cue):
            let words = text(cue)
            return (side == .left ? "Left leg: " : "Right leg: ") + words.prefix(1).lowercased() + words.dropFirst()
        }
    }

    /// The pain question on screen, with its keys (`PainPrompt`).
    public func painQuestion(_ moment: PainPrompt.Moment) -> String {
        (moment == .before ? "Pain now, before the session" : "Pain now, after the session")
            + " — 0 (none) to 10 (worst): press 0–9, t for 10; Enter or s to skip"
    }

    /// The answer, on screen: "pain 4 of 10", "pain not given".
    public func painAnswer(_ pain: Int?) -> String {
        pain.map { "pain \($0) of 10" } ?? "pain not given"
    }

    /// On screen when Ctrl-C or SIGTERM came at the pain question before the session (exit 130).
    public var stoppedBeforeSession: String { "stopped before the session began: nothing recorded or saved" }

    /// What to do about a form error, said aloud.
    public func correction(_ error: FormError) -> String {
        switch error {
        case .shallow: "A little further, if it is comfortable"
        case .sagging: "You are sagging — back to the stretch"
        case .overshoot: "Too far — ease off"
        case .tooFast: "Gently, slower"
        case .bouncing: "Stop bouncing — hold still"
        case .shortHold: "Released early — hold for the whole time"
        case .wrongPosture: "Check your position"
        case .notCrossed: "Cross your leg over"
        case .slowCadence: "Pick up the pace"
        case .compensation: "Keep your pelvis still"
        case .wrongExercise: "This does not look like the exercise — check the exercise chosen"
        }
    }

    /// What to do about a form error of a strengthening rep seen at `stage`, said aloud: the reps'
    /// own words (a rep is lifted, paused at the top and lowered, not held in a stretch), the stretch's
    /// for the errors that are the same in both.
    public func correction(_ error: FormError, rep stage: RepStage) -> String {
        switch error {
        case .shallow: "Go a little further, if it is comfortable"
        case .sagging: "Hold the top — do not let it sink"
        case .overshoot: "Not so far — stop at the top"
        case .tooFast: stage == .down ? "Lower slowly" : "Slower on the way up"
        case .shortHold: "Pause at the top before lowering"
        case .bouncing, .wrongPosture, .notCrossed, .slowCadence, .compensation, .wrongExercise: correction(error)
        }
    }

    /// What went wrong, for people (the `message` of a `formError` line).
    public func message(_ error: FormError) -> String {
        switch error {
        case .shallow: "the hold stayed below the target angle"
        case .sagging: "the thigh sagged below the target angle during the hold"
        case .overshoot: "the thigh went beyond the hip's safe range"
        case .tooFast: "moved too quickly: move slowly and under control"
        case .bouncing: "bouncing during the hold: ballistic stretching triggers the stretch reflex"
        case .shortHold: "released before the hold time"
        case .wrongPosture: "not in the exercise's posture"
        case .notCrossed: "the leg was not crossed over"
        case .slowCadence: "walking slower than a brisk pace"
        case .compensation: "the pelvis moved to make up the range"
        case .wrongExercise: "the movement does not match the exercise"
        }
    }
}
