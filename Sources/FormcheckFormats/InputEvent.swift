/// One kernel input event (`struct input_event`), as read from a device or a recording.
public struct InputEvent: Sendable, Hashable {
    /// Event time in microseconds: CLOCK_MONOTONIC for live devices, seconds since the
    /// recording started for evemu files. Never negative.
    public var time: Int64
    /// Event type (EV_SYN, EV_ABS, EV_MSC, …).
    public var type: UInt16
    /// Event code within the type (ABS_X, MSC_TIMESTAMP, SYN_REPORT, …).
    public var code: UInt16
    /// Event value. MSC_TIMESTAMP carries an unsigned 32-bit counter in this signed field.
    public var value: Int32

    @inlinable
    public init(time: Int64, type: UInt16, code: UInt16, value: Int32) {
        self.time = time
        self.type = type
        self.code = code
        self.value = value
    }
}
