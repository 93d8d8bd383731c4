import ArgumentParser
import FormcheckDevices
import FormcheckFeedback
import FormcheckFormats
import FormcheckHistory
import Foundation
import MotionCore

/// A routine live from two sensors, one on each thigh (`formcheck routine NAME LEFT RIGHT`, `formcheck
/// live LEFT RIGHT --exercise X`): both nodes opened, each recorded into its own file with the
/// session file that ties them (`--record NAME.json`), the routine run by `PairedRoutineRunner`, its
/// events to the routine's output and speech, and saved in the history as it goes (as one
/// sensor's session is: begun at once with the pain before, each leg's attempt of each exercise
/// as it ends, closed with the pain after and both recordings' digests — also after Ctrl-C, an
/// unplug for good or an input error). Exit 74 when a sensor went away for good (the summary
/// printed and the recordings kept first).
enum PairedLive {
    /// How the session is saved, and the history it reads (the plan's doses, the profile).
    struct Saving {
        var history: HistoryOptions
        /// `--no-save`: nothing is saved or asked; the history is still read if it exists.
        var noSave: Bool
        var pain: PainOptions
        var kind: SessionRecord.Kind
        /// The routine's name as the history keeps it (nil: one exercise, `live`).
        var routine: String?
        /// What `replay NAME.json` needs besides `--save …` to save the recorded pair later
        /// (`--routine R`, `--exercise X`).
        var replayArguments: String
    }

    /// - Parameters:
    ///   - plan: the plan to coach, given the history (opened once the devices are, nil with
    ///     `--no-save`): `routine` takes today's doses from it;
    ///   - devices: the left thigh's device and the right's, as given (path, eventN or uniq): put
    ///     on the thighs their identities say unless `explicit` (`--left`, `--right`: `PairDevices`);
    ///   - record: the session file to write (`NAME.json`; the recordings `NAME.left.evemu` and
    ///     `NAME.right.evemu` beside it), or nil.
    ///   - height: `--height`, centimetres (else the history's profile).
    static func run(plan makePlan: (HistoryStore?) throws -> RoutinePlan, devices: (left: String, right: String), explicit: Bool, record: String?,
                    speak: Bool, format: OutputFormat, height: Double?, saving: Saving, discovery: DeviceDiscovery,
                    example: String) async throws {
        if let record, !SessionFile.isSessionPath(record) {
            throw ValidationError("with two devices --record names the session file, NAME.json (the recordings NAME.left.evemu and NAME.right.evemu go beside it)")
        }
        let (leftNode, rightNode) = try PairDevices.choose(devices.left, devices.right, explicit: explicit, discovery: discovery, example: example)
        var speech: SpeechSink?
        if speak {
            do { speech = try SpeechSink.make() } catch { printError("formcheck: \(error)") }
        }
        let painBefore = saving.noSave ? nil : PainQuestion.ask(.before, given: saving.pain.pain, speech: speech, stop: StopFlag())
        let paths = record.map { r in Side.allCases.map { SessionFile.recordingPath($0, sessionPath: r) } } ?? []
        let left = try LiveDevice.open(leftNode, discovery: discovery, record: paths.first, example: example)
        let right: LiveDevice
        do { right = try LiveDevice.open(rightNode, discovery: discovery, record: paths.last, example: example) } catch {
            Self.abandon(left, nil, paths: paths)
            throw error
        }
        // The history once both devices are open (a missing or unreadable device is said first), before the routine.
        let store: HistoryStore?
        do { store = saving.noSave ? nil : try saving.history.open() } catch {
            Self.abandon(left, right, paths: paths)
            throw error
        }
        let reading = try store ?? saving.history.existingStore()
        let plan = try makePlan(reading)
        let distance = WalkingDistanceChoice.of(heightOption: height, profile: try saving.history.profile(of: reading))
        let stoppers = [left.stopper, right.stopper]
        let stop = StopFlag()
        let signals = SignalStop.install {
            stop.set()
            for s in stoppers { s.stop() }
        }
        defer { SignalStop.restore(signals) }
        let started = Date()
        let history = store.map { store in
            SessionHistory(store: store, record: SessionRecord(
                startedAt: started, kind: saving.kind, routine: saving.routine,
                devices: [left, right].map { SessionHistory.device(name: $0.first.description.name, uniq: $0.uniq) },
                painBefore: painBefore, recordings: paths.map { RecordingReference(path: ReplayCommand.absolute($0)) }),
                recorder: .pair(), beginNow: true)
        }
        let output = RoutineOutput(format: format)
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
        var runner = PairedRoutineRunner(session: PairedRoutineSession(plan: plan, estimator: OrientationFilter(), height: distance.height,
                                                                       stride: distance.stride),
                                         recordings: recordings)
        let keys = TerminalKeys(into: runner.keys)
        defer { keys.stop() }
        let reconnects = [Side.left: left.reconnect, .right: right.reconnect]
        var sessionError: InputError?
        do {
            _ = try await runner.run(left: left.first, right: right.first, reconnect: { side, uniq in try await reconnects[side]?(uniq) },
                                     emit: { event, status in
                                         output.emit(event, status: status)
                                         history?.routineEvent(event)
                                         if case .session(let e) = event { speech?.handle(e) }
                                     }, progress: { output.tick($0) },
                                     sampled: { side, t, flexion in history?.sample(side: side, t: t, flexion: flexion) },
                                     notice: { printError("formcheck: " + $0) },
                                     recorded: {
                                         // As soon as both recordings have begun: a killed session keeps its session file.
                                         do throws(InputError) { try writeSession() } catch { sessionError = error }
                                     })
        } catch let error as InputError {
            keys.stop()
            for s in stoppers { s.stop() }
            for r in recordings.values { try? r.close() }
            try? writeSession()
            try? history?.close(painAfter: nil, recordings: paths, later: nil)
            throw fail(error)
        }
        keys.stop()
        for s in stoppers { s.stop() }
        // Ctrl-C ended the routine (as it ends every live one): the question is still put, and a Ctrl-C now skips it.
        stop.reset()
        let painAfter = history == nil ? nil : PainQuestion.ask(.after, given: saving.pain.painAfter, speech: speech, stop: stop)
        speech?.finish(timeout: 3)
        do {
            for r in recordings.values { try r.close() }
            try writeSession()
        } catch { throw fail(error) }
        if let sessionError { throw fail(sessionError) }
        if let record { printError("formcheck: the routine was recorded to \(record) (\(paths.joined(separator: ", ")))") }
        try history?.close(painAfter: painAfter, recordings: paths,
                           later: record.map {
                               "formcheck replay \($0) \(saving.replayArguments) --save "
                                   + DateOption.arguments(date: started, painBefore: painBefore, painAfter: painAfter)
                           })
        if runner.deviceLost { throw ExitCode(74) }
    }

    /// The session does not begin: the devices opened so far are stopped and their recordings
    /// (headers alone) removed.
    private static func abandon(_ left: LiveDevice, _ right: LiveDevice?, paths: [String]) {
        for d in [left, right].compactMap({ $0 }) {
            d.stopper.stop()
            try? d.recording?.close()
        }
        for p in paths { try? FileManager.default.removeItem(atPath: p) }
    }
}
