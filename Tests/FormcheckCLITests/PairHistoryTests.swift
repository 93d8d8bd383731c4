import FormcheckHistory
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// A session of two sensors saved in the history through the built binary: the simulated pair
/// (`routine-pair-short`: the hamstring on the right then the left leg, two bridges on both legs)
/// replayed with `--save`, then `history` and `export` against the simulator's truth of each
/// leg; the plan's doses taken by the pair (`--plan-date`) after five days of it; and a real
/// process killed (SIGKILL) mid-replay keeps every exercise it had committed.
@Suite struct PairHistoryTests {
    static func truth(_ dir: URL, _ side: Side) throws -> ScenarioTruth {
        try JSONDecoder().decode(ScenarioTruth.self, from: Data(contentsOf: dir.appendingPathComponent("p.truth.\(side.rawValue).json")))
    }

    /// The truth's segment of `exercise` on `side` (each is done once per leg in this routine).
    static func segment(_ truth: ScenarioTruth, _ exercise: String, _ side: Side) -> ScenarioTruth.Exercise? {
        truth.exercises?.first { $0.exercise == exercise && $0.side == side }
    }

    static func save(_ session: String, db: String, date: String, extra: [String] = []) throws -> ExitStatusTests.Run {
        try ExitStatusTests.run(["replay", session, "--routine", PairCommandTests.routine, "--save", "--db", db, "--date", date,
                                 "--format", "json"] + extra)
    }

    @Test func aSavedPairHasEachLegsExercisesAsTheTruth() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let session = try PairCommandTests.simulated(dir)
        let db = dir.appendingPathComponent("history.sqlite").path
        let r = try Self.save(session, db: db, date: "2025-03-10T07:30", extra: ["--pain", "4", "--pain-after", "3"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("formcheck: saved in \(db) as session 1 (4 exercises)"), "\(r.stderr)")

        let h = try ExitStatusTests.run(["history", "--db", db, "--format", "json"])
        #expect(h.status == 0, "\(h.stderr)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let report = try decoder.decode(HistoryWeekTests.Document.self, from: Data(h.stdout.utf8)).report
        let day = try #require(report.days.first)
        #expect(report.days.count == 1 && day.label == "2025-03-10" && day.sessions == 1)
        #expect(day.pain.before == 4 && day.pain.after == 3)
        #expect(Set(day.work.map { "\($0.exercise) \($0.side.rawValue)" }) == ["hamstring left", "hamstring right", "bridge left", "bridge right"])
        for side in Side.allCases {
            let truth = try Self.truth(dir, side)
            let hamstring = try #require(Self.segment(truth, "hamstring", side))
            let holds = truth.holds.filter { $0.start >= hamstring.start && $0.end <= hamstring.end }
            let got = try #require(day.work.first { $0.exercise == "hamstring" && $0.side == side })
            #expect(holds.count == 1 && got.holds == holds.count && got.completeHolds == got.holds, "\(side)")
            let seconds = holds.reduce(0) { $0 + $1.duration }
            // Each hold's two boundaries within the single-exercise tolerance.
            #expect(abs(got.secondsUnderStretch - seconds) <= 2 * HistoryWeekTests.boundary * Double(holds.count),
                    "\(side): \(got.secondsUnderStretch) s, truth \(seconds) s")
            // Both legs' bridges (one set of two): the truth's reps on each, all complete.
            let bridge = try #require(Self.segment(truth, "bridge", side))
            let reps = (truth.reps ?? []).filter { $0.start >= bridge.start && $0.end <= bridge.end }
            let b = try #require(day.work.first { $0.exercise == "bridge" && $0.side == side })
            #expect(reps.count == 2 && b.reps == reps.count && b.completeReps == reps.filter(\.complete).count && b.sets == 1, "\(side)")
            #expect(got.formErrors == 0 && b.formErrors == 0)
        }

