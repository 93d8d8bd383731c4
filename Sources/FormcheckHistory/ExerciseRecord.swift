import FormcheckFeedback
import MotionCore

/// One exercise of a session as the history keeps it: what was done (its session summary: holds,
/// reps, form errors, steps, walking time and distance) and the thigh's angle over it.
public struct ExerciseRecord: Sendable, Hashable, Codable {
    /// How the exercise ended (a routine's steps: `RoutineSummary.Ending`; a single exercise is
    /// `done` when its dose was done, else `stopped`).
    public enum Ending: String, Sendable, Hashable, Codable, CaseIterable {
        case done
        case skipped
        case repeated
        case stopped
    }

    /// 1-based position in the session (a routine's attempts in order; a single exercise is 1).
    public var position: Int
    /// The routine plan's step number (nil outside a routine).
    public var step: Int?
    public var exercise: String
    public var side: Side
    public var ending: Ending
    /// Seconds on the session's clock (since its first sample) when the exercise began and ended.
    public var start: Double
    public var end: Double
    /// Everything the coach measured: holds, reps, form errors, strap slips, steps, cadence,
    /// walking seconds and metres — times on the session's clock.
    public var summary: SessionSummary
    /// The thigh's flexion over the exercise, for the report.
    public var trace: AngleTrace?

    public init(
        position: Int, step: Int? = nil, exercise: String, side: Side, ending: Ending,
        start: Double, end: Double, summary: SessionSummary, trace: AngleTrace? = nil
    ) {
        self.position = position
        self.step = step
        self.exercise = exercise
        self.side = side
        self.ending = ending
        self.start = start
        self.end = end
        self.summary = summary
        self.trace = trace
    }
}
