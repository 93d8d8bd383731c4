import FormcheckFormats
import MotionCore

/// A reading of one sensor of a pair (one on each thigh), as `PairedRoutineSession` takes it: the
/// reading on the sensor's own clock — what a session of that sensor alone would see, so each leg
/// is coached exactly as it would be alone — and its time on the pair's shared clock (the kernel's,
/// `KernelClockOffset`), which orders the two sensors' readings and times the routine.
public struct PairedReading: Sendable, Hashable {
    /// The thigh the sensor is on.
    public var side: Side
    /// The reading, times on the sensor's own clock (seconds).
    public var reading: SensorReading
    /// Seconds from the sensor's clock to the pair's at this reading.
    public var offset: Double
    /// On the pair's clock, seconds: a sample's time; a gap's, that of the side's last sample
    /// before it (nil before any). Never decreases along one side.
    public var time: Double?

    public init(side: Side, reading: SensorReading, offset: Double, time: Double?) {
        self.side = side
        self.reading = reading
        self.offset = offset
        self.time = time
    }
}
