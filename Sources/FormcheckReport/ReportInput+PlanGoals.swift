import FormcheckHistory
import Foundation

extension ReportInput {
    /// Each day's walking goal, metres, as the plan set it that day: `Progression.targets` with
    /// the history before the day (today's sessions never change today's target), for every day
    /// from `days.lowerBound` to `days.upperBound` in `timeZone`.
    public static func planWalkingGoals(
        sessions: [SessionRecord], profile: UserProfile, rules: PlanRules, days: ClosedRange<ReportDay>,
        timeZone: TimeZone
    ) -> [ReportDay: Double] {
        let calendar = ReportDay.calendar(timeZone)
        var goals: [ReportDay: Double] = [:]
        var day = days.lowerBound
        while day <= days.upperBound {
            let components = DateComponents(year: day.year, month: day.month, day: day.day)
            if let start = calendar.date(from: components) {
                goals[day] = Progression.walkingGoal(history: sessions, profile: profile, rules: rules, day: start, calendar: calendar)
            }
            day = day.adding(days: 1)
        }
        return goals
    }
}
