import FormcheckFeedback
import FormcheckHistory
import Foundation
import MotionCore
import Testing

/// `formcheck plan` and the plan's doses in a routine, through the built binary, on a history
/// written with the store: a week of daily-routine sessions (hamstring 3 × 30 s on each leg done,
/// a bridge 2 × 10, a 1609 m walk in 1150 s) on five days from Monday 2025-03-10, pain 3 → 3.
@Suite struct PlanCommandTests {
    /// `day` days after Monday 2025-03-10, at 08:00 local time (the CLI reads dates in the local calendar).
    static func date(_ day: Int) -> Date {
        Calendar.current.date(from: DateComponents(year: 2025, month: 3, day: 10 + day, hour: 8))!
    }

    static func hamstring(_ side: Side, at t: Double, seconds: Double = 30, holds: Int = 3) -> ExerciseRecord {
        let hs = (0..<holds).map { i in
            SessionSummary.Hold(rep: i + 1, side: side, start: t + 5 + Double(i) * 45, end: t + 5 + Double(i) * 45 + seconds,
                                duration: seconds, meanFlexion: 70, peakFlexion: 72, complete: true)
        }
        let end = t + Double(holds) * 45 + 10
        return ExerciseRecord(position: 1, exercise: "hamstring", side: side, ending: .done, start: t, end: end,
                              summary: SessionSummary(t: end, exercise: "hamstring", side: side, holds: hs, formErrors: []))
    }

