import MotionCore

/// The two sensors' readings in one stream, in the order of their times on the pair's clock, as
/// they arrive: a reading is held until the other sensor has passed its time (its readings come in
/// order), so a live run takes them in the order a replay of its recordings does. A sensor that
/// falls silent (out of range, unplugged) holds the other's readings back `maxWait` seconds of
/// that other's time at most; one known gone (`sideGone`) holds nothing back until it is back.
public struct PairedReadingMerge: Sendable {
    /// How far a reading may be ahead of the silent sensor's last before it goes on alone, seconds.
    public let maxWait: Double
    private var left: [PairedReading] = []
    private var right: [PairedReading] = []
    /// The newest time each side has given.
    private var newestLeft: Double?
    private var newestRight: Double?
    private var gone: Set<Side> = []

    public init(maxWait: Double = 0.5) {
        self.maxWait = maxWait
    }

    /// Readings held, both sides.
    public var heldCount: Int { left.count + right.count }

    /// A reading comes in; the readings that can go, in order.
    public mutating func push(_ r: PairedReading) -> [PairedReading] {
        if let t = r.time {
            if r.side == .left { newestLeft = max(newestLeft ?? t, t) } else { newestRight = max(newestRight ?? t, t) }
        }
        if r.side == .left { left.append(r) } else { right.append(r) }
        return release(all: false)
    }

    /// `side`'s sensor is gone: the other's readings no longer wait for it.
    public mutating func sideGone(_ side: Side) -> [PairedReading] {
        gone.insert(side)
        return release(all: false)
    }

    /// `side`'s sensor is back: it is waited for again.
    public mutating func sideBack(_ side: Side) {
        gone.remove(side)
    }

    /// The end: every reading held, in order.
    public mutating func flush() -> [PairedReading] {
        release(all: true)
    }

    private mutating func release(all: Bool) -> [PairedReading] {
        var out: [PairedReading] = []
        var i = 0, j = 0
        while true {
            let l = i < left.count ? left[i] : nil
            let r = j < right.count ? right[j] : nil
            if let l, let r {
                if Self.before(r, l) {
                    out.append(r)
                    j += 1
                } else {
                    out.append(l)
                    i += 1
                }
            } else if let l {
                guard all || mayGo(l, ownNewest: newestLeft, otherNewest: newestRight, other: .right) else { break }
                out.append(l)
                i += 1
            } else if let r {
                guard all || mayGo(r, ownNewest: newestRight, otherNewest: newestLeft, other: .left) else { break }
                out.append(r)
                j += 1
            } else {
                break
            }
        }
        left.removeFirst(i)
        right.removeFirst(j)
        return out
    }

    /// True when `a` goes before `b` (the left first on a tie; a reading without a time at once).
    private static func before(_ a: PairedReading, _ b: PairedReading) -> Bool {
        guard let ta = a.time else { return true }
        guard let tb = b.time else { return false }
        return ta < tb || (ta == tb && a.side == .left)
    }

    /// A reading may go without the other side's next: it is no later than what the other side
    /// has already given, the other side is gone, or its own side has gone on `maxWait` past it
    /// (the other has been silent that long).
    private func mayGo(_ x: PairedReading, ownNewest: Double?, otherNewest: Double?, other: Side) -> Bool {
        guard let t = x.time else { return true }
        if gone.contains(other) { return true }
        if let n = otherNewest, t <= n { return true }
        return (ownNewest ?? t) - t > maxWait
    }

    /// Two recordings' readings (each in its own order) in one stream, in the order a live run
    /// takes them (`push` with neither sensor silent).
    public static func merged(_ a: [PairedReading], _ b: [PairedReading]) -> [PairedReading] {
        var out: [PairedReading] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j >= b.count || (i < a.count && !before(b[j], a[i])) {
                out.append(a[i])
                i += 1
            } else {
                out.append(b[j])
                j += 1
            }
        }
        return out
    }
}
