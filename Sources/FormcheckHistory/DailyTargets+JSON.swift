import FormcheckFeedback
import Foundation

extension DailyTargets {
    /// The targets as JSON (`formcheck plan --format json`), one line, keys sorted: `day` (YYYY-MM-DD), `week` (null: the
    /// starting plan), `firstDay`, `plan`, `routine`, `unit`; `walking` with `metres` and
    /// `goalMetres` (0.1 m), `minutes`, `metresPerSecond` (0.01), `paceMeasured`, `reason`;
    /// `exercises`, each with `exercise`, `kind`, its dose (`holds`, `holdSeconds`; `sets`,
    /// `perSet`, `restSeconds`) and `reason`. The reasons are the text's words.
    public func json(rules: PlanRules, calendar: Calendar = .current) -> String {
        let words = CueCatalogue.english
        func date(_ d: Date) -> JSONValue {
            let c = calendar.dateComponents([.year, .month, .day], from: d)
            return .string(String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0))
        }
        let w = walking
        let walk: JSONValue = .sortedObject([
            "metres": .number(w.metres, decimals: 1),
            "goalMetres": .number(w.goalMetres, decimals: 1),
            "minutes": .integer(w.minutes),
            "metresPerSecond": .number(w.pace, decimals: 2),
            "paceMeasured": .bool(w.paceMeasured),
            "reason": .string(words.plan(w.reason, .walking(unit), rules: rules)),
        ])
        let items: [JSONValue] = exercises.map { e in
            var members: [String: JSONValue] = ["exercise": .string(e.exercise), "kind": .string(e.kind.rawValue)]
            switch e.kind {
            case .stretch:
                members["holds"] = .integer(e.holds ?? 1)
                members["holdSeconds"] = .number(e.holdSeconds ?? 0, decimals: 1)
                members["reason"] = .string(words.plan(e.reason, .hold, rules: rules))
            case .strength:
                members["sets"] = .integer(e.sets ?? 1)
                members["perSet"] = .integer(e.perSet ?? 0)
                members["restSeconds"] = .number(e.restSeconds ?? 0, decimals: 1)
                members["reason"] = .string(words.plan(e.reason, .reps, rules: rules))
            case .walk:
                break
            }
            return .sortedObject(members)
        }
        return JSONValue.sortedObject([
            "day": date(day),
            "week": week.map { .integer($0) } ?? .null,
            "firstDay": firstDay.map(date) ?? .null,
            "plan": .string(plan),
            "routine": routine.map { .string($0) } ?? .null,
            "unit": .string(unit.rawValue),
            "walking": walk,
            "exercises": .array(items),
        ]).compactText
    }
}
