import FormcheckFeedback
import Foundation

extension DailyTargets {
    /// For people: the plan and its week, the walk (distance, time, goal) and each exercise's dose,
    /// each with its reason (`CueCatalogue.plan`). Dates as YYYY-MM-DD in `calendar`.
    public func text(rules: PlanRules, calendar: Calendar = .current) -> String {
        let words = CueCatalogue.english
        func date(_ d: Date) -> String {
            let c = calendar.dateComponents([.year, .month, .day], from: d)
            return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        }
        var lines: [String] = []
        if let week, let firstDay {
            lines.append("plan      \(plan), week \(week) (it began \(date(firstDay))); today \(date(day))")
        } else {
            lines.append("plan      \(plan), the starting plan: no sessions in the history before \(date(day))")
        }
        let w = walking
        let pace = DecimalText.fixed(w.pace, 2) + " m/s" + (w.paceMeasured ? ", your pace last week" : "")
        lines.append("walking   \(words.distance(w.metres, unit: unit)) (\(DecimalText.fixed(w.metres, 0)) m), about \(w.minutes) min at \(pace); "
                     + "goal \(words.distance(w.goalMetres, unit: unit)) a day")
        lines.append("          " + words.plan(w.reason, .walking(unit), rules: rules))
        if let routine { lines.append("routine   \(routine)") }
        let width = exercises.map(\.exercise.count).max() ?? 0
        for e in exercises {
            let name = e.exercise.padding(toLength: width, withPad: " ", startingAt: 0)
            switch e.kind {
            case .stretch:
                let dose = "\(e.holds ?? 1) × \(DecimalText.trimmed(e.holdSeconds ?? 0, 1)) s"
                lines.append("  \(name)  \(dose.padding(toLength: 13, withPad: " ", startingAt: 0))\(words.plan(e.reason, .hold, rules: rules))")
            case .strength:
                let dose = "\(e.sets ?? 1) × \(e.perSet ?? 0) reps"
                lines.append("  \(name)  \(dose.padding(toLength: 13, withPad: " ", startingAt: 0))\(words.plan(e.reason, .reps, rules: rules))")
            case .walk:
                break
            }
        }
        return lines.joined(separator: "\n")
    }
}
