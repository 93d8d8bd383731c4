import Foundation

extension Progression {
    /// The walk the plan set for `day`, metres: today's target as `formcheck plan --date DAY` gives
    /// it, from the history before that day (the day's own sessions never change its target).
    public static func walkingGoal(history: [SessionRecord], profile: UserProfile, rules: PlanRules, day: Date,
                                   calendar: Calendar = .current) -> Double {
        targets(history: history, profile: profile, rules: rules, routine: nil, today: day, calendar: calendar).walking.metres
    }
}
