import MotionCore

/// What a guided routine reports, in order (`RoutineSession`): each exercise bracketed by
/// `exerciseStarted` and `exerciseEnded`, its own session's events between them, the routine's own
/// cues (the next exercise, "move the strap") and strap moves between exercises, and the routine's
/// summary last. Every `t` is seconds since the routine's first sample and never decreases.
public enum RoutineEvent: Sendable, Hashable {
    /// An event of the exercise under way, or a cue of the routine's own, on the routine's clock
    /// (never `.summary`: an exercise's summary is in its `exerciseEnded`).
    case session(SessionEvent)
    /// Step `step` of the plan (1-based) begins: `exercise` (a protocol name) on `side`.
    case exerciseStarted(t: Double, step: Int, exercise: String, side: Side)
    /// Step `step` ended, how, with its session's summary.
    case exerciseEnded(t: Double, step: Int, ending: RoutineSummary.Ending, summary: SessionSummary)
    /// The strap came off at `off` and was back on, on the `side` thigh, at `on` (seconds).
    case strapMoved(t: Double, side: Side, off: Double, on: Double)
    case summary(RoutineSummary)

    public var time: Double {
        switch self {
        case .session(let e): e.time
        case .exerciseStarted(let t, _, _, _), .exerciseEnded(let t, _, _, _), .strapMoved(let t, _, _, _): t
        case .summary(let s): s.t
        }
    }
}
