/// The thigh's flexion sampled at a fixed rate, for drawing: `flexion[i]` is at
/// `start + Double(i) / rate` seconds on the session's clock. Degrees, -90…180; NaN where the
/// angle was not known (before calibration, in a gap).
public struct AngleTrace: Sendable, Hashable, Codable {
    /// Seconds on the session's clock of the first value.
    public var start: Double
    /// Values per second (Hz), > 0.
    public var rate: Double
    /// Flexion, degrees (NaN: unknown).
    public var flexion: [Float]

    public init(start: Double, rate: Double, flexion: [Float]) {
        self.start = start
        self.rate = rate
        self.flexion = flexion
    }

    /// Seconds on the session's clock just past the last value.
    public var end: Double { start + Double(flexion.count) / rate }
}
