/// The smallest and the largest value of each of six components — angular rate x, y, z (rad/s) and
/// specific force x, y, z (m/s²) — over a sliding window of samples, amortised O(1) a sample.
/// Samples are numbered as pushed; the window is every sample from `dropBefore`'s number on.
/// Exact: the extremes are the samples' own values (a minimum or maximum does not depend on the
/// order it is taken in).
///
/// A queue made of two stacks, the six components side by side in one `SIMD8` (lanes 6 and 7
/// unused): the window's older part, `entries[head..<split]`, carries each entry's extremes of it
/// and everything after it up to `split` (its suffix extremes); the newer part, from `split` on,
/// only the running extremes of all of it (`backMinimum`, `backMaximum`). The window's extremes
/// are those of `entries[head]`'s suffix and of the newer part. When the older part runs out, the
/// newer becomes it: its suffix extremes are taken once, newest to oldest. Each sample costs a few
/// vector minima and maxima — twelve monotonic queues of (number, value) in nested arrays cost
/// 14 % of a replay before (perf, issue 14).
struct SlidingExtremes: Sendable {
    private struct Entry: Sendable {
        var value: SIMD8<Double>
        /// Extremes of this entry and the ones after it up to `split` (set when it became older).
        var minimum: SIMD8<Double>
        var maximum: SIMD8<Double>
    }

    private var entries: [Entry] = []
    /// The number of `entries[0]`.
    private var first = 0
    /// Index of the window's first entry, and of the first entry of its newer part.
    private var head = 0
    private var split = 0
    private var backMinimum = SIMD8<Double>(repeating: .infinity)
    private var backMaximum = SIMD8<Double>(repeating: -.infinity)
    /// The number of the last sample with a component that is not finite (NaN, ±∞), whose
    /// comparisons order nothing; nil: none yet.
    private var lastNonFinite: Int?
    private var start = 0

    init() {}

    /// Adds sample `number` (numbers increase by one a sample).
    mutating func push(_ number: Int, _ s: IMUSample) {
        let v = SIMD8<Double>(s.angularVelocity.x, s.angularVelocity.y, s.angularVelocity.z,
                              s.acceleration.x, s.acceleration.y, s.acceleration.z, 0, 0)
        if !(s.angularVelocity.isFinite && s.acceleration.isFinite) { lastNonFinite = number }
        if entries.isEmpty {
            first = number
            head = 0
            split = 0
        }
        entries.append(Entry(value: v, minimum: v, maximum: v))
        backMinimum = Self.lanewiseMinimum(backMinimum, v)
        backMaximum = Self.lanewiseMaximum(backMaximum, v)
    }

    /// The window now starts at sample `number`.
    mutating func drop(before number: Int) {
        start = number
        head = min(max(head, number - first), entries.count)
        if head >= split { turnOver() }
        // Entries before the window go in chunks, so a sample costs no array shift.
        if head > 1024 && head * 2 > entries.count {
            entries.removeFirst(head)
            first += head
            split -= head
            head = 0
        }
    }

    /// The older part has run out (or the window starts inside the newer one): the window becomes
    /// the older part, its suffix extremes taken newest to oldest; the newer part is empty.
    private mutating func turnOver() {
        let end = entries.count
        entries.withUnsafeMutableBufferPointer { e in
            var lo = SIMD8<Double>(repeating: .infinity), hi = SIMD8<Double>(repeating: -.infinity)
            var i = end
            while i > head {
                i -= 1
                lo = Self.lanewiseMinimum(lo, e[i].value)
                hi = Self.lanewiseMaximum(hi, e[i].value)
                e[i].minimum = lo
                e[i].maximum = hi
            }
        }
        split = end
        backMinimum = SIMD8(repeating: .infinity)
        backMaximum = SIMD8(repeating: -.infinity)
    }

    /// Empties the window (a gap); numbering goes on.
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        head = 0
        split = 0
        backMinimum = SIMD8(repeating: .infinity)
        backMaximum = SIMD8(repeating: -.infinity)
        lastNonFinite = nil
    }

    /// Whether every value in the window is finite (then `minimum` and `maximum` are exact).
    var isFinite: Bool { lastNonFinite.map { $0 < start } ?? true }

    /// Smallest value of component `k` (0–2 angular rate, 3–5 specific force) in the window; the
    /// window must not be empty.
    func minimum(_ k: Int) -> Double { minima[k] }

    /// Largest value of component `k` in the window; the window must not be empty.
    func maximum(_ k: Int) -> Double { maxima[k] }

    /// The six smallest values (lanes 0–5) in the window; the window must not be empty.
    var minima: SIMD8<Double> { head < split ? Self.lanewiseMinimum(entries[head].minimum, backMinimum) : backMinimum }

    /// The six largest values (lanes 0–5) in the window; the window must not be empty.
    var maxima: SIMD8<Double> { head < split ? Self.lanewiseMaximum(entries[head].maximum, backMaximum) : backMaximum }

    /// The smaller of each pair of lanes (`pointwiseMin`, which the optimiser left as a call: 4 %
    /// of a replay, perf). With a NaN either may come out; a window holding one is not read
    /// (`isFinite`), and the turn-over takes its extremes again once it has left.
    @inline(__always)
    private static func lanewiseMinimum(_ a: SIMD8<Double>, _ b: SIMD8<Double>) -> SIMD8<Double> {
        SIMD8(b[0] < a[0] ? b[0] : a[0], b[1] < a[1] ? b[1] : a[1], b[2] < a[2] ? b[2] : a[2], b[3] < a[3] ? b[3] : a[3],
              b[4] < a[4] ? b[4] : a[4], b[5] < a[5] ? b[5] : a[5], b[6] < a[6] ? b[6] : a[6], b[7] < a[7] ? b[7] : a[7])
    }

    /// The larger of each pair of lanes (see `lanewiseMinimum`).
    @inline(__always)
    private static func lanewiseMaximum(_ a: SIMD8<Double>, _ b: SIMD8<Double>) -> SIMD8<Double> {
        SIMD8(b[0] > a[0] ? b[0] : a[0], b[1] > a[1] ? b[1] : a[1], b[2] > a[2] ? b[2] : a[2], b[3] > a[3] ? b[3] : a[3],
              b[4] > a[4] ? b[4] : a[4], b[5] > a[5] ? b[5] : a[5], b[6] > a[6] ? b[6] : a[6], b[7] > a[7] ? b[7] : a[7])
    }
}
