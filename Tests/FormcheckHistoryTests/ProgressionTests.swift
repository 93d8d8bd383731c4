import FormcheckFeedback
@testable import FormcheckHistory
import Foundation
import MotionCore
import Testing

/// Today's targets from histories built of `SessionRecord` values (the daily routine's doses:
/// hamstring 3 × 30 s, piriformis 2 × 60 s, bridge 2 × 10, walk 20 min): the starting plan, the
/// first week, growth after a week done, and each rule probed at its threshold through the history
/// — days done 4 and 5, form errors 1 and 2, a hold not complete, pain +0.9 and +1.0 — and the step
/// back after two rising weeks.
@Suite struct ProgressionTests {
    static let mile = 1609.344
    static let rules = try! PlanLibrary.named(PlanLibrary.defaultName)
    static let routine = try! RoutinePlan(RoutineLibrary.named("sciatica-daily")) { try ExerciseLibrary.named($0) }
    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// 2025-03-10 (a Monday) 07:30 UTC plus `day` days.
    static func date(_ day: Int, hours: Double = 0) -> Date {
        Date(timeIntervalSince1970: 1_741_591_800 + Double(day) * 86_400 + hours * 3_600)
    }

    /// One routine session on `day`: a hamstring on each leg (3 holds of 30 s, complete unless
    /// `incomplete`, with `errors` form errors on the right leg), a bridge (2 × `perSet`, done), and a
    /// walk of `metres` (nil: no distance; its time in gait is `metres / 1.4` s, at 1.4 m/s).
    static func session(day: Int, walk metres: Double? = mile, walkSeconds: Double? = nil, errors: Int = 0,
                        incomplete: Bool = false, perSet: Int = 10, painBefore: Int? = nil, painAfter: Int? = nil) -> SessionRecord {
        var exercises: [ExerciseRecord] = []
        var t = 10.0
        for side in [Side.right, .left] {
            var holds: [SessionSummary.Hold] = []
            for i in 1...3 {
                let start: Double = t + Double(i) * 40
                holds.append(SessionSummary.Hold(rep: i, side: side, start: start, end: start + 30, duration: 30,
                                                 meanFlexion: 70, peakFlexion: 72, complete: !(incomplete && i == 2)))
            }
            var fe: [SessionSummary.Error] = []
            if side == .right { for k in 0..<errors { fe.append(SessionSummary.Error(t: t + 50 + Double(k), kind: .tooFast, rep: 1)) } }
            let s = SessionSummary(t: t + 170, exercise: "hamstring", side: side, holds: holds, formErrors: fe)
            exercises.append(ExerciseRecord(position: exercises.count + 1, exercise: "hamstring", side: side, ending: .done,
                                            start: t, end: t + 170, summary: s))
            t += 180
        }
        var reps: [SessionSummary.Rep] = []
        for i in 0..<(2 * perSet) {
            let start: Double = t + Double(i) * 4
            reps.append(SessionSummary.Rep(rep: i % perSet + 1, set: i / perSet + 1, side: .right, start: start, end: start + 3,
                                           peak: 20, range: 25, upSeconds: 1.5, downSeconds: 1.5, complete: true))
        }
        exercises.append(ExerciseRecord(position: exercises.count + 1, exercise: "bridge", side: .right, ending: .done, start: t,
                                        end: t + 120, summary: SessionSummary(t: t + 120, exercise: "bridge", side: .right, holds: [],
                                                                              formErrors: [], reps: reps)))
        t += 130
        if metres != nil || walkSeconds != nil {
            let seconds = walkSeconds ?? (metres ?? 0) / 1.4
            let steps = Int(seconds * 110 / 60)
            let s = SessionSummary(t: t + seconds, exercise: "walk", side: .right, holds: [], formErrors: [], steps: steps,
                                   cadence: 110, walkingSeconds: seconds, distanceMeters: metres)
            exercises.append(ExerciseRecord(position: exercises.count + 1, exercise: "walk", side: .right, ending: .done, start: t,
                                            end: t + seconds, summary: s))
        }
        return SessionRecord(startedAt: date(day), endedAt: date(day, hours: 1), kind: .routine, state: .closed,
                             routine: "sciatica-daily", painBefore: painBefore, painAfter: painAfter, exercises: exercises)
    }

    static func targets(_ history: [SessionRecord], today: Int, profile: UserProfile = .init()) -> DailyTargets {
        Progression.targets(history: history, profile: profile, rules: rules, routine: routine, today: date(today, hours: 3), calendar: utc)
    }

    static func hamstring(_ t: DailyTargets) -> DailyTargets.Exercise? { t.exercises.first { $0.exercise == "hamstring" } }
    static func bridge(_ t: DailyTargets) -> DailyTargets.Exercise? { t.exercises.first { $0.exercise == "bridge" } }

