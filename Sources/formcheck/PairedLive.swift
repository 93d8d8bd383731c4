import ArgumentParser
import FormcheckFeedback
import FormcheckDevices
import FormcheckFormats
import Foundation
import MotionCore

/// A routine live from two sensors, one on each thigh (`formcheck routine NAME LEFT RIGHT`, `formcheck
/// live LEFT RIGHT --exercise X`): both nodes opened, each recorded into its own file with the
/// session file that ties them (`--record NAME.json`), the routine run by `PairedRoutineRunner`, its
/// events to the routine's output and speech. Exit 74 when a sensor went away for good (the summary
/// printed and the recordings kept first).
enum PairedLive {
    /// - Parameters:
    ///   - devices: the left thigh's device and the right's, as given (path, eventN or uniq);
    ///   - record: the session file to write (`NAME.json`; the recordings `NAME.left.evemu` and
    ///     `NAME.right.evemu` beside it), or nil.
    static func run(plan: RoutinePlan, devices: (left: String, right: String), record: String?, speak: Bool, format: OutputFormat,
                    height: Double?, discovery: DeviceDiscovery, example: String) async throws {
        if let record, !SessionFile.isSessionPath(record) {
            throw ValidationError("with two devices --record names the session file, NAME.json (the recordings NAME.left.evemu and NAME.right.evemu go beside it)")
        }
        let left = try LiveDevice.open(devices.left, discovery: discovery, record: record.map { SessionFile.recordingPath(.left, sessionPath: $0) },
                                       example: example)
        let right = try LiveDevice.open(devices.right, discovery: discovery, record: record.map { SessionFile.recordingPath(.right, sessionPath: $0) },
                                        example: example)
        if left.path == right.path {
            throw ValidationError("both thighs name the same node (\(left.path)): give the left thigh's device, then the right's")
        }
        let stoppers = [left.stopper, right.stopper]
        let signals = SignalStop.install { for s in stoppers { s.stop() } }
        defer { SignalStop.restore(signals) }
        let output = RoutineOutput(format: format)
        var speech: SpeechSink?
        if speak {
            do { speech = try SpeechSink.make() } catch { printError("formcheck: \(error)") }
        }
        var recordings: [Side: RecordingFile] = [:]
        recordings[.left] = left.recording
        recordings[.right] = right.recording
        func writeSession() throws(InputError) {
            guard let record else { return }
            func entry(_ side: Side, _ d: LiveDevice) -> SessionFile.Entry {
                let file = SessionFile.recordingPath(side, sessionPath: record)
                return SessionFile.Entry(side: side, file: (file as NSString).lastPathComponent, device: d.first.description.name,
                                         uniq: d.uniq, start: d.recording?.firstEventTime)
            }
            try SessionFile(recordings: [entry(.left, left), entry(.right, right)]).write(to: record)
        }
        var runner = PairedRoutineRunner(session: PairedRoutineSession(plan: plan, estimator: OrientationFilter(), height: height),
                                         recordings: recordings)
        let keys = TerminalKeys(into: runner.keys)
        defer { keys.stop() }
        let reconnects = [Side.left: left.reconnect, .right: right.reconnect]
        var sessionError: InputError?
        do {
            _ = try await runner.run(left: left.first, right: right.first, reconnect: { side, uniq in try await reconnects[side]?(uniq) },
                                     emit: { event, status in
                                         output.emit(event, status: status)
                                         if case .session(let e) = event { speech?.handle(e) }
                                     }, progress: { output.tick($0) }, notice: { printError("formcheck: " + $0) },
                                     recorded: {
                                         // As soon as both recordings have begun: a killed session keeps its session file.
                                         do throws(InputError) { try writeSession() } catch { sessionError = error }
                                     })
        } catch let error as InputError {
            keys.stop()
            for s in stoppers { s.stop() }
            for r in recordings.values { try? r.close() }
            try? writeSession()
            throw fail(error)
        }
        keys.stop()
        for s in stoppers { s.stop() }
        speech?.finish(timeout: 3)
        do {
            for r in recordings.values { try r.close() }
            try writeSession()
        } catch { throw fail(error) }
        if let sessionError { throw fail(sessionError) }
        if let record { printError("formcheck: the routine was recorded to \(record) (\(SessionFile.recordingPath(.left, sessionPath: record)), \(SessionFile.recordingPath(.right, sessionPath: record)))") }
        if runner.deviceLost { throw ExitCode(74) }
    }
}
