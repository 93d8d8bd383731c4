/// A stretch of the stream in which samples were lost. Consumers must not assume the
/// sample after a gap follows the sample before it at the usual period.
public struct SampleGap: Sendable, Hashable {
    /// Why samples are missing.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The kernel's client buffer overflowed (SYN_DROPPED): events were thrown away.
        case synDropped
        /// The device was unplugged or went out of range, and came back.
        case reconnected
        /// A file's times jump well beyond their jitter and the rows after do not catch up: samples
        /// were not logged (CSV files from other loggers).
        case timeJump
    }

    public var reason: Reason
    /// Time of the last sample before the gap, in seconds (nil when the gap came before any sample).
    public var after: Double?

    @inlinable
    public init(reason: Reason, after: Double?) {
        self.reason = reason
        self.after = after
    }
}
