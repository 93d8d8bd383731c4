/// The nominal sample period of a stream: the median of its first 15 intervals between 0.1 ms and
/// 0.1 s (longer ones are gaps, shorter ones duplicates). Allocation-free.
struct SamplePeriodEstimator: Sendable {
    static let intervalsUsed = 15
    static let shortest = 1e-4
    static let longest = 0.1

    /// The intervals seen so far, sorted ascending in the first `count` lanes.
    private var sorted = SIMD16<Double>(repeating: 0)
    private(set) var count = 0

    /// True once `intervalsUsed` intervals have been seen: the estimate no longer changes.
    var isSettled: Bool { count >= Self.intervalsUsed }

    /// The current estimate in seconds, nil before the first interval.
    var period: Double? { count == 0 ? nil : sorted[count / 2] }

    /// Takes one interval (s); returns true when the estimate changed.
    mutating func observe(_ interval: Double) -> Bool {
        guard !isSettled, interval >= Self.shortest, interval <= Self.longest else { return false }
        let before = period
        var i = count
        while i > 0 && sorted[i - 1] > interval {
            sorted[i] = sorted[i - 1]
            i -= 1
        }
        sorted[i] = interval
        count += 1
        return period != before
    }
}
