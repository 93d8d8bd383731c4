/// A stretch of one kind of gait without a pause: its time, its steps and their rate, and (level
/// walking, with a leg length) the distance covered.
public struct GaitBout: Sendable, Hashable, Codable {
    /// `.walking`, `.stairs` or `.running`.
    public var activity: Activity
    /// When its first swing began, seconds on the samples' clock.
    public var start: Double
    /// When its last swing peaked, seconds.
    public var end: Double
    /// Swings of the sensor's thigh: one per stride.
    public var strides: Int
    /// Time in gait, seconds: strides × the mean stride period.
    public var seconds: Double
    /// Metres (level walking with a known leg length; nil otherwise), see `StrideLengthModel`.
    public var distance: Double?

    public init(activity: Activity, start: Double, end: Double, strides: Int, seconds: Double, distance: Double?) {
        self.activity = activity
        self.start = start
        self.end = end
        self.strides = strides
        self.seconds = seconds
        self.distance = distance
    }

    /// One thigh sees every other step: steps = 2 × strides.
    public var steps: Int { 2 * strides }

    /// Steps per minute (nil for a bout too short to time).
    public var cadence: Double? { seconds > 0 ? 60 * Double(steps) / seconds : nil }
}