    /// Writes `days` sessions of `routine` (its hamstring doses `seconds` × `holds`) into a new
    /// history at `db`, as the recorder does: begin, each exercise, close.
    static func week(_ db: String, days: Int = 5, routine: String = "sciatica-daily", seconds: Double = 30, holds: Int = 3) throws {
        let store = try HistoryStore(path: db)
        for day in 0..<days {
            let id = try store.begin(SessionRecord(startedAt: date(day), kind: .routine, routine: routine, painBefore: 3))
            var exercises = [hamstring(.right, at: 0, seconds: seconds, holds: holds), hamstring(.left, at: 200, seconds: seconds, holds: holds)]
            let reps = (0..<20).map { i in
                SessionSummary.Rep(rep: i % 10 + 1, set: i / 10 + 1, side: .right, start: 400 + Double(i) * 4, end: 403 + Double(i) * 4,
                                   peak: 20, range: 25, upSeconds: 1.5, downSeconds: 1.5, complete: true)
            }
            exercises.append(ExerciseRecord(position: 3, exercise: "bridge", side: .right, ending: .done, start: 400, end: 500,
                                            summary: SessionSummary(t: 500, exercise: "bridge", side: .right, holds: [], formErrors: [], reps: reps)))
            exercises.append(ExerciseRecord(position: 4, exercise: "walk", side: .right, ending: .done, start: 510, end: 1660,
                                            summary: SessionSummary(t: 1660, exercise: "walk", side: .right, holds: [], formErrors: [],
                                                                    steps: 2100, cadence: 109.6, walkingSeconds: 1150, distanceMeters: 1609.344)))
            for (i, e) in exercises.enumerated() {
                var e = e
                e.position = i + 1
                try store.append(e, session: id)
            }
            try store.close(session: id, endedAt: date(day).addingTimeInterval(1700), painAfter: 3, recordings: [])
        }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func withoutAHistoryItIsTheStartingPlan() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let r = try ExitStatusTests.run(["plan", "--db", dir.appendingPathComponent("h.sqlite").path, "--date", "2025-03-10"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.hasPrefix("plan      gradual, the starting plan: no sessions in the history before 2025-03-10\n"), "\(r.stdout)")
        #expect(r.stdout.contains("walking   1.0 mi (1609 m), about 20 min at 1.34 m/s; goal 3.0 mi a day"), "\(r.stdout)")
        #expect(r.stdout.contains("  hamstring      3 × 30 s     the routine's dose: no sessions in the history yet"), "\(r.stdout)")
    }

    @Test func afterAWeekDoneTheTargetsGrowWithTheirReasons() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.appendingPathComponent("h.sqlite").path
        try Self.week(db)
        let r = try ExitStatusTests.run(["plan", "--db", db, "--date", "2025-03-17", "--format", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let o = try Self.json(r.stdout)
        #expect(o["week"] as? Int == 2 && o["firstDay"] as? String == "2025-03-10" && o["routine"] as? String == "sciatica-daily")
        let walking = try #require(o["walking"] as? [String: Any])
        #expect(walking["metres"] as? Double == 1770.3)  // +10 % on 1609.3 m
        #expect(walking["metresPerSecond"] as? Double == 1.4 && walking["paceMeasured"] as? Bool == true)  // 1609 m in 1150 s
        #expect(walking["minutes"] as? Int == 21)
        #expect(walking["reason"] as? String == "+10 % on what you walked a day in your first week, 1.0 mi; pain steady (3.0 after sessions)")
        let exercises = try #require(o["exercises"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: exercises.map { ($0["exercise"] as? String ?? "", $0) })
        #expect(byName["hamstring"]?["holdSeconds"] as? Double == 35)
        #expect(byName["hamstring"]?["reason"] as? String == "+5 s on last week's 30 s; pain steady (3.0 after sessions)")
        #expect(byName["bridge"]?["perSet"] as? Int == 11)
        #expect(byName["piriformis"]?["holdSeconds"] as? Double == 60)
        #expect(byName["knee-to-chest"]?["reason"] as? String == "as last week: done on 0 of 7 days, 5 needed; pain steady (3.0 after sessions)")
        // Within the week, the first week's targets; another routine's doses on request.
        let first = try Self.json(try ExitStatusTests.run(["plan", "--db", db, "--date", "2025-03-14", "--format", "json"]).stdout)
        #expect((first["walking"] as? [String: Any])?["metres"] as? Double == 1609.3)
        let stretches = try Self.json(try ExitStatusTests.run(["plan", "--db", db, "--date", "2025-03-17", "--routine", "stretches", "--format", "json"]).stdout)
        #expect((stretches["exercises"] as? [[String: Any]])?.compactMap { $0["exercise"] as? String } == ["piriformis", "hamstring", "knee-to-chest"])
    }

    @Test func fourDaysHoldTheTargets() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.appendingPathComponent("h.sqlite").path
        try Self.week(db, days: 4)
        let r = try ExitStatusTests.run(["plan", "--db", db, "--date", "2025-03-17"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("as what you walked a day in your first week, 1.0 mi: 90 % of it walked on 4 of 7 days, 5 needed"), "\(r.stdout)")
        #expect(r.stdout.contains("  hamstring      3 × 30 s     as last week: done on 4 of 7 days, 5 needed"), "\(r.stdout)")
    }

    @Test func anotherPlanFileItsMistakesAndTheRules() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.appendingPathComponent("h.sqlite").path
        try Self.week(db)
        let mine = dir.appendingPathComponent("mine.json")
        try Data(#"{"name": "mine", "description": "faster", "walking": {"weeklyGrowth": 0.2}}"#.utf8).write(to: mine)
        let r = try ExitStatusTests.run(["plan", "--db", db, "--date", "2025-03-17", "--plan", mine.path, "--format", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect((try Self.json(r.stdout)["walking"] as? [String: Any])?["metres"] as? Double == 1931.2)
        let bad = dir.appendingPathComponent("bad.json")
        try Data("{\n  \"name\": \"bad\", \"description\": \"x\",\n  \"walking\": {\"weeklyGrowt\": 0.2}\n}\n".utf8).write(to: bad)
        let refused = try ExitStatusTests.run(["plan", "--db", db, "--plan", bad.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(bad.path):3: walking.weeklyGrowt: unknown key; did you mean weeklyGrowth?"), "stderr: \(refused.stderr)")
        #expect(refused.stderr.contains("fix: "))
        #expect(try ExitStatusTests.run(["plan", "--db", db, "--plan", "steep"]).status == 64)
        #expect(try ExitStatusTests.run(["plan", "--db", db, "--plan", dir.appendingPathComponent("none.json").path]).status == 66)
        // routine reads its plan before it looks for a device (none here).
        #expect(try ExitStatusTests.run(["routine", "stretches", "--plan", "steep"]).status == 64)
        #expect(try ExitStatusTests.run(["routine", "stretches", "--plan", bad.path]).status == 65)
        // --rules: exactly the built-in file.
        let rules = try ExitStatusTests.run(["plan", "--rules"])
        #expect(rules.stdout == (try String(contentsOfFile: ExitStatusTests.packageRoot + "/Sources/FormcheckHistory/Plans/gradual.json", encoding: .utf8)))
    }

    @Test func aBadDateOrACorruptHistoryIsSaid() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let date = try ExitStatusTests.run(["plan", "--db", dir.appendingPathComponent("h.sqlite").path, "--date", "14/03/2025"])
        #expect(date.status == 64 && date.stderr.contains("YYYY-MM-DD"), "stderr: \(date.stderr)")
        let corrupt = dir.appendingPathComponent("corrupt.sqlite")
        try Data(repeating: 0x5a, count: 8192).write(to: corrupt)
        let r = try ExitStatusTests.run(["plan", "--db", corrupt.path])
        #expect(r.status == 65, "stderr: \(r.stderr)")
        #expect(r.stderr.contains(corrupt.path) && r.stderr.contains("fix: "), "stderr: \(r.stderr)")
    }

    /// The routine takes the plan's doses: the simulated stretches routine (hamstring held 15 s, as
    /// stretches-short asks) after a week of stretches-short done — the plan asks 20 s, so the same
    /// holds are no longer complete; `--no-plan`'s equivalent, replay without --plan-date, keeps 15 s.
    @Test func aRoutineReplayedWithThePlansDoses() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.appendingPathComponent("h.sqlite").path
        try Self.week(db, routine: "stretches-short", seconds: 15, holds: 2)
        let session = dir.appendingPathComponent("r.evemu").path
        #expect(try ExitStatusTests.run(["simulate", "routine-stretches", "-o", session]).status == 0)
        let routine = ReplayRoutineCommandTests.routine
        let own = try ExitStatusTests.run(["replay", session, "--routine", routine, "--db", db])
        #expect(own.status == 0, "stderr: \(own.stderr)")
        #expect(own.stdout.contains("hamstring left: done") && own.stdout.contains("2 of 2 holds complete"), "\(own.stdout)")
        let planned = try ExitStatusTests.run(["replay", session, "--routine", routine, "--db", db, "--plan-date", "2025-03-17"])
        #expect(planned.status == 0, "stderr: \(planned.stderr)")
        #expect(planned.stderr.contains("today's doses from your plan (gradual, week 2): piriformis 1 × 20 s, hamstring 2 × 20 s"), "stderr: \(planned.stderr)")
        let hamstrings = planned.stdout.split(separator: "\n").filter { $0.contains(". hamstring ") }
        #expect(hamstrings.count == 2 && hamstrings.allSatisfy { $0.contains("0 of 2 holds complete") }, "\(planned.stdout)")
        // --plan-date without --routine is bad usage.
        #expect(try ExitStatusTests.run(["replay", session, "--exercise", "hamstring", "--plan-date", "today"]).status == 64)
    }
}

/// The plan on the simulated week and a bit (`SimulatedWeek`: sessions on days −9 … 0 saved with
/// `replay --save`): plan week 1 is days −9 … −3, so today is in week 2, decided on that first
/// week — the routine done on 2 days (−9, −8), walks on 2 (−9, −5), pain after 4, 4, 3, 3.
@Suite struct PlanWeekCommandTests {
    @Test func todaysTargetsFromTheSimulatedWeek() throws {
        let w = try SimulatedWeek.shared.get()
        // The week's routine is a file: without --routine the plan says so and plans the daily routine.
        let guess = try ExitStatusTests.run(["plan", "--db", w.db])
        #expect(guess.status == 0 && guess.stderr.contains("your last routine, stretches-short, is not one formcheck knows by name"),
                "stderr: \(guess.stderr)")
        #expect(guess.stdout.contains("routine   sciatica-daily"))
        let r = try ExitStatusTests.run(["plan", "--db", w.db, "--routine", SimulatedWeek.routine, "--format", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let o = try PlanCommandTests.json(r.stdout)
        #expect(o["week"] as? Int == 2)
        #expect(o["routine"] as? String == "stretches-short")
        let first = SimulatedWeek.start(SimulatedWeek.plan[0])
        let c = Calendar.current.dateComponents([.year, .month, .day], from: first)
        #expect(o["firstDay"] as? String == String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!))
        // Pain after in plan week 1, from the table: 4, 4, 3, 3.
        let painAfter = SimulatedWeek.plan.filter { $0.day >= 3 }.compactMap(\.painAfter)
        #expect(painAfter == [4, 4, 3, 3])
        let pain = String(format: "pain steady (%.1f after sessions)", Double(painAfter.reduce(0, +)) / Double(painAfter.count))
        let exercises = try #require(o["exercises"] as? [[String: Any]])
        #expect(exercises.compactMap { $0["exercise"] as? String } == ["piriformis", "hamstring"])
        // The routine on days −9 and −8, every hold complete (the truth's holds are the routine's doses).
        let routineDays = Set(SimulatedWeek.plan.filter { $0.day >= 3 && $0.kind == .routine }.map(\.day)).count
        #expect(routineDays == 2)
        for e in exercises {
            #expect(e["reason"] as? String == "as last week: done on \(routineDays) of 7 days, 5 needed; \(pain)", "\(e)")
        }
        #expect(exercises.first?["holdSeconds"] as? Double == 20 && exercises.last?["holdSeconds"] as? Double == 15)
        // Walking: the first week's two walks, each the walk-brisk recording's distance by the
        // stride model (175 cm), well under the plan's 400 m minimum, which is the base.
        let walks = try HistoryStore(path: w.db).sessions(traces: false).filter {
            SimulatedWeek.start(SimulatedWeek.plan[0]) <= $0.startedAt && $0.startedAt < Calendar.current.date(byAdding: .day, value: 7, to: Calendar.current.startOfDay(for: first))!
        }.flatMap(\.exercises).compactMap(\.summary.distanceMeters)
        #expect(walks.count == 2)
        let mean = walks.reduce(0, +) / Double(walks.count)
        let walking = try #require(o["walking"] as? [String: Any])
        #expect(walking["metres"] as? Double == 400)
        #expect(walking["reason"] as? String
                == String(format: "as what you walked a day in your first week, %.2f mi (at least the plan's 0.25 mi): 90 %% of it walked on 0 of 7 days, 5 needed; ", mean / 1609.344) + pain,
                "\(walking)")
        // The same day three days earlier: still the first week.
        let early = try PlanCommandTests.json(try ExitStatusTests.run(["plan", "--db", w.db, "--routine", SimulatedWeek.routine, "--date", "3d", "--format", "json"]).stdout)
        #expect(early["week"] as? Int == 1)
        #expect((early["walking"] as? [String: Any])?["reason"] as? String == "the starting distance, for the plan's first week")
    }
}
