import FormcheckInput
import MotionCore

/// Runs a coaching session on a stream of raw events, the way `formcheck live` does: each event is
/// appended to the recording (if any), decoded into samples, and fed through the session pipeline;
/// events go to the sinks as they happen. When the device disappears, the session is kept: the
/// recording gets a SYN_DROPPED and the new device's axis state (what libevdev's resync would give),
/// the stream has a gap, and the session goes on once a device with the same uniq is back.
/// The stream ending normally (Ctrl-C stops it) ends the session with its summary.
public struct LiveSessionRunner<Estimator: OrientationEstimator> {
    /// One connection to the device.
    public struct Connection: Sendable {
        public var events: AsyncThrowingStream<InputEvent, any Error>
        public var description: DeviceDescription
        public var initialValues: [UInt16: Int32]
        public var path: String
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

    public var pipeline: SessionPipeline<Estimator>
    public let recording: RecordingFile?
    /// True when the session ended because the device went away and did not come back.
    public private(set) var deviceLost = false

    public init(pipeline: SessionPipeline<Estimator>, recording: RecordingFile?) {
        self.pipeline = pipeline
        self.recording = recording
    }

    /// Runs until the stream ends (or the device is gone and `reconnect` gives up by returning nil).
    /// - Parameters:
    ///   - reconnect: waits for the device with this uniq to come back; nil return ends the session.
    ///   - emit: receives every session event as it happens.
    ///   - progress: called after every sample with the session's status (for a live view).
    ///   - notice: messages for the person ("device disconnected: waiting for it…").
    /// - Returns: the summary (also emitted last).
    public mutating func run(
        _ first: Connection,
        reconnect: (@Sendable (String) async throws -> Connection?)?,
        emit: (SessionEvent, SessionStatus) -> Void,
        progress: (SessionStatus) -> Void = { _ in },
        notice: (String) -> Void
    ) async throws -> SessionSummary {
        var connection = first
        var decoder = try SampleDecoder(description: first.description, path: first.path, initialValues: first.initialValues)
        var events: [SessionEvent] = []
        var lastEventTime: Int64?
        while true {
            do {
                for try await e in connection.events {
                    lastEventTime = e.time
                    try recording?.append(e)
                    guard let reading = decoder.consume(e) else { continue }
                    events.removeAll(keepingCapacity: true)
                    pipeline.consume(reading, into: &events)
                    for ev in events { emit(ev, pipeline.status) }
                    progress(pipeline.status)
                }
                break  // ended normally (stopped)
            } catch let error as InputError where error.kind == .deviceGone {
                guard let uniq = connection.uniq, let reconnect else {
                    notice("the device disappeared; ending the session")
                    deviceLost = true
                    break
                }
                notice("the device disappeared (\(uniq)); waiting for it to come back — the session goes on")
                guard let next = try await reconnect(uniq) else {
                    deviceLost = true
                    break
                }
                connection = next
                // Mark the gap in the recording as the kernel would after lost events, followed by the
                // new device's state, so a replay resumes from it.
                let t = max(lastEventTime ?? 0, 0)
                try recording?.append(InputEvent(time: t, type: EventCode.evSyn, code: EventCode.synDropped, value: 0))
                for (code, value) in next.initialValues.sorted(by: { $0.key < $1.key }) {
                    try recording?.append(InputEvent(time: t, type: EventCode.evAbs, code: code, value: value))
                }
                try recording?.append(InputEvent(time: t, type: EventCode.evSyn, code: EventCode.synReport, value: 0))
                events.removeAll(keepingCapacity: true)
                pipeline.consume(decoder.deviceReconnected(initialValues: next.initialValues), into: &events)
                for ev in events { emit(ev, pipeline.status) }
                notice("the device is back (\(next.path)); carrying on")
            }
        }
        events.removeAll(keepingCapacity: true)
        let summary = pipeline.finish(into: &events)
        for ev in events { emit(ev, pipeline.status) }
        return summary
    }
}
