import FormcheckFeedback
import Foundation
import MotionCore

/// A running session's history: what `SessionRecorder` makes of its events and samples, written by
/// a `SessionSaver` as it comes. The one place `live`, `routine` and `replay --save` feed — the
/// runner's events (`routineEvent`), each sample's time and flexion (`sample`), a single exercise's
/// end (`single`), and the close.
public final class HistoryWriter {
    private let store: any SessionStoring
    private let record: SessionRecord
    private var recorder: SessionRecorder
    /// The saver, once the session was begun.
    public private(set) var saver: SessionSaver?

    /// - Parameter beginNow: begin the session at once (`live`, `routine`); otherwise with its
    ///   first finished exercise (`replay`: a recording in which nothing ended is not saved).
    /// Returns with `beginFailure` set when beginning at once failed (kept, tried at the end).
    public init(store: any SessionStoring, record: SessionRecord, recorder: SessionRecorder, beginNow: Bool) {
        self.store = store
        self.record = record
        self.recorder = recorder
        if beginNow { saver = SessionSaver(store: store, session: record) }
    }

    /// When the session began (the record's start).
    public var startedAt: Date { record.startedAt }

    /// The failure of the first write, if the first write failed at once (for the caller to say).
    public var beginFailure: HistoryError? { saver?.sessionID == nil ? saver?.failure : nil }

    /// A sample: its time on the session's clock (seconds) and the flexion then (degrees; nil: not known).
    public func sample(t: Double, flexion: Double?) {
        recorder.sample(t: t, flexion: flexion)
    }

    /// Two sensors: a sample of the `side` thigh's sensor (`SessionRecorder.sample(side:t:flexion:)`).
    public func sample(side: Side, t: Double, flexion: Double?) {
        recorder.sample(side: side, t: t, flexion: flexion)
    }

    /// A routine's event; the failure when this write was the first to fail.
    @discardableResult
    public func routineEvent(_ event: RoutineEvent) -> HistoryError? {
        recorder.consume(event).flatMap(append)
    }

    /// A single exercise's end; the failure when this write was the first to fail.
    @discardableResult
    public func single(_ summary: SessionSummary, ending: ExerciseRecord.Ending) -> HistoryError? {
        recorder.single(summary, ending: ending).flatMap(append)
    }

    private func append(_ e: ExerciseRecord) -> HistoryError? {
        if let saver { return saver.append(e) }
        let begun = SessionSaver(store: store, session: record)
        saver = begun
        let failedAtBegin = begun.failure
        let failed = begun.append(e)
        return failedAtBegin ?? failed
    }

    /// Closes the session (nothing when it was never begun).
    /// - Throws: the `HistoryError` of a write that still fails (`SessionSaver.close`).
    public func close(endedAt: Date, painAfter: Int?, recordings: [RecordingReference]) throws {
        try saver?.close(endedAt: endedAt, painAfter: painAfter, recordings: recordings)
    }
}
