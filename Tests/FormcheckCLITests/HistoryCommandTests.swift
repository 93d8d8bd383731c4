import FormcheckHistory
import Foundation
import GRDB
import Testing

/// The history's failure cases through the built binary: their messages and exit statuses
/// (README "Exit status"), and that a refused file is left as it was.
@Suite struct HistoryCommandTests {
    /// A short walk recording (rendered: the scenario suite keeps only some recordings).
    static func walkRecording(_ dir: URL) throws -> String {
        let file = dir.path + "/walk.evemu"
        #expect(try ExitStatusTests.run(["simulate", "walk-brisk", "-o", file]).status == 0)
        return file
    }

    @Test func aDamagedHistoryIsExit65AndLeftAsItWas() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.path + "/history.sqlite"
        let bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) })
        try bytes.write(to: URL(fileURLWithPath: db))
        for arguments in [["history", "--db", db], ["export", "--db", db],
                          ["replay", ExitStatusTests.packageRoot + "/Fixtures/scenarios/piriformis-joycon.evemu", "--exercise", "piriformis", "--save", "--db", db]] {
            let r = try ExitStatusTests.run(arguments)
            #expect(r.status == 65, "\(arguments): \(r.stderr)")
            #expect(r.stderr.hasPrefix("formcheck: \(db): not a usable formcheck history: it is not an SQLite database, or it is damaged"), "\(r.stderr)")
            #expect(r.stderr.contains("nothing was changed\n  fix: move it aside (mv '\(db)' '\(db).damaged')"))
            #expect(r.stdout.isEmpty)  // refused before anything was replayed
            #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes)
        }
    }

    @Test func aHistoryFromANewerFormcheckIsExit65() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.path + "/history.sqlite"
        do {
            _ = try HistoryStore(path: db)
            let q = try DatabaseQueue(path: db)
            try q.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-later')") }
        }
        let r = try ExitStatusTests.run(["history", "--db", db])
        #expect(r.status == 65)
        #expect(r.stderr == "formcheck: \(db): made by a newer formcheck: its migrations v9-later are unknown to this one; nothing was changed\n"
                + "  fix: upgrade formcheck to the version that wrote it, or give another history with --db PATH\n")
    }

    /// Another writer holds the history for the whole replay: the first write waits 2 s, the
    /// replay goes on, the write is tried again at the end (2 s more), then exit 75 with the
    /// recording kept and how to save it later.
    @Test func aHistoryLockedByAnotherWriterIsExit75() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.path + "/history.sqlite"
        let file = try Self.walkRecording(dir)
        _ = try HistoryStore(path: db)
        let other = try DatabaseQueue(path: db)
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread {
            try? other.inDatabase { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "INSERT INTO session (started_at, kind, state) VALUES (0, 'live', 'open')")
                    holding.signal()
                    release.wait()
                    return .rollback
                }
            }
            done.signal()
        }.start()
        holding.wait()
        let r = try ExitStatusTests.run(["replay", file, "--exercise", "walk", "--save", "--db", db])
        release.signal()
        done.wait()
        #expect(r.status == 75, "\(r.stderr)")
        #expect(r.stderr.contains("formcheck: \(db): another formcheck is writing to this history (waited 2 s for it)\n"
                                  + "  fix: let the other session end, then try again; or give another history with --db PATH\n"
                                  + "  the session goes on: what is not saved yet is kept and written at the end"), "\(r.stderr)")
        #expect(r.stderr.contains("the session was not saved whole: nothing of it is in the history\n  the recording is kept: \(file)"))
        #expect(r.stdout.contains("steps"))  // the replay itself went on and reported
        #expect(try HistoryStore(path: db).sessions().isEmpty)
    }

    @Test(arguments: [
        (["replay", "x.evemu", "--exercise", "walk", "--save", "--pain", "11"], "--pain is 0 (no pain) to 10 (the worst imaginable), not 11"),
        (["replay", "x.evemu", "--exercise", "walk", "--save", "--pain-after=-1"], "--pain-after is 0 (no pain) to 10"),
        (["replay", "x.evemu", "--exercise", "walk", "--date", "today"], "--date is for --save"),
        (["replay", "x.evemu", "--exercise", "walk", "--pain", "3"], "--pain is for --save"),
        (["replay", "x.evemu", "y.evemu", "--exercise", "walk", "--save", "--date", "today"], "--date dates one session"),
        (["history", "--since", "last week"], "'last week' is not a date: give YYYY-MM-DD (2025-03-14), YYYY-MM-DDTHH:MM (2025-03-14T07:30), today, or Nd for N days ago (7d)"),
        (["export", "--format", "xml"], "xml"),
        (["live", "--exercise", "walk", "--pain", "12"], "--pain is 0 (no pain) to 10"),
        (["routine", "stretches", "--pain-after", "11"], "--pain-after is 0 (no pain) to 10"),
    ])
    func badOptionsAreExit64(_ arguments: [String], _ message: String) throws {
        let r = try ExitStatusTests.run(arguments)
        #expect(r.status == 64, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    /// Reading a history that is not there says so (exit 66, like `report`) and does not create it.
    @Test func noHistoryYetIsSaidAndNotCreated() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.path + "/none/history.sqlite"
        for command in ["history", "export"] {
            let r = try ExitStatusTests.run([command, "--db", db])
            #expect(r.status == 66 && r.stdout.isEmpty)
            #expect(r.stderr.hasPrefix("formcheck: \(db): no history yet: nothing has been saved\n"), "\(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/none"))
        // The default path is XDG_DATA_HOME's.
        let r = try ExitStatusTests.run(["history"], environment: ["XDG_DATA_HOME": dir.path + "/data"])
        #expect(r.stderr.hasPrefix("formcheck: \(dir.path)/data/formcheck/history.sqlite: no history yet"), "\(r.stderr)")
        // An empty history (created, nothing saved) says that.
        _ = try HistoryStore(path: db)
        let empty = try ExitStatusTests.run(["history", "--db", db])
        #expect(empty.status == 66 && empty.stdout.isEmpty && empty.stderr.hasPrefix("formcheck: \(db): no sessions saved yet\n"))
    }

    /// A replay saved into the default history (XDG_DATA_HOME), read back: one exercise, dated by --date.
    @Test func aReplayIsSavedInTheDefaultHistory() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let file = try Self.walkRecording(dir)
        let env = ["XDG_DATA_HOME": dir.path + "/data"]
        let r = try ExitStatusTests.run(["replay", file, "--exercise", "walk", "--height", "175", "--save", "--date", "2025-03-14T07:30",
                                         "--pain", "6", "--pain-after", "5"], environment: env)
        let db = dir.path + "/data/formcheck/history.sqlite"
        #expect(r.status == 0 && r.stderr.contains("formcheck: saved in \(db) as session 1 (1 exercise)"), "\(r.stderr)")
        let s = try #require(try HistoryStore(path: db).sessions().first)
        #expect(s.kind == .replay && s.routine == nil && s.painBefore == 6 && s.painAfter == 5 && s.state == .closed)
        #expect(DateOptionText.text(s.startedAt) == "2025-03-14T07:30")
        #expect(s.exercises.count == 1 && s.exercises[0].exercise == "walk" && s.exercises[0].ending == .done)
        #expect((s.exercises[0].summary.steps ?? 0) > 100 && (s.exercises[0].summary.distanceMeters ?? 0) > 0)
        #expect(abs((s.endedAt ?? .distantPast).timeIntervalSince(s.startedAt) - s.exercises[0].summary.t) < 1e-6)
        #expect(s.devices == ["Nintendo Switch Right Joy-Con IMU"])
        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
        #expect(s.recordings.first?.path == file && s.recordings.first?.bytes == size.map(Int64.init))
    }
}

/// `--date`'s text of a moment (local time), as the tests compare it.
enum DateOptionText {
    static func text(_ d: Date) -> String {
        let c = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        return String(format: "%04d-%02d-%02dT%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
