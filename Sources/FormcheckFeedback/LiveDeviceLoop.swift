import FormcheckDevices
import FormcheckFormats
import MotionCore

/// The device side of a live run, shared by `LiveSessionRunner` (one exercise) and
/// `LiveRoutineRunner` (a routine): each raw event is appended to the recording (if any) as it
/// comes, decoded into readings, and handed to `consume`. When the device disappears the run is
/// kept: the recording gets a SYN_DROPPED and the new device's axis state (what libevdev's resync
/// would give), the readings get a gap, and the run goes on once a device with the same uniq is back.
enum LiveDeviceLoop {
    /// Runs until the stream ends (Ctrl-C stops it), `consume` returns false, or the device is
    /// gone for good (`reconnect` absent or returning nil).
    /// - Parameters:
    ///   - consume: every reading, in order; false ends the run (the coaching is over).
    ///   - notice: messages for the person ("the device disappeared…").
    /// - Returns: true when the run ended because the device went away and did not come back.
    static func run(
        _ first: LiveConnection,
        recording: RecordingFile?,
        reconnect: (@Sendable (String) async throws -> LiveConnection?)?,
        consume: (SensorReading) -> Bool,
        notice: (String) -> Void
    ) async throws -> Bool {
        var connection = first
        var decoder = try SampleDecoder(description: first.description, path: first.path, initialValues: first.initialValues)
        var lastEventTime: Int64?
        while true {
            do {
                _ = try await connection.forEachEvent { e in
                    lastEventTime = e.time
                    try recording?.append(e)
                    guard let reading = decoder.consume(e) else { return true }
                    return consume(reading)
                }
                return false  // ended normally (stopped), or the coaching is over
            } catch let error as InputError where error.kind == .deviceGone {
                guard let uniq = connection.uniq, let reconnect else {
                    notice("the device disappeared; ending the session")
                    return true
                }
                notice("the device disappeared (\(uniq)); waiting for it to come back — the session goes on")
                guard let next = try await reconnect(uniq) else { return true }
                connection = next
                // Mark the gap in the recording as the kernel would after lost events, followed by the
                // new device's state, so a replay resumes from it.
                try recording?.appendReconnection(at: lastEventTime ?? 0, values: next.initialValues)
                if !consume(decoder.deviceReconnected(initialValues: next.initialValues)) { return false }
                notice("the device is back (\(next.path)); carrying on")
            }
        }
    }
}
