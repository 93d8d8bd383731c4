/// A frame whose device timestamp could not be used as it was. The sample still gets a time
/// (from the kernel's clock); `formcheck inspect` lists these.
public struct TimestampAnomaly: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// MSC_TIMESTAMP went backwards (a device reset or a corrupted recording).
        case backwards
        /// MSC_TIMESTAMP and the kernel clock disagree by more than `SampleClock.jumpTolerance`
        /// (e.g. a DualShock 4's 16-bit clock wrapping during a long dropout).
        case jump
        /// A frame without MSC_TIMESTAMP on a device that sends one.
        case missing
        /// The kernel (event) time went backwards.
        case kernelBackwards
    }

    public var kind: Kind
    /// Kernel time of the frame, microseconds.
    public var kernelTime: Int64
    /// Device-clock step that was rejected, microseconds (nil where there was none).
    public var deviceStep: Int64?
    /// Kernel-clock step over the same frames, microseconds.
    public var kernelStep: Int64

    public init(kind: Kind, kernelTime: Int64, deviceStep: Int64?, kernelStep: Int64) {
        self.kind = kind
        self.kernelTime = kernelTime
        self.deviceStep = deviceStep
        self.kernelStep = kernelStep
    }
}