        // export: both devices, both recordings with their digests, each attempt with its step, side and trace.
        let e = try ExitStatusTests.run(["export", "--db", db, "--format", "json"])
        #expect(e.status == 0, "\(e.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(e.stdout.utf8)) as? [String: Any])
        let s = try #require((doc["sessions"] as? [[String: Any]])?.first)
        #expect(s["kind"] as? String == "replay" && s["routine"] as? String == "pair-short" && s["state"] as? String == "closed")
        #expect((s["devices"] as? [String])?.count == 2)
        let recordings = try #require(s["recordings"] as? [[String: Any]])
        #expect(recordings.compactMap { ($0["path"] as? String).map { ($0 as NSString).lastPathComponent } } == ["p.left.evemu", "p.right.evemu"])
        #expect(recordings.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        let exercises = try #require(s["exercises"] as? [[String: Any]])
        #expect(exercises.map { "\($0["step"] as? Int ?? 0) \($0["exercise"] as? String ?? "") \($0["side"] as? String ?? "")" }
                == ["1 hamstring right", "2 hamstring left", "3 bridge left", "3 bridge right"])
        // The other leg's bridge runs over the step's time, as the lead's.
        let bridges = exercises.filter { $0["exercise"] as? String == "bridge" }
        #expect(bridges.count == 2 && bridges[0]["start"] as? Double == bridges[1]["start"] as? Double, "\(bridges.map { $0["start"] ?? "-" })")
        #expect((bridges[0]["start"] as? Double ?? 0) < (bridges[0]["end"] as? Double ?? 0))
    }

    /// Five days of the pair in week 1 (every hold complete, both legs' bridges done, no pain
    /// given): week 2's plan grows the hamstring's hold by 5 s and the bridge by a rep a set, and
    /// the pair replayed with that day's doses (`--plan-date`) is coached to them: the simulated
    /// 2 bridges of each leg fall short of 3.
    @Test func thePairTakesThePlansDoses() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let session = try PairCommandTests.simulated(dir)
        let db = dir.appendingPathComponent("history.sqlite").path
        for day in 10...14 {
            let r = try Self.save(session, db: db, date: "2025-03-\(day)T07:30")
            #expect(r.status == 0 && r.stderr.contains("(4 exercises)"), "\(r.stderr)")
        }
        let p = try ExitStatusTests.run(["plan", "--db", db, "--routine", PairCommandTests.routine, "--date", "2025-03-17", "--format", "json"])
        #expect(p.status == 0, "\(p.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(p.stdout.utf8)) as? [String: Any])
        #expect(plan["week"] as? Int == 2)
        let doses = try #require(plan["exercises"] as? [[String: Any]])
        #expect(doses.first { $0["exercise"] as? String == "hamstring" }?["holdSeconds"] as? Double == 10)
        #expect(doses.first { $0["exercise"] as? String == "bridge" }?["perSet"] as? Int == 3)
        let r = try ExitStatusTests.run(["replay", session, "--routine", PairCommandTests.routine, "--plan-date", "2025-03-17", "--db", db,
                                         "--format", "json"])
        #expect(r.stderr.contains("today's doses from your plan (gradual, week 2)"), "\(r.stderr)")
        let lines = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let ended = lines.filter { $0["type"] as? String == "exerciseEnded" }
        // The hamstrings end at their one hold (the truth holds 9 s, short of the 10 now asked: not complete),
        // the bridge never reaches 3 reps: stopped at the end, the routine incomplete.
        #expect(ended.map { $0["ending"] as? String } == ["done", "done", "stopped", "stopped"], "\(ended.map { $0["ending"] ?? "-" })")
        let holds = ended.prefix(2).compactMap { (($0["summary"] as? [String: Any])?["holds"] as? [[String: Any]])?.first }
        #expect(holds.count == 2 && holds.allSatisfy { $0["complete"] as? Bool == false }, "\(holds)")
        #expect(lines.last?["type"] as? String == "routineSummary" && lines.last?["complete"] as? Bool == false)
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// A real `formcheck replay p.json --save` killed with SIGKILL once the history holds a finished
    /// exercise: the history opens with exactly those, in order, the session open, no digest.
    @Test func killedMidPairTheHistoryHoldsEveryFinishedExercise() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let session = try PairCommandTests.simulated(dir)
        let db = dir.appendingPathComponent("history.sqlite").path
        guard let binary = ExitStatusTests.binary else { throw ExitStatusTests.BinaryMissing() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["replay", session, "--routine", PairCommandTests.routine, "--save", "--db", db, "--date", "2025-03-10T07:30",
                       "--pain", "4", "--format", "json"]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let frozen = try HistoryCrashTests.waitFor(1, in: db, process: p)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let before = try #require(frozen, "the replay ended before the history held an exercise")
        #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL)
        let store = try HistoryStore(path: db)
        let after = try #require(try store.sessions().first)
        #expect(try store.sessions().count == 1)
        #expect(after.state == .open && after.endedAt == nil && after.painBefore == 4)
        #expect(after.exercises.count == before.exercises.count && after.exercises.count >= 1 && after.exercises.count < 4,
                "killed after \(after.exercises.count) of 4")
        let expected = ["hamstring right", "hamstring left", "bridge left", "bridge right"]
        #expect(after.exercises.map { "\($0.exercise) \($0.side.rawValue)" } == Array(expected.prefix(after.exercises.count)))
        #expect(after.exercises.allSatisfy { $0.ending == .done && ($0.trace?.flexion.count ?? 0) > 10 })
        #expect(after.recordings.count == 2 && after.recordings.allSatisfy { $0.sha256 == nil })
    }
}
