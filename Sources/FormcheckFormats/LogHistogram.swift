import Glibc

/// Counts positive values in logarithmic bins (0.002 decades, about 0.5 % wide, from 10⁻⁶ to 10⁸),
/// so the quantiles of a stream are known to within a bin in fixed memory. Zero and negative
/// values go to the lowest bin.
struct LogHistogram: Sendable {
    static let lowestExponent = -6.0
    static let binsPerDecade = 500.0
    static let binCount = 14 * 500
    private var bins = [Int](repeating: 0, count: LogHistogram.binCount)
    private(set) var count = 0

    mutating func add(_ x: Double) {
        var i = 0
        if x > 0 { i = Int(((log10(x) - Self.lowestExponent) * Self.binsPerDecade).rounded(.down)) }
        bins[min(max(i, 0), Self.binCount - 1)] += 1
        count += 1
    }

    /// The value below which the fraction `q` (0…1) of the values lie (the bin's geometric centre);
    /// nil when empty.
    func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let target = max(1, Int((q * Double(count)).rounded(.up)))
        var seen = 0
        for (i, n) in bins.enumerated() {
            seen += n
            if seen >= target { return pow(10, Self.lowestExponent + (Double(i) + 0.5) / Self.binsPerDecade) }
        }
        return nil
    }
}
