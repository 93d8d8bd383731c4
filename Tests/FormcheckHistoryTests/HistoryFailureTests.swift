@testable import FormcheckHistory
import Foundation
import GRDB
import Testing

/// Files the store refuses (random bytes, a truncated history, another program's database) are
/// left byte for byte as they were; another writer is waited for, then said; a full disk is said.
@Suite struct HistoryFailureTests {
    /// The bytes at `path`.
    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func randomBytesAreRefusedAndUntouched() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let path = dir.path + "/noise.sqlite"
        var rng = SystemRandomNumberGenerator()
        try Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &rng) }).write(to: URL(fileURLWithPath: path))
        let before = try Self.bytes(path)
        let e = try #require(throws: HistoryError.self) { try HistoryStore(path: path) }
        #expect(e.kind == .corrupt && e.exitStatus == 65)
        #expect(e.description.hasPrefix(path + ": not a usable formcheck history: it is not an SQLite database, or it is damaged"))
        #expect(e.description.contains("nothing was changed"))
        #expect(e.fix == "move it aside (mv '\(path)' '\(path).damaged') and formcheck starts a new history there, or give another with --db PATH")
        #expect(try Self.bytes(path) == before)
    }

    @Test func aTruncatedHistoryIsRefusedAndUntouched() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let path = dir.path + "/cut.sqlite"
        do {
            let store = try HistoryStore(path: path)
            for day in 0..<20 {
                let id = try store.begin(HistoryFixtures.routineSession(day: day))
                var e = HistoryFixtures.stretch(position: 1, side: .left, holds: [20, 20], start: 0)
                e.trace = AngleTrace(start: 0, rate: 10, flexion: (0..<3000).map { Float($0 % 90) })
                try store.append(e, session: id)
            }
        }
        let whole = try Self.bytes(path)
        #expect(whole.count > 200_000)
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        let before = try Self.bytes(path)
        let e = try #require(throws: HistoryError.self) { try HistoryStore(path: path) }
        #expect(e.kind == .corrupt, "\(e)")
        #expect(e.description.contains("damaged"), "\(e)")
        #expect(try Self.bytes(path) == before)
    }

    @Test func anotherProgramsDatabaseIsRefusedAndUntouched() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let path = dir.path + "/notes.sqlite"
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES (1, 'mine')") }
        }
        let before = try Self.bytes(path)
        let e = try #require(throws: HistoryError.self) { try HistoryStore(path: path) }
        #expect(e.kind == .corrupt)
        #expect(e.message == "not a usable formcheck history: it is an SQLite database, but not a formcheck history (tables: notes); nothing was changed")
        #expect(try Self.bytes(path) == before)
    }

    @Test func anEmptyFileBecomesAHistory() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let path = dir.path + "/empty.sqlite"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try HistoryStore(path: path)
        #expect(try store.sessions().isEmpty)
    }

    @Test func aFolderOrAnUnwritablePlaceCannotBeOpened() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let e = try #require(throws: HistoryError.self) { try HistoryStore(path: dir.path) }
        #expect(e.kind == .cannotOpen && e.exitStatus == 73)
        #expect(e.message == "is a folder, not a history database")
        // A folder that cannot be made: its parent is a file.
        try Data("x".utf8).write(to: dir.appendingPathComponent("file"))
        let f = try #require(throws: HistoryError.self) { try HistoryStore(path: dir.path + "/file/sub/h.sqlite") }
        #expect(f.kind == .cannotOpen && f.message.hasPrefix("cannot create its folder \(dir.path)/file/sub"))
    }

    /// A second connection holds a write transaction (as another formcheck saving would): the
    /// store waits its busy timeout (2 s), then says another formcheck is writing (exit 75); once
    /// the other is done, the same write goes through.
    @Test func anotherWriterIsWaitedForThenSaid() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let path = dir.path + "/busy.sqlite"
        let store = try HistoryStore(path: path)
        let other = try DatabaseQueue(path: path)
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread {
            try? other.inDatabase { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "INSERT INTO session (started_at, kind, state) VALUES (0, 'live', 'open')")
                    holding.signal()
                    release.wait()
                    return .commit
                }
            }
            done.signal()
        }.start()
        holding.wait()
        // Opening is a read: it does not wait.
        let reader = try HistoryStore(path: path)
        #expect(try reader.sessions().isEmpty)
        let start = Date()
        let e = try #require(throws: HistoryError.self) { try store.begin(HistoryFixtures.routineSession()) }
        let waited = Date().timeIntervalSince(start)
        #expect(e.kind == .locked && e.exitStatus == 75)
        #expect(e.description == path + ": another formcheck is writing to this history (waited 2 s for it)\n"
                + "  fix: let the other session end, then try again; or give another history with --db PATH")
        #expect(waited >= 1.9, "gave up after \(waited) s")
        release.signal()
        done.wait()
        try store.begin(HistoryFixtures.routineSession())
        #expect(try store.sessions().count == 2)
    }

    /// SQLite's own SQLITE_FULL (the database may not grow: max_page_count at its size): the
    /// write is rolled back whole and said as a full disk (exit 74); with room again it goes through.
    @Test func aFullDiskIsSaidAndTheWriteRolledBack() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let path = dir.path + "/full.sqlite"
        let store = try HistoryStore(path: path)
        let id = try store.begin(HistoryFixtures.routineSession())
        try store.run { db in try db.execute(sql: "PRAGMA max_page_count = \(try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0)") }
        var big = HistoryFixtures.stretch(position: 1, side: .left, holds: [20], start: 0)
        big.trace = AngleTrace(start: 0, rate: 10, flexion: [Float](repeating: 45, count: 20_000))
        let e = try #require(throws: HistoryError.self) { try store.append(big, session: id) }
        #expect(e.kind == .diskFull && e.exitStatus == 74)
        #expect(e.message.hasPrefix("the disk is full: the history could not be written"))
        #expect(try store.session(id: id)?.exercises.isEmpty == true)
        try store.run { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        try store.append(big, session: id)
        #expect(try store.session(id: id)?.exercises.first?.trace?.flexion.count == 20_000)
    }
}
