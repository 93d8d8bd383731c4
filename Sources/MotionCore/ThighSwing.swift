/// One swing of the thigh, as `SagittalSwingDetector` sees it: a maximum of the sagittal angle,
/// reached from the minimum before it. In gait the thigh swings once per stride.
public struct ThighSwing: Sendable, Hashable {
    /// When the angle peaked, seconds on the samples' clock.
    public var time: Double
    /// When the swing began (the minimum before the peak), seconds.
    public var start: Double
    /// Seconds since the previous swing's peak; nil for the first swing after a start or a gap.
    public var period: Double?
    /// Angle from the minimum before the peak to the peak, degrees (at least the hysteresis).
    public var range: Double
    /// Largest minus smallest magnitude of the specific force since the previous peak, m/s²
    /// (heel strikes and the body's bob in gait; small in slow or lying movements).
    public var accelerationRange: Double
    /// Mean direction of the specific force since the previous peak: the vertical in the sensor
    /// frame, averaged over the stride (unit vector).
    public var gravity: Vector3

    public init(time: Double, start: Double, period: Double?, range: Double, accelerationRange: Double, gravity: Vector3) {
        self.time = time
        self.start = start
        self.period = period
        self.range = range
        self.accelerationRange = accelerationRange
        self.gravity = gravity
    }
}
