import MotionCore

/// What `formcheck inspect` reports about a recording: device, timing, gaps, anomalies, units,
/// and the motion it holds (gravity at start and end, rotation integrated from the gyroscope).
public struct RecordingSummary: Sendable {
    public struct Gap: Sendable, Hashable {
        /// Why samples are missing: SYN_DROPPED (evemu) or a jump in a CSV file's times.
        public var reason: SampleGap.Reason = .synDropped
        /// File line of the SYN_DROPPED (evemu).
        public var line: Int?
        /// Seconds since the first sample: last sample before and first after the gap.
        public var after: Double?
        public var resumed: Double?
        /// Samples the gap swallowed, estimated from the typical sample period.
        public var missingSamples: Int?
    }

    public var path: String
    public var format: Recording.Format
    public var device: DeviceDescription?
    public var clockModel: SampleClock.Model?
    public var scale: SensorScale?
    public var samples: Int
    /// Seconds from the first to the last sample.
    public var duration: Double
    /// Median sample period in seconds, and the rate it gives in Hz.
    public var medianPeriod: Double?
    public var sampleRate: Double? { medianPeriod.map { 1 / $0 } }
    public var minPeriod: Double?
    public var maxPeriod: Double?
    public var gaps: [Gap]
    public var anomalies: [DecoderStatistics.Anomaly]
    /// Time of the first sample (seconds, on the decoder's time line): what the gaps' and the
    /// session's times count from.
    public var startTime: Double
    public var statistics: DecoderStatistics?
    /// CSV: the units the file was read in and how each was settled.
    public var csvUnits: CSVUnitReport?
    /// What reading the file involved that its user should know (`Recording.warnings`).
    public var warnings: [String]
    /// Mean specific force over the first and last `stillWindow` seconds, m/s².
    public var gravityAtStart: Vector3?
    public var gravityAtEnd: Vector3?
    /// Rotation from the last sample's sensor frame to the first's, integrated from the gyroscope
    /// with `gyroBias` removed.
    public var rotation: Quaternion
    /// The same without removing the bias.
    public var rotationWithBias: Quaternion
    /// The gyroscope bias over the file's still periods (nil: no still period to take it from).
    public var gyroBias: RestGyroBias?
    /// Largest |acceleration| (m/s²) and |angular rate| (rad/s) seen.
    public var peakAcceleration: Double
    public var peakAngularRate: Double

    /// How long a stretch the gravity estimates at start and end average over, seconds.
    public static let stillWindow = 0.2

    public init(recording: Recording) throws(InputError) {
        let (readings, stats) = try recording.readAll()
        path = recording.path
        format = recording.format
        device = recording.description
        statistics = stats
        csvUnits = recording.csvUnits
        warnings = recording.warnings
        anomalies = stats?.anomalies ?? []
        if let d = recording.description {
            clockModel = SampleClock.Model(for: d)
            scale = try SensorScale(for: d, path: recording.path)
        }
        // The samples are read from `readings` where they are (no second array of them).
        var count = 0
        var first: IMUSample?
        var last: IMUSample?
        var periods: [Double] = []
        periods.reserveCapacity(readings.count)
        for case .sample(let s) in readings {
            if let l = last { periods.append(s.time - l.time) } else { first = s }
            last = s
            count += 1
        }
        self.samples = count
        let t0 = first?.time ?? 0
        startTime = t0
        duration = (last?.time ?? t0) - t0

        periods.sort()
        medianPeriod = periods.isEmpty ? nil : periods[periods.count / 2]
        minPeriod = periods.first
        maxPeriod = periods.last
        periods = []

        let median = medianPeriod
        func gap(_ reason: SampleGap.Reason, line: Int?, after: Double?, resumed: Double?) -> Gap {
            var missing: Int?
            if let a = after, let r = resumed, let m = median, m > 0 { missing = max(0, Int(((r - a) / m).rounded()) - 1) }
            return Gap(reason: reason, line: line, after: after, resumed: resumed, missingSamples: missing)
        }
        if let drops = stats?.drops {
            gaps = drops.map { gap(.synDropped, line: $0.line, after: $0.after.map { $0 - t0 }, resumed: $0.resumed.map { $0 - t0 }) }
        } else {
            // CSV: the gap markers in the stream, each resumed at the sample after it.
            var found: [Gap] = []
            var open: SampleGap?
            for r in readings {
                switch r {
                case .gap(let g): open = g
                case .sample(let s):
                    if let g = open { found.append(gap(g.reason, line: nil, after: g.after.map { $0 - t0 }, resumed: s.time - t0)) }
                    open = nil
                }
            }
            if let g = open { found.append(gap(g.reason, line: nil, after: g.after.map { $0 - t0 }, resumed: nil)) }
            gaps = found
        }

        // Mean specific force over the first and the last `stillWindow` seconds.
        let endTime = last?.time ?? 0
        var startSum = Vector3.zero, endSum = Vector3.zero
        var startCount = 0, endCount = 0
        var inStart = true
        for case .sample(let s) in readings {
            if inStart, s.time - t0 <= Self.stillWindow {
                startSum += s.acceleration
                startCount += 1
            } else {
                inStart = false
            }
            if endCount > 0 || endTime - s.time <= Self.stillWindow {
                endSum += s.acceleration
                endCount += 1
            }
        }
        gravityAtStart = startCount > 0 ? startSum / Double(startCount) : nil
        gravityAtEnd = endCount > 0 ? endSum / Double(endCount) : nil

        let bias = RestGyroBias.estimate(readings)
        gyroBias = bias
        let b = bias?.bias ?? .zero
        var raw = GyroIntegrator()
        var corrected = GyroIntegrator()
        var peakA = 0.0
        var peakW = 0.0
        for case .sample(let s) in readings {
            raw.add(s)
            corrected.add(IMUSample(time: s.time, acceleration: s.acceleration, angularVelocity: s.angularVelocity - b))
            peakA = max(peakA, s.acceleration.norm)
            peakW = max(peakW, s.angularVelocity.norm)
        }
        rotation = corrected.rotation
        rotationWithBias = raw.rotation
        peakAcceleration = peakA
        peakAngularRate = peakW
    }
}
