/// The uniform sample clock fitted to a CSV file's times (`CSVClockFitter`): one period for the
/// whole file, one start per run of rows between real gaps, and what the times looked like.
struct CSVClock: Sendable, Hashable {
    struct Run: Sendable, Hashable {
        /// 0-based index of the run's first data row, and its file line.
        var firstRow: Int
        var line: Int
        /// Fitted time of row 0 on this run's clock, seconds: row i is at `intercept + period · i`.
        var intercept: Double
    }

    /// Fitted sample period, seconds.
    var period: Double
    var runs: [Run]
    var rows: Int
    /// Rows whose time equals the previous row's.
    var repeats = 0
    /// Rows whose time is before the previous row's (by less than the gap threshold).
    var backwards = 0
    /// Other rows whose step from the previous row is off the period by more than half a period.
    var jittered = 0
    /// Jumps beyond the gap threshold after which the rows caught up with the clock (delivery delays).
    var delays = 0
    var largestDelay = 0.0

    /// True when the times are not a usable clock as they are: some do not increase, or more than
    /// 1 % of the steps are off the period by more than half of it.
    var needsRetiming: Bool {
        rows > 1 && (repeats + backwards > 0 || jittered * 100 > rows - 1)
    }

    /// The real gaps: the runs after the first.
    var gaps: ArraySlice<Run> { runs.dropFirst() }

    /// Fitted time of a row of `run`, seconds.
    func time(row: Int, run: Int) -> Double {
        runs[run].intercept + period * Double(row)
    }
}
