/// The smallest and the largest value of each of six components — angular rate x, y, z (rad/s) and
/// specific force x, y, z (m/s²) — over a sliding window of samples: monotonic queues of (sample
/// number, value), amortised O(1) a sample. Samples are numbered as pushed; the window is every
/// sample from `dropBefore`'s number on. Exact: the extremes are the samples' own values.
struct SlidingExtremes: Sendable {
    private struct Queue: Sendable {
        var items: [(number: Int, value: Double)] = []
        var front = 0

        /// Appends `value`, first dropping from the back every value it makes irrelevant (one not
        /// above it for a maximum, not below it for a minimum: it leaves the window before `value`).
        mutating func push(_ number: Int, _ value: Double, maximum: Bool) {
            while items.count > front, maximum ? items[items.count - 1].value <= value : items[items.count - 1].value >= value {
                items.removeLast()
            }
            items.append((number, value))
        }

        mutating func drop(before number: Int) {
            while front < items.count, items[front].number < number { front += 1 }
            if front > 64, front * 2 > items.count {
                items.removeFirst(front)
                front = 0
            }
        }

        var first: Double { items[front].value }
    }

    private var maxima = [Queue](repeating: Queue(), count: 6)
    private var minima = [Queue](repeating: Queue(), count: 6)
    /// The number of the last sample with a component that is not finite (NaN, ±∞), whose
    /// comparisons order nothing; nil: none yet.
    private var lastNonFinite: Int?
    private var start = 0

    /// Adds sample `number` (numbers increase by one a sample).
    mutating func push(_ number: Int, _ s: IMUSample) {
        let values = SIMD8<Double>(s.angularVelocity.x, s.angularVelocity.y, s.angularVelocity.z,
                                   s.acceleration.x, s.acceleration.y, s.acceleration.z, 0, 0)
        for k in 0..<6 {
            let v = values[k]
            if !v.isFinite { lastNonFinite = number }
            maxima[k].push(number, v, maximum: true)
            minima[k].push(number, v, maximum: false)
        }
    }

    /// The window now starts at sample `number`.
    mutating func drop(before number: Int) {
        start = number
        for k in 0..<6 {
            maxima[k].drop(before: number)
            minima[k].drop(before: number)
        }
    }

    /// Empties the window (a gap); numbering goes on.
    mutating func removeAll() {
        maxima = [Queue](repeating: Queue(), count: 6)
        minima = maxima
        lastNonFinite = nil
    }

    /// Whether every value in the window is finite (then `minimum` and `maximum` are exact).
    var isFinite: Bool { lastNonFinite.map { $0 < start } ?? true }

    /// Smallest value of component `k` (0–2 angular rate, 3–5 specific force) in the window; the
    /// window must not be empty.
    func minimum(_ k: Int) -> Double { minima[k].first }

    /// Largest value of component `k` in the window; the window must not be empty.
    func maximum(_ k: Int) -> Double { maxima[k].first }
}
