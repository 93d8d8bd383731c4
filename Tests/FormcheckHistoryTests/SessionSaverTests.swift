@testable import FormcheckHistory
import Foundation
import Testing

/// Saving as the session goes, when writes fail: nothing is lost, the writes kept are tried again
/// at the end, and a failure that lasts is thrown with what was saved before it kept.
@Suite struct SessionSaverTests {
    /// A real store whose next `failing` writes fail as a full disk does (the seam: no disk is filled).
    final class FailingStore: SessionStoring {
        let store: HistoryStore
        var failing = 0
        var attempts = 0
        init(_ store: HistoryStore) { self.store = store }
        private func maybeFail() throws {
            attempts += 1
            if failing > 0 {
                failing -= 1
                throw HistoryError(.diskFull, path: store.path, "the disk is full: the history could not be written (SQLite: database or disk is full)")
            }
        }
        func begin(_ record: SessionRecord) throws -> Int64 {
            try maybeFail()
            return try store.begin(record)
        }
        func append(_ exercise: ExerciseRecord, session: Int64) throws {
            try maybeFail()
            try store.append(exercise, session: session)
        }
        func close(session: Int64, endedAt: Date, painAfter: Int?, recordings: [RecordingReference]) throws {
            try maybeFail()
            try store.close(session: session, endedAt: endedAt, painAfter: painAfter, recordings: recordings)
        }
    }

    static func exercises() -> [ExerciseRecord] {
        (1...3).map { HistoryFixtures.stretch(position: $0, side: $0 == 2 ? .left : .right, holds: [20], start: Double($0) * 60) }
    }

    @Test func everyWriteGoesThroughAsItComes() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let store = try HistoryStore(path: dir.path + "/h.sqlite")
        let saver = SessionSaver(store: store, session: HistoryFixtures.routineSession())
        let id = try #require(saver.sessionID)
        for (i, e) in Self.exercises().enumerated() {
            #expect(saver.append(e) == nil)
            #expect(try store.session(id: id)?.exercises.count == i + 1)  // committed at once
        }
        try saver.close(endedAt: HistoryFixtures.date(hours: 1), painAfter: 2, recordings: [])
        #expect(try store.session(id: id)?.state == .closed)
        #expect(saver.failure == nil && saver.saved == 3)
    }

    /// The second exercise's write fails: it and the third wait in memory (the third is not even
    /// tried), and at the end all of them go in, in order, then the close.
    @Test func aFailedWriteIsKeptAndTriedAgainAtTheEnd() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let failing = FailingStore(try HistoryStore(path: dir.path + "/h.sqlite"))
        let saver = SessionSaver(store: failing, session: HistoryFixtures.routineSession())
        let id = try #require(saver.sessionID)
        let all = Self.exercises()
        #expect(saver.append(all[0]) == nil)
        failing.failing = 1
        let said = try #require(saver.append(all[1]))
        #expect(said.kind == .diskFull)
        #expect(saver.append(all[2]) == nil)  // said once
        #expect(failing.attempts == 3)  // begin, 1, 2: the third waits untried
        #expect(saver.saved == 1 && saver.unsaved == 2)
        #expect(try failing.store.session(id: id)?.exercises.count == 1)
        try saver.close(endedAt: HistoryFixtures.date(hours: 1), painAfter: 3, recordings: [])
        let back = try #require(try failing.store.session(id: id))
        #expect(back.exercises.map(\.position) == [1, 2, 3])
        #expect(back.state == .closed && back.painAfter == 3)
        #expect(saver.saved == 3 && saver.unsaved == 0)
        #expect(saver.failure?.kind == .diskFull)  // it is remembered: the caller can say it was late
    }

    /// Still failing at the end: thrown; what was written before stays, the session open.
    @Test func aFailureThatLastsIsThrownAtTheEnd() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let failing = FailingStore(try HistoryStore(path: dir.path + "/h.sqlite"))
        let saver = SessionSaver(store: failing, session: HistoryFixtures.routineSession())
        let id = try #require(saver.sessionID)
        _ = saver.append(Self.exercises()[0])
        failing.failing = 100
        _ = saver.append(Self.exercises()[1])
        #expect(throws: HistoryError.self) { try saver.close(endedAt: Date(), painAfter: nil, recordings: []) }
        let back = try #require(try failing.store.session(id: id))
        #expect(back.exercises.count == 1 && back.state == .open)
        #expect(saver.unsaved == 1)
    }

    /// Even the session's beginning can wait: with the disk full from the start, everything is
    /// written at the end.
    @Test func theBeginningCanWaitToo() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let failing = FailingStore(try HistoryStore(path: dir.path + "/h.sqlite"))
        failing.failing = 1
        let saver = SessionSaver(store: failing, session: HistoryFixtures.routineSession())
        #expect(saver.sessionID == nil && saver.failure?.kind == .diskFull)
        for e in Self.exercises() { _ = saver.append(e) }
        #expect(failing.attempts == 1)
        try saver.close(endedAt: Date(), painAfter: nil, recordings: [])
        let id = try #require(saver.sessionID)
        #expect(try failing.store.session(id: id)?.exercises.count == 3)
    }
}
