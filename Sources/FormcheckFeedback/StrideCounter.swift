/// Counts strides from the thigh's flexion while walking: one swing forward (a flexion maximum) per
/// stride, found with hysteresis so the small first and last swings of a walk still count. One thigh
/// sensor sees every other step: steps = 2 × strides.
public struct StrideCounter: Sendable {
    /// A maximum counts once flexion has fallen this far below it, degrees.
    public let hysteresis: Double
    private var rising = true
    private var extreme: Double?
    public private(set) var peakTimes: [Double] = []

    public init(hysteresis: Double = 2.5) {
        self.hysteresis = hysteresis
    }

    public var strides: Int { peakTimes.count }
    public var steps: Int { 2 * strides }

    /// Steps per minute from the stride period over the walk (nil before two strides).
    public var cadence: Double? {
        guard let first = peakTimes.first, let last = peakTimes.last, peakTimes.count >= 2, last > first else { return nil }
        return 120 * Double(peakTimes.count - 1) / (last - first)
    }

    /// - Returns: true when this sample completed a stride.
    public mutating func update(time t: Double, flexion x: Double) -> Bool {
        guard let e = extreme else {
            extreme = x
            return false
        }
        if rising {
            if x > e { extreme = x; lastPeakTime = t; return false }
            if e - x >= hysteresis {
                peakTimes.append(lastPeakTime ?? t)
                rising = false
                extreme = x
                return true
            }
        } else {
            if x < e { extreme = x; return false }
            if x - e >= hysteresis {
                rising = true
                extreme = x
                lastPeakTime = t
            }
        }
        return false
    }

    private var lastPeakTime: Double?
}
