import FormcheckDevices
import FormcheckFormats
import MotionCore

/// Runs a coaching session on a stream of raw events, the way `formcheck live` does: each event is
/// appended to the recording (if any), decoded into samples, and fed through the session pipeline;
/// events go to the sinks as they happen. When the device disappears, the session is kept and goes
/// on once a device with the same uniq is back (`LiveDeviceLoop`).
/// The stream ending normally (Ctrl-C stops it) ends the session with its summary.
public struct LiveSessionRunner<Estimator: OrientationEstimator> {
    /// One connection to the device.
    public typealias Connection = LiveConnection

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
        var events: [SessionEvent] = []
        deviceLost = try await LiveDeviceLoop.run(first, recording: recording, reconnect: reconnect, consume: { reading in
            events.removeAll(keepingCapacity: true)
            pipeline.consume(reading, into: &events)
            for ev in events { emit(ev, pipeline.status) }
            if case .sample = reading { progress(pipeline.status) }
            return true
        }, notice: notice)
        events.removeAll(keepingCapacity: true)
        let summary = pipeline.finish(into: &events)
        for ev in events { emit(ev, pipeline.status) }
        return summary
    }
}
