/// Hip angles at one sample time.
public struct HipAngleSample: Sendable, Hashable {
    /// Seconds, on the samples' clock.
    public var time: Double
    /// Degrees (see `HipAngles`).
    public var angles: HipAngles

    @inlinable
    public init(time: Double, angles: HipAngles) {
        self.time = time
        self.angles = angles
    }
}
