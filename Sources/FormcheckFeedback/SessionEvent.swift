import MotionCore

/// What a session reports, in order. Each becomes one JSON Lines object with `type` and `t`
/// (seconds since the first sample): `t` is when the coach knew it, so it never decreases from one
/// event to the next; a hold's boundaries as a person sees them are `start` and `end`. The names are
/// a contract other tools read.
public enum SessionEvent: Sendable, Hashable {
    case calibrated(t: Double, posture: Posture)
    /// Hold `rep` was confirmed at `t`; it began at `start` (seconds), at mean `flexion` (degrees).
    case holdStarted(t: Double, rep: Int, side: Side, start: Double, flexion: Double)
    case formError(t: Double, kind: FormError, rep: Int?)
    /// Hold `rep`, from `start` to `end` (seconds), known to be over at `t`.
    case holdEnded(t: Double, rep: Int, side: Side, start: Double, end: Double, complete: Bool)
    case cue(t: Double, cue: Cue)
    /// A strengthening rep is over (known at `t`).
    case repEnded(t: Double, rep: SessionSummary.Rep)
    /// The strap turned on the thigh by `degrees`.
    case strapSlipped(t: Double, degrees: Double)
    /// Replay without an exercise named: the recogniser's choice (`ExerciseRecogniser`), how sure
    /// it is, and why in words.
    case exerciseRecognised(t: Double, exercise: String, confidence: ExerciseRecognition.Confidence, reason: String)
    case summary(SessionSummary)

    public var time: Double {
        switch self {
        case .calibrated(let t, _), .holdStarted(let t, _, _, _, _), .formError(let t, _, _),
             .holdEnded(let t, _, _, _, _, _), .cue(let t, _), .strapSlipped(let t, _),
             .repEnded(let t, _), .exerciseRecognised(let t, _, _, _):
            t
        case .summary(let s): s.t
        }
    }
}
