import FormcheckHistory
import Foundation
import Testing

/// Crash safety with a real formcheck process saving a routine replay into a history: killed with
/// SIGKILL once the history holds finished exercises, the history opens and holds exactly those,
/// the session open; stopped with SIGINT (Ctrl-C), the session is closed with what was done.
/// No fixed sleeps: the process runs in short slices and the history is read between them, while
/// the process is frozen (SIGSTOP), so the exercises counted are the ones there when it dies.
@Suite struct HistoryCrashTests {
    /// Starts `formcheck replay ROUTINE --routine … --save --db DB`, output to files in `dir`.
    static func start(db: String, dir: URL) throws -> Process {
        let w = try SimulatedWeek.shared.get()
        guard let binary = ExitStatusTests.binary else { throw ExitStatusTests.BinaryMissing() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["replay", w.recordings[.routine] ?? "", "--routine", SimulatedWeek.routine, "--save", "--db", db,
                       "--date", "2025-03-10T07:30", "--pain", "4", "--format", "json"]
        p.standardInput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: dir.path + "/out", contents: nil)
        _ = FileManager.default.createFile(atPath: dir.path + "/err", contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: dir.appendingPathComponent("out"))
        p.standardError = try FileHandle(forWritingTo: dir.appendingPathComponent("err"))
        try p.run()
        return p
    }

    /// Lets the process run in slices of 20 ms (SIGCONT … SIGSTOP) and, while it is stopped, reads
    /// the history, until its session holds `count` finished exercises; returns what the history
    /// holds then, the process left stopped. nil when the process ended first. A slice gives the
    /// process at most 20 ms of CPU — far less than an exercise of the routine takes to replay
    /// (about 0.6 s) — so it cannot run past the count however loaded the machine is; and the
    /// history is opened and read only while it is stopped, so its writes never make the reader
    /// wait (a stopped writer holding the lock only fails this slice's read: the next one tries again).
    static func waitFor(_ count: Int, in db: String, process: Process) throws -> SessionRecord? {
        kill(process.processIdentifier, SIGSTOP)
        let deadline = Date().addingTimeInterval(300)
        var store: HistoryStore?
        while process.isRunning && Date() < deadline {
            kill(process.processIdentifier, SIGCONT)
            usleep(20_000)
            kill(process.processIdentifier, SIGSTOP)
            if store == nil, FileManager.default.fileExists(atPath: db) { store = try? HistoryStore(path: db) }
            if let store, let s = try? store.sessions(traces: false).first, s.exercises.count >= count {
                return s
            }
        }
        return nil
    }

    @Test func killedMidSessionTheHistoryHoldsEveryFinishedExercise() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.path + "/history.sqlite"
        let p = try Self.start(db: db, dir: dir)
        let frozen = try Self.waitFor(2, in: db, process: p)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let before = try #require(frozen, "the replay ended before the history held 2 exercises")
        #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL)
        // The history opens (WAL: the last commit is there) and holds exactly what it held.
        let store = try HistoryStore(path: db)
        let after = try #require(try store.sessions().first)
        #expect(try store.sessions().count == 1)
        #expect(after.state == .open && after.endedAt == nil)
        #expect(after.exercises.count == before.exercises.count)
        #expect(after.exercises.count >= 2 && after.exercises.count < 4, "killed after \(after.exercises.count) of 4")
        let expected = ["piriformis right", "piriformis left", "hamstring left", "hamstring right"]
        #expect(after.exercises.map { "\($0.exercise) \($0.side.rawValue)" } == Array(expected.prefix(after.exercises.count)))
        #expect(after.exercises.allSatisfy { $0.ending == .done && $0.summary.holds.count >= 1 && ($0.trace?.flexion.count ?? 0) > 100 })
        #expect(after.painBefore == 4)
        #expect(after.recordings.first?.sha256 == nil)  // the digest is stored at the close, which never came
    }

    @Test func ctrlCClosesTheSessionWithWhatWasDone() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.path + "/history.sqlite"
        let p = try Self.start(db: db, dir: dir)
        let frozen = try Self.waitFor(1, in: db, process: p)
        kill(p.processIdentifier, SIGINT)
        kill(p.processIdentifier, SIGCONT)
        p.waitUntilExit()
        let before = try #require(frozen, "the replay ended before the history held an exercise")
        #expect(p.terminationReason == .exit && p.terminationStatus == 0,
                "\(String(decoding: (try? Data(contentsOf: dir.appendingPathComponent("err"))) ?? Data(), as: UTF8.self))")
        let s = try #require(try HistoryStore(path: db).sessions().first)
        #expect(s.state == .closed && s.endedAt != nil)
        #expect(s.exercises.count >= before.exercises.count && s.exercises.count < 4)
        // The exercise under way when Ctrl-C came, if one was, ended as stopped.
        #expect(s.exercises.dropFirst(before.exercises.count).allSatisfy { $0.ending == .stopped })
        #expect(s.recordings.first?.sha256?.count == 64)
        let err = String(decoding: try Data(contentsOf: dir.appendingPathComponent("err")), as: UTF8.self)
        #expect(err.contains("formcheck: saved in \(db) as session 1 ("), "\(err)")
    }
}
