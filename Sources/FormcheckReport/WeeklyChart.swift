/// One of the report's weekly charts as figures: for every week (Monday to Sunday) of the period,
/// a bar per series that has something that week. What the SVG draws and what its data attributes
/// say (`class="week-bar" data-chart data-week data-series data-value`).
public struct WeeklyChart: Sendable, Hashable {
    public enum Metric: String, Sendable, Hashable, CaseIterable {
        /// Seconds in complete holds, per exercise and side.
        case stretch
        /// Complete reps, per exercise and side.
        case reps
        /// Metres walked (one series, against the week's goal).
        case walking
        /// Mean pain 0–10 before and after the sessions that gave it (two series).
        case pain
    }

    /// One bar.
    public struct Bar: Sendable, Hashable {
        /// The week's Monday.
        public var week: ReportDay
        /// The series' id (`piriformis/right`, `walked`, `before`, `after`).
        public var series: String
        /// Seconds, reps, metres or pain (0–10), as `metric` says.
        public var value: Double
        /// How many exercises (or sessions, for pain) the value is made of.
        public var count: Int
    }

    /// A series: its id and its label in the legend.
    public struct Series: Sendable, Hashable {
        public var id: String
        public var label: String
    }

    public var metric: Metric
    /// Every week of the period, oldest first (Mondays).
    public var weeks: [ReportDay]
    /// In legend order.
    public var series: [Series]
    /// Week by week, in `series` order within a week.
    public var bars: [Bar]
    /// Walking: each week's goal, metres — the sum of the daily goals of its days within the period.
    public var goals: [ReportDay: Double]

    /// The bar of `series` in `week` (nil: nothing that week).
    public func bar(week: ReportDay, series: String) -> Bar? {
        bars.first { $0.week == week && $0.series == series }
    }

    /// The largest value, with the goals (0 when there is nothing).
    var maximum: Double {
        max(bars.map(\.value).max() ?? 0, goals.values.max() ?? 0)
    }
}