    @Test func withNoHistoryTheStartingPlanIsTheRoutinesDosesAndAMile() throws {
        let t = Self.targets([], today: 0)
        #expect(t.startingPlan)
        #expect(t.walking.metres == Self.mile)
        #expect(t.walking.minutes == 20)  // 1609 m at 1.34 m/s: 1201 s
        #expect(t.walking.reason == PlanReason(.noHistory))
        #expect(t.exercises.map(\.exercise) == ["piriformis", "hamstring", "knee-to-chest", "bridge", "clamshell"])
        let h = try #require(Self.hamstring(t))
        #expect(h.holds == 3 && h.holdSeconds == 30)
        #expect(Self.bridge(t)?.sets == 2 && Self.bridge(t)?.perSet == 10)
        #expect(t.text(rules: Self.rules, calendar: Self.utc).contains("the starting plan: no sessions in the history before 2025-03-10"))
    }

    @Test func inTheFirstWeekTheStartingTargetsHold() {
        let t = Self.targets([Self.session(day: 0), Self.session(day: 1)], today: 6)
        #expect(t.week == 1)
        #expect(t.walking.metres == Self.mile)
        #expect(t.walking.reason == PlanReason(.firstWeek))
        #expect(Self.hamstring(t)?.holdSeconds == 30)
    }

    @Test func aWeekDoneOnFiveDaysGrowsEverythingAndFourDaysHoldIt() throws {
        let five = (0..<5).map { Self.session(day: $0, painBefore: 3, painAfter: 3) }
        let grown = Self.targets(five, today: 7)
        #expect(grown.week == 2)
        #expect(abs(grown.walking.metres - 1.1 * Self.mile) < 1e-6)
        #expect(grown.walking.reason.decision == .grew(from: Self.mile))
        #expect(grown.walking.paceMeasured && abs(grown.walking.pace - 1.4) < 1e-9)
        #expect(grown.walking.minutes == 21)  // 1770 m at 1.4 m/s: 1264 s
        #expect(Self.hamstring(grown)?.holdSeconds == 35)
        #expect(Self.bridge(grown)?.perSet == 11)
        #expect(grown.exercises.first { $0.exercise == "piriformis" }?.holdSeconds == 60)  // never done: held
        let text = grown.text(rules: Self.rules, calendar: Self.utc)
        #expect(text.contains("1.1 mi (1770 m), about 21 min at 1.40 m/s, your pace last week; goal 3.0 mi a day"), "\(text)")
        #expect(text.contains("+10 % on what you walked a day in your first week, 1.0 mi; pain steady (3.0 after sessions)"), "\(text)")
        #expect(text.contains("hamstring      3 × 35 s     +5 s on last week's 30 s; pain steady"), "\(text)")
        #expect(text.contains("piriformis     2 × 60 s     as last week: done on 0 of 7 days, 5 needed"), "\(text)")

        let held = Self.targets(Array(five.prefix(4)), today: 7)
        #expect(held.walking.reason.decision == .heldIncomplete(days: 4, needed: 5))
        #expect(held.walking.metres == Self.mile)
        #expect(Self.hamstring(held)?.holdSeconds == 30)
        #expect(Self.hamstring(held)?.reason.decision == .heldIncomplete(days: 4, needed: 5))
    }

    @Test func oneFormErrorCountsTheDayAndTwoDoNot() {
        let one = (0..<5).map { Self.session(day: $0, errors: $0 == 4 ? 1 : 0) }
        #expect(Self.hamstring(Self.targets(one, today: 7))?.holdSeconds == 35)
        let two = (0..<5).map { Self.session(day: $0, errors: $0 == 4 ? 2 : 0) }
        #expect(Self.hamstring(Self.targets(two, today: 7))?.reason.decision == .heldIncomplete(days: 4, needed: 5))
        // The walk and the bridge had no errors: they grow.
        #expect(Self.bridge(Self.targets(two, today: 7))?.perSet == 11)
    }

    @Test func aHoldNotCompleteDoesNotCountItsDayEvenWithAGoodOneThatDay() {
        let history = (0..<5).map { Self.session(day: $0, incomplete: $0 == 2) } + [Self.session(day: 2)]
        #expect(Self.hamstring(Self.targets(history, today: 7))?.reason.decision == .heldIncomplete(days: 4, needed: 5))
    }

    @Test func painUpByNineTenthsGrowsAndByOnePointHolds() {
        // Week 1: ten sessions, pain after 3 (two a day on days 0–4).
        let week1 = (0..<10).map { Self.session(day: $0 / 2, walk: Self.mile / 2, painAfter: 3) }
        // Week 2: mean pain after 3.9, then 4.0.
        let nine = (0..<10).map { Self.session(day: 7 + $0 / 2, walk: 1.1 * Self.mile / 2, painAfter: $0 < 9 ? 4 : 3) }
        let ten = (0..<10).map { Self.session(day: 7 + $0 / 2, walk: 1.1 * Self.mile / 2, painAfter: 4) }
        let steady = Self.targets(week1 + nine, today: 14)
        #expect(steady.walking.reason.decision == .grew(from: 1.1 * Self.mile))
        #expect(Self.hamstring(steady)?.holdSeconds == 40)
        let rose = Self.targets(week1 + ten, today: 14)
        #expect(rose.walking.reason.decision == .heldForPain(.weekly(from: 3, to: 4)))
        #expect(abs(rose.walking.metres - 1.1 * Self.mile) < 1e-6)
        #expect(Self.hamstring(rose)?.holdSeconds == 35)
        #expect(rose.text(rules: Self.rules, calendar: Self.utc).contains("as last week: pain rose (mean after sessions 3.0 → 4.0)"))
    }

