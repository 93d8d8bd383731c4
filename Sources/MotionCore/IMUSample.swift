/// One accelerometer + gyroscope reading in SI units, in the sensor's own frame.
public struct IMUSample: Sendable, Hashable {
    /// Seconds on the source's monotonic clock (device timestamps where the device has them).
    /// Only differences matter; a file's first sample need not be at 0.
    public var time: Double
    /// Specific force in m/s² (reads about +9.81 on the axis pointing up at rest).
    public var acceleration: Vector3
    /// Angular rate in rad/s, right-handed about the sensor axes.
    public var angularVelocity: Vector3

    @inlinable
    public init(time: Double, acceleration: Vector3, angularVelocity: Vector3) {
        self.time = time
        self.acceleration = acceleration
        self.angularVelocity = angularVelocity
    }
}
