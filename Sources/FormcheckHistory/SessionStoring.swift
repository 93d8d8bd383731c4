import Foundation

/// The writes a session makes as it goes (`HistoryStore`'s; a test puts a failing store here).
public protocol SessionStoring: AnyObject {
    func begin(_ record: SessionRecord) throws -> Int64
    func append(_ exercise: ExerciseRecord, session: Int64) throws
    func close(session: Int64, endedAt: Date, painAfter: Int?, recordings: [RecordingReference]) throws
}

extension HistoryStore: SessionStoring {}
