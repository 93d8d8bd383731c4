import FormcheckFormats

/// One connection to the device a live run reads (`LiveSessionRunner`, `LiveRoutineRunner`): its
/// raw events as they come, what it is, and its axis state when it was opened.
public struct LiveConnection: Sendable {
    public var events: AsyncThrowingStream<InputEvent, any Error>
    public var description: DeviceDescription
    /// Each absolute axis's value when the node was opened, by code.
    public var initialValues: [UInt16: Int32]
    public var path: String
    /// The device's uniq (Bluetooth address): what a reconnection waits for; nil: it cannot be waited for.
    public var uniq: String?

    public init(events: AsyncThrowingStream<InputEvent, any Error>, description: DeviceDescription,
                initialValues: [UInt16: Int32], path: String, uniq: String?) {
        self.events = events
        self.description = description
        self.initialValues = initialValues
        self.path = path
        self.uniq = uniq
    }
}
