import Foundation
import Testing

/// `formcheck replay FILE --routine NAME|FILE` through the built binary: a simulated routine (the
/// strap moved twice) replayed to its JSON Lines, and the errors with their exit statuses.
@Suite struct ReplayRoutineCommandTests {
    static let routine = ExitStatusTests.packageRoot + "/Fixtures/routines/stretches-short.json"

    @Test func aRoutineRecordingReplaysExerciseByExercise() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let session = dir.appendingPathComponent("r.evemu").path
        let truthPath = dir.appendingPathComponent("r.truth.json").path
        #expect(try ExitStatusTests.run(["simulate", "routine-stretches", "-o", session, "--truth", truthPath]).status == 0)
        let r = try ExitStatusTests.run(["replay", session, "--routine", Self.routine, "--format", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        func of(_ type: String) -> [[String: Any]] { lines.filter { $0["type"] as? String == type } }
        #expect(of("exerciseStarted").map { "\($0["step"] as? Int ?? 0) \($0["exercise"] as? String ?? "") \($0["side"] as? String ?? "")" }
                == ["1 piriformis right", "2 piriformis left", "3 hamstring left", "4 hamstring right"])
        #expect(of("exerciseEnded").map { $0["ending"] as? String } == ["done", "done", "done", "done"])
        #expect(of("summary").isEmpty)
        // The order: each exercise's lines between its start and its end, the routine summary last.
        let order = lines.compactMap { $0["type"] as? String }.filter { ["exerciseStarted", "exerciseEnded", "strapMoved", "routineSummary"].contains($0) }
        #expect(order == ["exerciseStarted", "exerciseEnded", "strapMoved", "exerciseStarted", "exerciseEnded", "exerciseStarted",
                          "exerciseEnded", "strapMoved", "exerciseStarted", "exerciseEnded", "routineSummary"])
        #expect(lines.last?["complete"] as? Bool == true)
        // The strap moves where the truth has them (see RoutineSessionTests for the tolerance).
        let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truthPath))) as? [String: Any])
        let moves = try #require(truth["strapMoves"] as? [[String: Any]])
        for (m, t) in zip(of("strapMoved"), moves) {
            #expect(m["side"] as? String == t["side"] as? String)
            #expect(abs((m["on"] as? Double ?? 0) - (t["end"] as? Double ?? 0)) <= 0.5)
        }
        // Text: the steps and the routine's summary.
        let text = try ExitStatusTests.run(["replay", session, "--routine", Self.routine])
        #expect(text.status == 0)
        #expect(text.stdout.contains("== step 2: piriformis, left leg"))
        #expect(text.stdout.contains("routine   stretches-short, 239.9 s, complete\n  1. piriformis right: done, 0.0 s–45.3 s, 1 of 1 holds complete, 0 form errors\n"))
    }

    @Test(arguments: [
        (["--routine", "yoga"], 64),
        (["--routine", "stretches", "--exercise", "piriformis"], 64),
        (["--routine", "/no/such/routine.json"], 66),
    ])
    func routineErrors(_ extra: [String], _ status: Int) throws {
        let r = try ExitStatusTests.run(["replay", CoachingCommandTests.scenarios + "/hamstring-shallow.evemu"] + extra)
        #expect(Int(r.status) == status, "stderr: \(r.stderr)")
        #expect(r.stderr.hasPrefix("formcheck: ") || r.stderr.hasPrefix("Error: "))
    }

    /// A recording in which no exercise of the routine is done to its dose is bad data: a hamstring
    /// held at 35° is no piriformis (the routine's first exercise, held at 60° or more).
    @Test func aRecordingThatIsNotTheRoutineIsBadData() throws {
        let r = try ExitStatusTests.run(["replay", CoachingCommandTests.scenarios + "/hamstring-shallow.evemu", "--routine", Self.routine])
        #expect(r.status == 65, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("no exercise of routine stretches-short was done to its dose"))
    }
}
