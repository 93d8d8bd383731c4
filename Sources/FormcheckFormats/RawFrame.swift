/// One complete evdev frame of a motion node: the state of the six axes after a SYN_REPORT.
public struct RawFrame: Sendable, Hashable {
    /// Kernel time of the SYN_REPORT, in microseconds.
    public var kernelTime: Int64
    /// MSC_TIMESTAMP of this frame as the unsigned counter it is, when the frame had one.
    public var deviceTimestamp: UInt32?
    /// ABS_X, ABS_Y, ABS_Z (accelerometer) and ABS_RX, ABS_RY, ABS_RZ (gyroscope), raw units,
    /// carried over from earlier frames where the kernel did not resend them.
    public var values: SIMD8<Int32>

    public init(kernelTime: Int64, deviceTimestamp: UInt32?, values: SIMD8<Int32>) {
        self.kernelTime = kernelTime
        self.deviceTimestamp = deviceTimestamp
        self.values = values
    }
}
