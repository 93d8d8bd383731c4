import FormcheckHistory
import MotionCore

/// The four weekly charts, computed from the sessions.
extension WeeklyChart {
    /// Every Monday from the period's first week to its last.
    static func weeks(_ input: ReportInput) -> [ReportDay] {
        guard let days = input.coveredDays else { return [] }
        var out: [ReportDay] = []
        var w = days.lowerBound.weekStart
        while w <= days.upperBound {
            out.append(w)
            w = w.adding(days: 7)
        }
        return out
    }

    /// Seconds in complete holds per week, per exercise and side (exercises with holds: stretches).
    public static func stretch(_ input: ReportInput) -> WeeklyChart {
        perExercise(input, metric: .stretch, includes: { input.kind(of: $0) == .stretch }) { $0.secondsUnderStretch }
    }

    /// Complete reps per week, per exercise and side (strengthening exercises).
    public static func reps(_ input: ReportInput) -> WeeklyChart {
        perExercise(input, metric: .reps, includes: { input.kind(of: $0) == .strength }) { Double($0.completeReps) }
    }

    /// Metres walked per week against the week's goal (the daily goals of its days in the period).
    public static func walking(_ input: ReportInput) -> WeeklyChart {
        let weeks = weeks(input)
        var goals: [ReportDay: Double] = [:]
        if let days = input.coveredDays {
            for w in weeks {
                goals[w] = (0..<7).map { w.adding(days: $0) }.filter(days.contains).reduce(0) { $0 + input.walkingGoal(on: $1) }
            }
        }
        let bars = weeks.map { w -> Bar in
            let walked = input.sessions.filter { input.day(of: $0).weekStart == w }.flatMap(\.exercises)
                .compactMap { $0.walkedMetres(profile: input.profile) }
            return Bar(week: w, series: "walked", value: walked.reduce(0, +), count: walked.count)
        }
        return WeeklyChart(metric: .walking, weeks: weeks, series: [Series(id: "walked", label: "walked")], bars: bars, goals: goals)
    }

    /// Mean pain before and after, per week, over the sessions that gave it.
    public static func pain(_ input: ReportInput) -> WeeklyChart {
        let weeks = weeks(input)
        let series = [Series(id: "before", label: "pain before"), Series(id: "after", label: "pain after")]
        var bars: [Bar] = []
        for w in weeks {
            let sessions = input.sessions.filter { input.day(of: $0).weekStart == w }
            for (id, values) in [("before", sessions.compactMap(\.painBefore)), ("after", sessions.compactMap(\.painAfter))] where !values.isEmpty {
                bars.append(Bar(week: w, series: id, value: Double(values.reduce(0, +)) / Double(values.count), count: values.count))
            }
        }
        return WeeklyChart(metric: .pain, weeks: weeks, series: series, bars: bars, goals: [:])
    }

    /// A chart with one series per exercise and side among those `includes` takes, summing `value`.
    private static func perExercise(_ input: ReportInput, metric: Metric, includes: (ExerciseRecord) -> Bool,
                                    value: (ExerciseRecord) -> Double) -> WeeklyChart {
        let weeks = weeks(input)
        var keys: [String: Series] = [:]
        var sums: [ReportDay: [String: (Double, Int)]] = [:]
        for s in input.sessions {
            let w = input.day(of: s).weekStart
            for e in s.exercises where includes(e) {
                let id = e.exercise + "/" + e.side.rawValue
                keys[id] = Series(id: id, label: (input.protocols[e.exercise]?.title ?? e.exercise) + ", " + e.side.rawValue)
                let old = sums[w, default: [:]][id] ?? (0, 0)
                sums[w, default: [:]][id] = (old.0 + value(e), old.1 + 1)
            }
        }
        let series = keys.values.sorted { $0.id < $1.id }
        let bars = weeks.flatMap { w in
            series.compactMap { s in sums[w]?[s.id].map { Bar(week: w, series: s.id, value: $0.0, count: $0.1) } }
        }
        return WeeklyChart(metric: metric, weeks: weeks, series: series, bars: bars, goals: [:])
    }
}
