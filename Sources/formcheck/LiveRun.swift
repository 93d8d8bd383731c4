import ArgumentParser
import FormcheckDevices
import FormcheckFeedback
import FormcheckFormats
import FormcheckHistory
import Foundation

/// A live command's devices, speech and history, open (`LiveSetup.open`), and the one way its
/// session runs and ends: Ctrl-C and SIGTERM stop every device; the session is begun in the
/// history at once with the pain before and saved as it goes; at its end — the dose done, Ctrl-C,
/// a device gone for good or an input error — the recordings are closed and the session closed in
/// the history (after an input error with no pain asked, then its exit status); otherwise the pain
/// after is asked, the speech finished, the recording said, the history closed, and exit 74 when
/// a device went away for good (README "Exit status").
struct LiveRun {
    /// The devices opened, the left thigh's first.
    let devices: [LiveDevice]
    /// The recordings' paths (`--record`), one per device, or none.
    let recordings: [String]
    let speech: SpeechSink?
    /// The history the session is saved in; nil with `--no-save`.
    let store: HistoryStore?
    /// The history read for the plan's doses and the profile: `store`, else the existing one.
    let reading: HistoryStore?
    /// The pain before (0–10), answered or given; nil: not asked or skipped.
    let painBefore: Int?
    let history: HistoryOptions
    let pain: PainOptions

    /// The session's end as the command's body gives it.
    struct Ending<Result> {
        var result: Result
        /// A device went away for good (exit 74 after the summary).
        var deviceLost: Bool
    }

    /// Runs `body` (the command's own session, given where it saves) and ends it.
    /// - Parameters:
    ///   - kind, routine, recorder: what the history keeps of the session;
    ///   - recorded: said on stderr when recording (`the routine was recorded to …`);
    ///   - replay: the command that replays the recording (`formcheck replay FILE --routine R`),
    ///     said with `--save` and its date and pains when the history could not be saved;
    ///   - closed: after the recordings are closed, at every end (the pair's session file);
    ///   - finish: when the session ended without an input error, after `closed`.
    /// - Throws: `ExitCode` (an input error's status, the history's, 74 for a device lost).
    func session<Result>(kind: SessionRecord.Kind, routine: String? = nil, recorder: SessionRecorder,
                         recorded: String?, replay: String?,
                         closed: () throws(InputError) -> Void = {},
                         finish: (Result) throws -> Void = { _ in },
                         body: (SessionHistory?) async throws -> Ending<Result>) async throws {
        let stoppers = devices.map(\.stopper)
        let stop = StopFlag()
        let signals = SignalStop.install {
            stop.set()
            for s in stoppers { s.stop() }
        }
        defer { SignalStop.restore(signals) }
        let started = Date()
        let saving = store.map { store in
            SessionHistory(store: store, record: Self.record(startedAt: started, kind: kind, routine: routine,
                                                             devices: devices.map { ($0.first.description.name, $0.uniq) },
                                                             painBefore: painBefore, recordings: recordings),
                           recorder: recorder, beginNow: true)
        }
        let ending: Ending<Result>
        do {
            ending = try await body(saving)
        } catch let error as InputError {
            for s in stoppers { s.stop() }
            for d in devices { try? d.recording?.close() }
            try? closed()
            try? saving?.close(painAfter: nil, recordings: recordings, later: nil)
            throw fail(error)
        }
        for s in stoppers { s.stop() }
        // Ctrl-C ended the session (as it ends every live one): the question is still put, and a
        // Ctrl-C now skips it.
        stop.reset()
        let painAfter = saving == nil ? nil : PainQuestion.ask(.after, given: pain.painAfter, speech: speech, stop: stop)
        speech?.finish(timeout: 3)
        do {
            for d in devices { try d.recording?.close() }
            try closed()
        } catch { throw fail(error) }
        try finish(ending.result)
        if let recorded { printError("formcheck: " + recorded) }
        try saving?.close(painAfter: painAfter, recordings: recordings,
                          later: replay.map { $0 + " --save " + DateOption.arguments(date: started, painBefore: painBefore, painAfter: painAfter) })
        if ending.deviceLost { throw ExitCode(74) }
    }

    /// The session as the history begins it, with one sensor as with two: its devices (the evdev
    /// name and uniq, the left thigh's first) and its recordings by absolute path — as the close
    /// gives them with their digests, so a session killed before its close keeps paths that
    /// still name the files from anywhere.
    static func record(startedAt: Date, kind: SessionRecord.Kind, routine: String?, devices: [(name: String, uniq: String?)],
                       painBefore: Int?, recordings: [String]) -> SessionRecord {
        SessionRecord(startedAt: startedAt, kind: kind, routine: routine,
                      devices: devices.map { SessionHistory.device(name: $0.name, uniq: $0.uniq) },
                      painBefore: painBefore, recordings: recordings.map { RecordingReference(path: ReplayCommand.absolute($0)) })
    }
}
