import FormcheckFeedback
import FormcheckHistory
import Foundation

extension ReportInput {
    /// The report of `sessions` (those chosen: all, `--since`'s, or one) as `formcheck report` makes
    /// it: each exercise's built-in protocol (for its target band), the period from `since`'s day to
    /// the last session's (nil without `since`: the sessions' own days), and each day's walking goal
    /// as the plan set it from the whole `history`.
    public static func ofHistory(
        _ sessions: [SessionRecord], history: [SessionRecord], profile: UserProfile, rules: PlanRules, since: Date?,
        generatedAt: Date, timeZone: TimeZone
    ) -> ReportInput {
        var protocols: [String: ExerciseProtocol] = [:]
        for name in Set(sessions.flatMap { $0.exercises.map(\.exercise) }) {
            protocols[name] = try? ExerciseLibrary.named(name)
        }
        let days = sessions.map { ReportDay($0.startedAt, in: timeZone) }
        let period = since.flatMap { s in days.max().map { ReportDay(s, in: timeZone)...max(ReportDay(s, in: timeZone), $0) } }
        let covered = period ?? days.min().flatMap { first in days.max().map { first...$0 } }
        let goals = covered.map {
            planWalkingGoals(sessions: history, profile: profile, rules: rules, days: $0, timeZone: timeZone)
        } ?? [:]
        return ReportInput(sessions: sessions, profile: profile, protocols: protocols, dailyWalkingGoals: goals, period: period,
                           generatedAt: generatedAt, timeZone: timeZone)
    }
}
