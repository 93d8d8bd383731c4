import MotionCore

/// What `formcheck inspect` reports about a recording: device, timing, gaps, anomalies, units,
/// and the motion it holds (gravity at start and end, rotation integrated from the gyroscope).
public struct RecordingSummary: Sendable {
    public struct Gap: Sendable, Hashable {
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
    public var statistics: DecoderStatistics?
    /// Mean specific force over the first and last `stillWindow` seconds, m/s².
    public var gravityAtStart: Vector3?
    public var gravityAtEnd: Vector3?
    /// Rotation from the last sample's sensor frame to the first's, integrated from the gyroscope.
    public var rotation: Quaternion
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
        anomalies = stats?.anomalies ?? []
        if let d = recording.description {
            clockModel = SampleClock.Model(for: d)
            scale = try SensorScale(for: d, path: recording.path)
        }
        var samples: [IMUSample] = []
        samples.reserveCapacity(readings.count)
        for case .sample(let s) in readings { samples.append(s) }
        self.samples = samples.count
        let t0 = samples.first?.time ?? 0
        duration = (samples.last?.time ?? t0) - t0

        var periods: [Double] = []
        periods.reserveCapacity(samples.count)
        for i in samples.indices.dropFirst() { periods.append(samples[i].time - samples[i - 1].time) }
        periods.sort()
        medianPeriod = periods.isEmpty ? nil : periods[periods.count / 2]
        minPeriod = periods.first
        maxPeriod = periods.last

        let median = medianPeriod
        gaps = (stats?.drops ?? []).map { d in
            let after = d.after.map { $0 - t0 }
            let resumed = d.resumed.map { $0 - t0 }
            var missing: Int?
            if let a = after, let r = resumed, let m = median, m > 0 { missing = max(0, Int(((r - a) / m).rounded()) - 1) }
            return Gap(line: d.line, after: after, resumed: resumed, missingSamples: missing)
        }

        func meanAcceleration(_ slice: ArraySlice<IMUSample>) -> Vector3? {
            guard !slice.isEmpty else { return nil }
            var sum = Vector3.zero
            for s in slice { sum += s.acceleration }
            return sum / Double(slice.count)
        }
        let endTime = samples.last?.time ?? 0
        gravityAtStart = meanAcceleration(samples.prefix { $0.time - t0 <= Self.stillWindow }[...])
        gravityAtEnd = meanAcceleration(samples.suffix(from: samples.firstIndex { endTime - $0.time <= Self.stillWindow } ?? samples.endIndex))

        var integrator = GyroIntegrator()
        var peakA = 0.0
        var peakW = 0.0
        for s in samples {
            integrator.add(s)
            peakA = max(peakA, s.acceleration.norm)
            peakW = max(peakW, s.angularVelocity.norm)
        }
        rotation = integrator.rotation
        peakAcceleration = peakA
        peakAngularRate = peakW
    }
}
