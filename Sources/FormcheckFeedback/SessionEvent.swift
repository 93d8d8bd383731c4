import MotionCore

/// What a session reports, in order. Each becomes one JSON Lines object with `type` and `t`
/// (seconds since the first sample); the names are a contract other tools read.
public enum SessionEvent: Sendable, Hashable {
    case calibrated(t: Double, posture: Posture)
    case holdStarted(t: Double, rep: Int, side: Side, flexion: Double)
    case formError(t: Double, kind: FormError, rep: Int?, message: String)
    case holdEnded(t: Double, rep: Int, side: Side, duration: Double, complete: Bool)
    case cue(t: Double, text: String)
    case summary(SessionSummary)

    public var time: Double {
        switch self {
        case .calibrated(let t, _), .holdStarted(let t, _, _, _), .formError(let t, _, _, _),
             .holdEnded(let t, _, _, _, _), .cue(let t, _):
            t
        case .summary(let s): s.t
        }
    }
}
