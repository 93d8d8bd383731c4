import FormcheckFormats

/// One connection to the device a live run reads (`LiveSessionRunner`, `LiveRoutineRunner`): its
/// raw events as they come, what it is, and its axis state when it was opened.
public struct LiveConnection: Sendable {
    /// How the raw events come.
    public enum Feed: Sendable {
        /// One at a time (a paced replay, tests).
        case events(AsyncThrowingStream<InputEvent, any Error>)
        /// In the batches a reader read them in, each in order (`LiveSource<[InputEvent]>`: one
        /// element a wake-up, so the run's task is resumed once a batch, not once a frame).
        case batches(AsyncThrowingStream<[InputEvent], any Error>)
    }

    public var feed: Feed
    public var description: DeviceDescription
    /// Each absolute axis's value when the node was opened, by code.
    public var initialValues: [UInt16: Int32]
    public var path: String
    /// The device's uniq (Bluetooth address): what a reconnection waits for; nil: it cannot be waited for.
    public var uniq: String?

    public init(events: AsyncThrowingStream<InputEvent, any Error>, description: DeviceDescription,
                initialValues: [UInt16: Int32], path: String, uniq: String?) {
        self.init(feed: .events(events), description: description, initialValues: initialValues, path: path, uniq: uniq)
    }

    public init(batches: AsyncThrowingStream<[InputEvent], any Error>, description: DeviceDescription,
                initialValues: [UInt16: Int32], path: String, uniq: String?) {
        self.init(feed: .batches(batches), description: description, initialValues: initialValues, path: path, uniq: uniq)
    }

    public init(feed: Feed, description: DeviceDescription, initialValues: [UInt16: Int32], path: String, uniq: String?) {
        self.feed = feed
        self.description = description
        self.initialValues = initialValues
        self.path = path
        self.uniq = uniq
    }

    /// Hands every event to `body` in order, whichever way they come, until the stream ends or
    /// `body` returns false.
    /// - Returns: false when `body` stopped it, true when the stream ended.
    /// - Throws: what the stream throws (`InputError` `.deviceGone` when the device went away),
    ///   after every event before it; what `body` throws.
    public func forEachEvent(_ body: (InputEvent) throws -> Bool) async throws -> Bool {
        switch feed {
        case .events(let stream):
            for try await e in stream {
                guard try body(e) else { return false }
            }
        case .batches(let stream):
            for try await batch in stream {
                for e in batch {
                    guard try body(e) else { return false }
                }
            }
        }
        return true
    }
}
