import Foundation

/// Saves one session as it goes: `begin` at once, each finished exercise as it comes (each in its
/// own transaction), `close` at the end. When a write fails (a full disk, another formcheck
/// holding the database past the busy timeout, an I/O error) nothing is lost: that write and every
/// later one are kept in memory, in order, and tried again once at the end (`close`), which throws
/// the error if they still fail — the session's recording, if any, is on disk all the same. Only
/// the first failure is tried at once: the session is not held up again by a database that is
/// not answering.
public final class SessionSaver {
    private enum Write {
        case begin(SessionRecord)
        case append(ExerciseRecord)
        case close(endedAt: Date, painAfter: Int?, recordings: [RecordingReference])
    }

    private let store: any SessionStoring
    /// The session's id, once it was begun in the store.
    public private(set) var sessionID: Int64?
    private var waiting: [Write] = []
    /// The first failure (nil while every write went through).
    public private(set) var failure: HistoryError?
    /// Exercises written to the store so far.
    public private(set) var saved = 0
    /// Exercises kept in memory, not written yet.
    public var unsaved: Int {
        waiting.reduce(0) { n, w in
            if case .append = w { return n + 1 }
            return n
        }
    }

    /// Begins the session in `store` (or keeps it to try at the end, if that fails: see `failure`).
    public init(store: any SessionStoring, session: SessionRecord) {
        self.store = store
        waiting = [.begin(session)]
        _ = flush()
    }

    /// A finished exercise. Returns the failure when this is the write that failed first (for the
    /// caller to say so once); nil otherwise.
    @discardableResult
    public func append(_ exercise: ExerciseRecord) -> HistoryError? {
        let failedBefore = failure != nil
        waiting.append(.append(exercise))
        guard !failedBefore else { return nil }
        return flush()
    }

    /// Closes the session: every write kept is tried again, in order, then the close.
    /// - Throws: the `HistoryError` of the write that still fails (what was written before it stays).
    public func close(endedAt: Date, painAfter: Int?, recordings: [RecordingReference]) throws {
        waiting.append(.close(endedAt: endedAt, painAfter: painAfter, recordings: recordings))
        if let error = flush(force: true) { throw error }
    }

    /// Writes what waits, in order, until one fails (tried only while nothing has failed, or when
    /// `force`d); the error when one failed now.
    private func flush(force: Bool = false) -> HistoryError? {
        if failure != nil && !force { return nil }
        while let next = waiting.first {
            do {
                switch next {
                case .begin(let record):
                    sessionID = try store.begin(record)
                case .append(let exercise):
                    guard let id = sessionID else { return nil }
                    try store.append(exercise, session: id)
                    saved += 1
                case .close(let endedAt, let painAfter, let recordings):
                    guard let id = sessionID else { return nil }
                    try store.close(session: id, endedAt: endedAt, painAfter: painAfter, recordings: recordings)
                }
                waiting.removeFirst()
            } catch {
                let e = error as? HistoryError ?? HistoryError(.io, path: "history", "\(error)")
                if failure == nil { failure = e }
                return e
            }
        }
        return nil
    }
}
