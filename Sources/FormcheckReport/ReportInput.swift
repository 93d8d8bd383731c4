import Foundation
import FormcheckFeedback
import FormcheckHistory

/// Everything a report is made from. The report is a function of this value alone: the same input
/// gives the same bytes (no clock, no environment, no file is read while it is built).
public struct ReportInput: Sendable {
    /// The sessions to show, in any order (the report sorts them by start, then id).
    public var sessions: [SessionRecord]
    public var profile: UserProfile
    /// The protocol of each exercise named in the sessions, for its title and its target band
    /// (an exercise without one is shown by its name, with no target drawn).
    public var protocols: [String: ExerciseProtocol]
    /// The walking goal of a day, metres (the plan's target); a day not here has the profile's
    /// `walkingGoalMetres`.
    public var dailyWalkingGoals: [ReportDay: Double]
    /// The days the report covers (inclusive), for the walking goals and the header; nil: from the
    /// first session's day to the last one's.
    public var period: ClosedRange<ReportDay>?
    /// When the report was made (shown in the header; never read from a clock here).
    public var generatedAt: Date
    /// The time zone dates are shown and grouped in.
    public var timeZone: TimeZone
    /// The words of form errors (the coach's catalogue).
    public var catalogue: CueCatalogue

    public init(
        sessions: [SessionRecord], profile: UserProfile = UserProfile(), protocols: [String: ExerciseProtocol] = [:],
        dailyWalkingGoals: [ReportDay: Double] = [:], period: ClosedRange<ReportDay>? = nil,
        generatedAt: Date, timeZone: TimeZone, catalogue: CueCatalogue = .english
    ) {
        self.sessions = sessions
        self.profile = profile
        self.protocols = protocols
        self.dailyWalkingGoals = dailyWalkingGoals
        self.period = period
        self.generatedAt = generatedAt
        self.timeZone = timeZone
        self.catalogue = catalogue
    }

    /// The walking goal of `day`, metres.
    public func walkingGoal(on day: ReportDay) -> Double {
        dailyWalkingGoals[day] ?? profile.walkingGoalMetres
    }

    /// The sessions in the order the report shows them: by start, then by id.
    var orderedSessions: [SessionRecord] {
        sessions.sorted { ($0.startedAt, $0.id ?? Int64.max) < ($1.startedAt, $1.id ?? Int64.max) }
    }

    /// The day a session is counted on: the day it started, in the report's time zone.
    func day(of session: SessionRecord) -> ReportDay { ReportDay(session.startedAt, in: timeZone) }

    /// What kind of exercise a record is: its protocol's kind, else read from what it measured
    /// (reps: strengthening; steps: walking; otherwise a stretch).
    func kind(of e: ExerciseRecord) -> ExerciseProtocol.Kind {
        if let p = protocols[e.exercise] { return p.kind }
        return e.isStrength ? .strength : e.summary.steps != nil ? .walk : .stretch
    }

    /// The days covered: `period`, else first to last session day (nil without sessions).
    var coveredDays: ClosedRange<ReportDay>? {
        if let period { return period }
        let days = sessions.map(day(of:))
        guard let first = days.min(), let last = days.max() else { return nil }
        return first...last
    }
}
