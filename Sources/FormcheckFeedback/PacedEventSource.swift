import FormcheckFormats

/// A recording's events as a live stream: each event is yielded when its time comes, measured by the
/// `sleep` the caller gives (real time for `formcheck replay --realtime`, a fake clock in tests).
public enum PacedEventSource {
    /// - Parameter sleep: waits until `seconds` after the first event (returns at once if past).
    ///   Called once per distinct event time (the events of one frame share it): when one
    ///   returns, the events at that time are due, so asking again for them would return at once.
    public static func stream(_ events: [InputEvent],
                              sleep: @escaping @Sendable (Double) async throws -> Void) -> AsyncThrowingStream<InputEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                guard let first = events.first?.time else {
                    continuation.finish()
                    return
                }
                do {
                    var waited: Int64?
                    for e in events {
                        try Task.checkCancellation()
                        if e.time != waited {
                            try await sleep(Double(e.time - first) / 1e6)
                            waited = e.time
                        }
                        continuation.yield(e)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error is CancellationError ? nil : error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
