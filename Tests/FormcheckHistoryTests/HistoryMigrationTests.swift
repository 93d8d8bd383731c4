@testable import FormcheckHistory
import Foundation
import GRDB
import Testing

/// Versioned migrations: a database made by the first migration alone is brought up to date with
/// its sessions kept; one migrated by a newer formcheck is refused and left as it was.
@Suite struct HistoryMigrationTests {
    @Test func aVersionOneDatabaseOpensAndIsMigrated() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let path = dir.path + "/v1.sqlite"
        do {
            // The database as the first migration made it, with a session in it.
            let queue = try DatabaseQueue(path: path)
            try HistorySchema.migrator.migrate(queue, upTo: "v1-sessions")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO session (started_at, kind, state, routine, pain_before) VALUES (1741591800, 'routine', 'closed', 'stretches', 5);
                    INSERT INTO exercise (session_id, position, exercise, side, ending, start_seconds, end_seconds, summary_seconds, counts_reps)
                        VALUES (1, 1, 'hamstring', 'left', 'done', 0, 40, 40, 0);
                    INSERT INTO hold (exercise_id, position, rep, side, start_seconds, end_seconds, duration, mean_flexion, peak_flexion, complete)
                        VALUES (1, 1, 1, 'left', 5, 25, 20, 70, 72, 1);
                    """)
            }
            #expect(try queue.read { try HistorySchema.migrator.appliedIdentifiers($0) } == ["v1-sessions"])
            #expect(try queue.read { try $0.tableExists("profile") } == false)
        }
        let store = try HistoryStore(path: path)
        #expect(try store.run { try HistorySchema.migrator.appliedIdentifiers($0) } == Set(HistorySchema.identifiers))
        let sessions = try store.sessions()
        #expect(sessions.count == 1)
        #expect(sessions.first?.startedAt == HistoryFixtures.date())
        #expect(sessions.first?.painBefore == 5)
        #expect(sessions.first?.exercises.first?.summary.holds.map(\.duration) == [20])
        #expect(try store.profile() == UserProfile())
        try store.saveProfile(UserProfile(heightCentimetres: 180))
        #expect(try store.profile().heightCentimetres == 180)
        // And the journal is WAL from then on.
        #expect(try store.run { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func aDatabaseFromANewerFormcheckIsRefusedAndLeftAsItWas() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let path = dir.path + "/newer.sqlite"
        do {
            let store = try HistoryStore(path: path)
            try store.begin(HistoryFixtures.routineSession())
            // What a later formcheck's migration would leave.
            try store.run { db in
                try db.execute(sql: "CREATE TABLE goal (id INTEGER PRIMARY KEY); INSERT INTO grdb_migrations VALUES ('v3-goals')")
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let e = try #require(throws: HistoryError.self) { try HistoryStore(path: path) }
        #expect(e.kind == .newer)
        #expect(e.exitStatus == 65)
        #expect(e.description == path + ": made by a newer formcheck: its migrations v3-goals are unknown to this one; nothing was changed\n"
                + "  fix: upgrade formcheck to the version that wrote it, or give another history with --db PATH")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
