import FormcheckDevices
import FormcheckFormats
import MotionCore

/// Runs a guided routine on a stream of raw events, the way `formcheck routine` does: the device
/// side as `LiveSessionRunner`'s (`LiveDeviceLoop`: the recording written as it goes, an unplugged
/// device waited for by its uniq), every reading through a `RoutineSession`, the keys pressed
/// (`keys`) taken before each reading. It ends when the routine is done, when the stream ends
/// (Ctrl-C stops it: the exercise under way ends as stopped) or when the device is gone for good;
/// the routine's summary comes last.
public struct LiveRoutineRunner<Estimator: OrientationEstimator> {
    public var session: RoutineSession<Estimator>
    public let recording: RecordingFile?
    /// Where the skip and repeat keys go (from any thread).
    public let keys: RoutineKeys
    /// True when the routine ended because the device went away and did not come back.
    public private(set) var deviceLost = false

    public init(session: RoutineSession<Estimator>, recording: RecordingFile?, keys: RoutineKeys = RoutineKeys()) {
        self.session = session
        self.recording = recording
        self.keys = keys
    }

    /// Runs until the routine is done, the stream ends, or the device is gone and `reconnect`
    /// gives up by returning nil.
    /// - Parameters:
    ///   - reconnect: waits for the device with this uniq to come back; nil return ends the routine.
    ///   - emit: receives every routine event as it happens, with the status after it.
    ///   - progress: called after every sample with the routine's status (for a live view).
    ///   - notice: messages for the person ("the device disappeared…").
    /// - Returns: the routine's summary (also emitted last).
    public mutating func run(
        _ first: LiveConnection,
        reconnect: (@Sendable (String) async throws -> LiveConnection?)?,
        emit: (RoutineEvent, RoutineStatus) -> Void,
        progress: (RoutineStatus) -> Void = { _ in },
        notice: (String) -> Void
    ) async throws -> RoutineSummary {
        var summary: RoutineSummary?
        func send(_ events: [RoutineEvent], _ status: RoutineStatus) {
            for e in events {
                if case .summary(let s) = e { summary = s }
                emit(e, status)
            }
        }
        let keys = self.keys
        deviceLost = try await LiveDeviceLoop.run(first, recording: recording, reconnect: reconnect, consume: { reading in
            for key in keys.take() {
                let out = key == .skip ? session.skip() : session.repeatExercise()
                send(out, session.routineStatus)
            }
            send(session.consume(reading), session.routineStatus)
            if case .sample = reading { progress(session.routineStatus) }
            return !session.isDone
        }, notice: notice)
        send(session.finish(), session.routineStatus)
        // finish() gives the summary unless the routine had already given it (then it is that one).
        return summary ?? session.summarySoFar
    }
}
