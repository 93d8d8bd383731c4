import FormcheckFeedback
import Foundation

/// Today's targets (`Progression.targets`): the daily walk and each exercise's dose of the
/// routine, each with the reason the plan gives for it.
public struct DailyTargets: Sendable, Hashable {
    public struct Walking: Sendable, Hashable {
        /// Today's distance, metres.
        public var metres: Double
        /// The goal it grows towards, metres.
        public var goalMetres: Double
        /// The time the distance takes at `pace`, whole minutes (≥ 1): a routine's walk lasts this long.
        public var minutes: Int
        /// Metres per second: last week's measured pace, or the plan's.
        public var pace: Double
        /// `pace` was measured on last week's walks (false: the plan's `walking.metresPerSecond`).
        public var paceMeasured: Bool
        public var reason: PlanReason
    }

    public struct Exercise: Sendable, Hashable {
        /// The protocol's name.
        public var exercise: String
        public var kind: ExerciseProtocol.Kind
        /// Stretches: holds per side and their length, seconds.
        public var holds: Int?
        public var holdSeconds: Double?
        /// Strengthening: sets, reps per set, rest between sets (seconds).
        public var sets: Int?
        public var perSet: Int?
        public var restSeconds: Double?
        public var reason: PlanReason
    }

    /// Today (its midnight in the calendar used).
    public var day: Date
    /// The plan week today is in, 1-based (nil: nothing in the history before today).
    public var week: Int?
    /// The first day of the plan: the day of the history's first session (nil: none yet).
    public var firstDay: Date?
    /// The plan rule's name.
    public var plan: String
    /// The routine whose doses these are (nil: walking only).
    public var routine: String?
    /// How distances are shown.
    public var unit: UserProfile.DistanceUnit
    public var walking: Walking
    /// The routine's stretches and strengthening exercises, in the routine's order, once each.
    public var exercises: [Exercise]

    /// True when nothing in the history comes before today: the starting plan.
    public var startingPlan: Bool { week == nil }
}
