import ArgumentParser
import FormcheckFeedback
import FormcheckHistory
import Foundation
import MotionCore

/// A session's saving, at the edge: the records `SessionRecorder` gives as the session goes,
/// written by a `SessionSaver` (each finished exercise committed at once), the recordings' digests
/// at the end, and what to say — once when a write fails (the session goes on, the writes wait in
/// memory), and at the end where it was saved or, when it still could not be, that the recording
/// is kept and how to save it later.
final class SessionHistory {
    let store: HistoryStore
    private let writer: HistoryWriter

    /// - Parameters:
    ///   - beginNow: begin the session in the history at once (`live`, `routine`); otherwise with
    ///     its first finished exercise (`replay`: a recording with nothing in it is not saved).
    init(store: HistoryStore, record: SessionRecord, recorder: SessionRecorder, beginNow: Bool) {
        self.store = store
        writer = HistoryWriter(store: store, record: record, recorder: recorder, beginNow: beginNow)
        if let e = writer.beginFailure { say(e) }
    }

    private func say(_ error: HistoryError) {
        printError("formcheck: " + error.description + "\n  the session goes on: what is not saved yet is kept and written at the end")
    }

    /// A sample: its time on the session's clock and the flexion then (degrees; nil: not known).
    func sample(t: Double, flexion: Double?) {
        writer.sample(t: t, flexion: flexion)
    }

    /// Two sensors: a sample of the `side` thigh's sensor, its time on the routine's clock and its leg's flexion.
    func sample(side: Side, t: Double, flexion: Double?) {
        writer.sample(side: side, t: t, flexion: flexion)
    }

    /// A routine's event (an exercise that ended is saved).
    func routineEvent(_ event: RoutineEvent) {
        if let e = writer.routineEvent(event) { say(e) }
    }

    /// A single exercise's end (saved).
    func single(_ summary: SessionSummary, ending: ExerciseRecord.Ending) {
        if let e = writer.single(summary, ending: ending) { say(e) }
    }

    /// Ends the session in the history: closed, with the pain after it and the recordings' digests
    /// (the files must be complete: close a recording first). Nothing is written for a replay
    /// that gave no exercise.
    /// - Parameters:
    ///   - duration: a replay's length, seconds: it ended that long after its start (else: now);
    ///   - later: how to save it later from its recording, said when saving failed.
    /// - Throws: `ExitCode` with the history error's status when it could not be saved.
    func close(painAfter: Int?, recordings: [String], duration: Double? = nil, later: String?) throws {
        guard let saver = writer.saver else { return }
        let references = recordings.map { RecordingReference.digest(of: $0) }
        let end = duration.map { writer.startedAt.addingTimeInterval($0) } ?? Date()
        do {
            try writer.close(endedAt: end, painAfter: painAfter, recordings: references)
        } catch let error as HistoryError {
            var text = "formcheck: " + error.description + "\n  the session was not saved whole: "
            if let id = saver.sessionID {
                text += "\(saver.saved) of \(saver.saved + saver.unsaved) exercises are in the history (session \(id), left open)"
            } else {
                text += "nothing of it is in the history"
            }
            for r in recordings { text += "\n  the recording is kept: \(r)" }
            if let later { text += "\n  to save it later: " + later }
            printError(text)
            throw ExitCode(error.exitStatus)
        }
        guard let id = saver.sessionID else { return }
        printError("formcheck: saved in \(store.path) as session \(id) (\(saver.saved) exercise\(saver.saved == 1 ? "" : "s"))"
                   + (saver.failure != nil ? ", written at the end" : ""))
    }

    /// The session's devices as the history keeps them: the evdev name and, when it has one, the uniq.
    static func device(name: String, uniq: String?) -> String {
        guard let uniq, !uniq.isEmpty else { return name }
        return "\(name) (\(uniq))"
    }
}