    @Test func aSessionUpByTwoPointsHolds() {
        let week1 = (0..<5).map { Self.session(day: $0, painBefore: 3, painAfter: 3) }
        let one = (0..<5).map { Self.session(day: 7 + $0, painBefore: 3, painAfter: $0 == 2 ? 4 : 3) }
        let two = (0..<5).map { Self.session(day: 7 + $0, painBefore: 3, painAfter: $0 == 2 ? 5 : 3) }
        #expect(Self.targets(week1 + one, today: 14).walking.reason.decision == .grew(from: 1.1 * Self.mile))
        #expect(Self.targets(week1 + two, today: 14).walking.reason.decision == .heldForPain(.session(before: 3, after: 5)))
    }

    @Test func painRisingTwoWeeksRunningStepsBack() throws {
        let weeks: [SessionRecord] = (0..<3).flatMap { (w: Int) in (0..<5).map { (d: Int) in Self.session(day: 7 * w + d, painAfter: 2 + w) } }
        let t = Self.targets(weeks, today: 21)
        #expect(t.week == 4)
        // Week 1 steady: 1.1 mi; week 2 rose: held at 1.1; week 3 rose again: −10 %.
        #expect(t.walking.reason.decision == .steppedBack(from: 1.1 * Self.mile, .weekly(from: 3, to: 4)))
        #expect(abs(t.walking.metres - 0.99 * Self.mile) < 1e-6)
        #expect(Self.hamstring(t)?.holdSeconds == 30)  // 35, held, then −5 s
        #expect(t.text(rules: Self.rules, calendar: Self.utc).contains("a step back from 1.1 mi: pain rose two weeks running (mean after sessions 3.0 → 4.0)"))
    }

    @Test func todaysSessionsDoNotMoveTodaysTargets() {
        let five = (0..<5).map { Self.session(day: $0) }
        let withToday = five + [Self.session(day: 7, walk: 3 * Self.mile, painBefore: 1, painAfter: 9)]
        #expect(Self.targets(withToday, today: 7) == Self.targets(five, today: 7))
    }

    @Test func aWalkWithoutADistanceCountsFromTheStrideOrElseItsTime() {
        // 1200 s in gait, 2200 steps, no distance measured.
        let history = (0..<5).map { Self.session(day: $0, walk: nil, walkSeconds: 1200) }
        // From time at the plan's 1.34 m/s: 1608 m a day — the first week's base.
        let fromTime = Self.targets(history, today: 7)
        #expect(abs(fromTime.walking.metres - 1.1 * 1608) < 1e-6)
        #expect(!fromTime.walking.paceMeasured)
        // With a calibrated stride of 1.5 m: 2200 / 2 × 1.5 = 1650 m a day.
        let fromStride = Self.targets(history, today: 7, profile: UserProfile(strideMetres: 1.5))
        #expect(abs(fromStride.walking.metres - 1.1 * 1650) < 1e-6)
        #expect(fromStride.walking.paceMeasured && abs(fromStride.walking.pace - 1650.0 / 1200) < 1e-9)
    }

    @Test func kilometresAndAnotherGoal() {
        let profile = UserProfile(distanceUnit: .km, walkingGoalMetres: 1700)
        let t = Self.targets((0..<5).map { Self.session(day: $0) }, today: 7, profile: profile)
        #expect(t.walking.metres == 1700)
        #expect(t.walking.reason.decision == .reachedCap(from: Self.mile))
        #expect(t.text(rules: Self.rules, calendar: Self.utc).contains("1.7 km (1700 m)"))
        #expect(t.text(rules: Self.rules, calendar: Self.utc).contains("your goal, reached from what you walked a day in your first week, 1.6 km"))
    }

    @Test func theRoutineTakesTheTargetsAsItsDoses() throws {
        let t = Self.targets((0..<5).map { Self.session(day: $0) }, today: 7)
        let routine = try RoutineLibrary.named("sciatica-daily").applying(t)
        let plan = try RoutinePlan(routine) { try ExerciseLibrary.named($0) }
        let hamstring = try #require(plan.steps.first { $0.exercise.name == "hamstring" })
        #expect(hamstring.exercise.holdSeconds == 35 && hamstring.exercise.repsPerSide == 3)
        let bridge = try #require(plan.steps.first { $0.exercise.name == "bridge" })
        #expect(bridge.exercise.reps?.perSet == 11 && bridge.exercise.reps?.sets == 2)
        let walk = try #require(plan.steps.first { $0.exercise.name == "walk" })
        #expect(walk.walkSeconds == 1260)
        #expect(plan.steps.count == Self.routine.steps.count)
    }
}
