import MotionCore

/// The end of a routine: every exercise as it was done (each attempt, in order, with its own
/// session summary on the routine's clock), and every strap move. Times in seconds since the
/// routine's first sample.
public struct RoutineSummary: Sendable, Hashable {
    /// How an exercise of the routine ended.
    public enum Ending: String, Sendable, Hashable, CaseIterable {
        /// Its dose was done (holds, sets or walking time).
        case done
        /// Skipped (the skip key).
        case skipped
        /// Started again (the repeat key): the next attempt is the same step.
        case repeated
        /// The routine stopped during it (Ctrl-C, the recording ended, the device went away).
        case stopped
    }

    /// One attempt at a step of the plan.
    public struct Step: Sendable, Hashable {
        /// The plan's step, 1-based (`RoutinePlan.Step.number`).
        public var number: Int
        public var exercise: String
        public var side: Side
        public var ending: Ending
        /// When its session began (its first sample) and ended, seconds.
        public var start: Double
        public var end: Double
        public var summary: SessionSummary
    }

    /// The strap taken off one thigh and strapped on the other.
    public struct StrapMove: Sendable, Hashable {
        /// The thigh it went on.
        public var side: Side
        /// When the handling began, and when the rest that put it back on began, seconds.
        public var off: Double
        public var on: Double
    }

    /// Seconds since the first sample, at the end.
    public var t: Double
    public var routine: String
    public var steps: [Step]
    public var strapMoves: [StrapMove]
    /// Every step of the plan was done (none skipped, the routine not stopped early).
    public var complete: Bool
    /// Left against right, for each exercise done (to its dose) on both legs, in the plan's order
    /// (`RoutineSummary.comparisons`).
    public var symmetry: [SideComparison] = []
}
