import ArgumentParser
import FormcheckDevices
import FormcheckFeedback
import FormcheckFormats
import FormcheckHistory
import Foundation
import MotionCore

/// A routine live from two sensors, one on each thigh (`formcheck routine NAME LEFT RIGHT`, `formcheck
/// live LEFT RIGHT --exercise X`): both nodes put on their thighs (`PairDevices`) and opened
/// (`LiveSetup`), each recorded into its own file with the session file that ties them
/// (`--record NAME.json`), the routine run by `PairedRoutineRunner` in a `LiveRun` (its events to
/// the routine's output, speech and history, each leg's attempt of each exercise saved as it ends).
enum PairedLive {
    /// What the history keeps of the pair's session.
    struct Saving {
        var kind: SessionRecord.Kind
        /// The routine's name as the history keeps it (nil: one exercise, `live`).
        var routine: String?
        /// What `replay NAME.json` needs besides `--save …` to save the recorded pair later
        /// (`--routine R`, `--exercise X`).
        var replayArguments: String
    }

    /// - Parameters:
    ///   - plan: the plan to coach, given the history read (`LiveRun.reading`): `routine` takes
    ///     today's doses from it;
    ///   - devices: the left thigh's device and the right's, as given (path, eventN or uniq): put
    ///     on the thighs their identities say unless `explicit` (`--left`, `--right`: `PairDevices`);
    ///   - record: the session file to write (`NAME.json`; the recordings `NAME.left.evemu` and
    ///     `NAME.right.evemu` beside it), or nil.
    ///   - height: `--height`, centimetres (else the history's profile).
    static func run(plan makePlan: (HistoryStore?) throws -> RoutinePlan, devices: (left: String, right: String), explicit: Bool, record: String?,
                    format: OutputFormat, height: Double?, setup: LiveSetup, saving: Saving) async throws {
        if let record, !SessionFile.isSessionPath(record) {
            throw ValidationError("with two devices --record names the session file, NAME.json (the recordings NAME.left.evemu and NAME.right.evemu go beside it)")
        }
        let (leftNode, rightNode, sides) = try PairDevices.choose(devices.left, devices.right, explicit: explicit, discovery: setup.discovery,
                                                           example: setup.example)
        let paths = record.map { r in Side.allCases.map { SessionFile.recordingPath($0, sessionPath: r) } } ?? []
        let run = try setup.open(nodes: [leftNode, rightNode], recordings: paths)
        let (left, right) = (run.devices[0], run.devices[1])
        let plan = try makePlan(run.reading)
        let distance = WalkingDistanceChoice.of(heightOption: height, profile: try setup.history.profile(of: run.reading))
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
            try SessionFile(recordings: [entry(.left, left), entry(.right, right)], sides: sides == .fixed ? .named : .given).write(to: record)
        }
        let speech = run.speech
        let reconnects = [Side.left: left.reconnect, .right: right.reconnect]
        var sessionError: InputError?
        try await run.session(kind: saving.kind, routine: saving.routine, recorder: .pair(),
                              recorded: record.map { "the routine was recorded to \($0) (\(paths.joined(separator: ", ")))" },
                              replay: record.map { "formcheck replay \($0) \(saving.replayArguments)" },
                              closed: writeSession,
                              finish: { (_: Void) in if let sessionError { throw fail(sessionError) } }) { history in
            var runner = PairedRoutineRunner(session: PairedRoutineSession(plan: plan, estimator: OrientationFilter(), height: distance.height,
                                                                           stride: distance.stride, sides: sides),
                                             recordings: recordings)
            let keys = TerminalKeys(into: runner.keys)
            defer { keys.stop() }
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
            return LiveRun.Ending(result: (), deviceLost: runner.deviceLost)
        }
    }
}
