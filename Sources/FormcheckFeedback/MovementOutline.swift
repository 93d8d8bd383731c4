import MotionCore

/// The shape of a finished angle series, as recognition compares it with the protocols: where the
/// thigh rests at first (the baseline), and each excursion away from it — how far it went, how long
/// it stayed near its furthest point, the still stations on the way (a start band, a hold) and the
/// thigh's adduction there. A batch computation over the whole series (replay), not a state
/// machine: it reads the series forwards and backwards (centred rates). Angles in degrees, times in
/// seconds.
public struct MovementOutline: Sendable, Hashable {
    /// Which angle the movement is measured in (MotionCore's: flexion, or abduction = −adduction).
    public typealias Axis = MovementAxis

    /// A still stretch of the series.
    public struct Station: Sendable, Hashable {
        public var start: Double
        public var end: Double
        /// Mean angle on the axis, and mean adduction, degrees.
        public var angle: Double
        public var adduction: Double
        public var duration: Double { end - start }
    }

    /// A movement away from the baseline and back (or to the end of the series).
    public struct Excursion: Sendable, Hashable {
        public var start: Double
        public var end: Double
        /// The angle the excursion left from (the last station near the baseline before it).
        public var from: Double
        /// The adduction there.
        public var fromAdduction: Double
        /// The furthest point, as a signed displacement from `from`.
        public var peak: Double
        /// Seconds within `topBand` of the peak.
        public var topSeconds: Double
        /// The stations during the excursion, in order.
        public var stations: [Station]

        /// The longest station (the hold, when there is one).
        public var longest: Station? { stations.max { $0.duration < $1.duration } }
    }

    /// How the series is cut up (see `RecognitionRules`).
    public struct Parameters: Sendable, Hashable {
        /// Still: the angle's rate below this, °/s.
        public var stillRate: Double
        /// A station lasts at least this long, seconds.
        public var minimumStation: Double
        /// An excursion begins this far from the baseline, degrees.
        public var leaveBand: Double
        /// Near the peak: within this of it, degrees.
        public var topBand: Double
        /// Half the window of the centred rate, seconds.
        public var rateHalfWindow: Double

        public init(stillRate: Double, minimumStation: Double, leaveBand: Double, topBand: Double, rateHalfWindow: Double) {
            self.stillRate = stillRate
            self.minimumStation = minimumStation
            self.leaveBand = leaveBand
            self.topBand = topBand
            self.rateHalfWindow = rateHalfWindow
        }
    }

    public var axis: Axis
    /// The first station's angle (nil: the thigh never kept still), degrees.
    public var baseline: Double?
    public var baselineAdduction = 0.0
    public var stations: [Station] = []
    public var excursions: [Excursion] = []

    public init(_ series: [HipAngleSample], axis: Axis, parameters p: Parameters) {
        self.axis = axis
        let n = series.count
        guard n > 2 else { return }
        let v = series.map { axis.angle($0.angles) }
        let t = series.map(\.time)
        // Centred rate over ±rateHalfWindow.
        var still = [Bool](repeating: false, count: n)
        var lo = 0, hi = 0
        for i in 0..<n {
            while t[i] - t[lo] > p.rateHalfWindow { lo += 1 }
            while hi + 1 < n, t[hi + 1] - t[i] <= p.rateHalfWindow { hi += 1 }
            let dt = t[hi] - t[lo]
            still[i] = dt > 0 && abs(v[hi] - v[lo]) / dt < p.stillRate
        }
        // Stations: runs of still samples lasting `minimumStation`.
        var i = 0
        while i < n {
            guard still[i] else { i += 1; continue }
            var j = i
            while j + 1 < n, still[j + 1] { j += 1 }
            if t[j] - t[i] >= p.minimumStation {
                let k = Double(j - i + 1)
                stations.append(Station(start: t[i], end: t[j], angle: v[i...j].reduce(0, +) / k,
                                        adduction: series[i...j].reduce(0) { $0 + $1.angles.adduction } / k))
            }
            i = j + 1
        }
        guard let first = stations.first else { return }
        baseline = first.angle
        baselineAdduction = first.adduction
        // Excursions: runs beyond `leaveBand` of the baseline, after the first station.
        guard let b = baseline, var k = t.firstIndex(where: { $0 > first.end }) else { return }
        while k < n {
            guard abs(v[k] - b) > p.leaveBand else { k += 1; continue }
            var e = k
            while e + 1 < n, abs(v[e + 1] - b) > p.leaveBand { e += 1 }
            let before = stations.last { $0.end <= t[k] && abs($0.angle - b) <= p.leaveBand }
            let from = before?.angle ?? b
            var peak = 0.0
            for x in v[k...e] where abs(x - from) > abs(peak) { peak = x - from }
            var top = 0.0
            for m in k...e where abs(v[m] - from - peak) <= p.topBand {
                top += (m + 1 < n ? t[m + 1] : t[m]) - t[m]
            }
            let inside = stations.filter { $0.end > t[k] && $0.start < t[e] }
            excursions.append(Excursion(start: t[k], end: t[e], from: from, fromAdduction: before?.adduction ?? baselineAdduction,
                                        peak: peak, topSeconds: top, stations: inside))
            k = e + 1
        }
    }
}
