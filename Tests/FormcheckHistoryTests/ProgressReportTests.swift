import FormcheckFeedback
@testable import FormcheckHistory
import Foundation
import MotionCore
import Testing

/// The history's figures from sessions whose content is known: days and ISO weeks, time under
/// stretch, holds, reps and sets per exercise and side, form errors by kind, walking against the
/// goal, pain and its trend, and the streak that forgives one missed day.
@Suite struct ProgressReportTests {
    static var utc: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }

    /// Monday 10 March 2025 (ISO week 11): a routine and a walk; Tuesday: a stretch; Thursday: a
    /// walk; Monday 17 March (week 12): a stretch.
    static func week() -> [SessionRecord] {
        var routine = HistoryFixtures.routineSession(day: 0, painBefore: 4)
        routine.painAfter = 3
        routine.exercises = [
            HistoryFixtures.stretch(position: 1, side: .right, holds: [20, 12.25], start: 0, errors: [.shallow, .bouncing]),
            HistoryFixtures.bridge(position: 2, side: .left, start: 60, reps: 7),
        ]
        let walk = SessionRecord(startedAt: HistoryFixtures.date(days: 0, hours: 10), kind: .live,
                                 exercises: [HistoryFixtures.walk(position: 1, start: 0, steps: 112, seconds: 59.9, metres: 71.5)])
        var tuesday = HistoryFixtures.routineSession(day: 1, painBefore: 5)
        tuesday.painAfter = 5
        tuesday.exercises = [HistoryFixtures.stretch(position: 1, side: .left, holds: [20], start: 0)]
        var thursday = SessionRecord(startedAt: HistoryFixtures.date(days: 3), kind: .live, painBefore: 3, painAfter: 2,
                                     exercises: [HistoryFixtures.walk(position: 1, start: 0, steps: 1000, seconds: 600, metres: 800)])
        thursday.routine = nil
        var next = HistoryFixtures.routineSession(day: 7, painBefore: 2)
        next.painAfter = 1
        next.exercises = [HistoryFixtures.stretch(position: 1, side: .left, holds: [30, 30], start: 0)]
        return [next, walk, routine, thursday, tuesday]  // any order
    }

    static func goal(_ day: Date) -> Double {
        // Thursday's goal is 2 km; every other day's three miles.
        day == HistoryFixtures.date(days: 3, hours: -7.5) ? 2000 : UserProfile.threeMiles
    }

    @Test func daysAndWeeks() throws {
        let r = ProgressReport.make(Self.week(), today: HistoryFixtures.date(days: 7), calendar: Self.utc, goalMetres: Self.goal)
        #expect(r.days.map(\.label) == ["2025-03-10", "2025-03-11", "2025-03-13", "2025-03-17"])
        #expect(r.weeks.map(\.label) == ["2025-W11", "2025-W12"])
        #expect(r.days.map(\.sessions) == [2, 1, 1, 1])
        #expect(r.weeks.map(\.sessions) == [4, 1])
        #expect(r.sessions == 5)
        let monday = r.days[0]
        #expect(monday.work.map { "\($0.exercise) \($0.side.rawValue)" } == ["bridge left", "hamstring right", "walk right"])
        let hamstring = monday.work[1]
        #expect(hamstring.secondsUnderStretch == 32.25 && hamstring.holds == 2 && hamstring.completeHolds == 1 && hamstring.attempts == 1)
        let bridge = monday.work[0]
        #expect(bridge.reps == 7 && bridge.completeReps == 6 && bridge.sets == 2 && bridge.secondsUnderStretch == 0)
        #expect(monday.formErrors.map { "\($0.exercise) \($0.kind.rawValue) \($0.count)" }
                == ["bridge tooFast 1", "hamstring bouncing 1", "hamstring shallow 1", "walk slowCadence 1"])
        #expect(monday.walking == ProgressReport.Walking(seconds: 59.9, steps: 112, metres: 71.5, goalMetres: UserProfile.threeMiles))
        #expect(monday.pain == ProgressReport.Pain(before: 4, after: 3, answers: 1))
        #expect(r.days[1].work.map(\.secondsUnderStretch) == [20])
        #expect(r.days[2].walking.goalMetres == 2000)
        #expect(r.days[2].walking.ofGoal == 0.4)
        // A week: its sessions together; its goal its seven days' (six of three miles, one of 2 km).
        let w11 = r.weeks[0]
        #expect(w11.work.first { $0.exercise == "hamstring" && $0.side == .left }?.secondsUnderStretch == 20)
        #expect(w11.walking.steps == 1112 && w11.walking.metres == 871.5 && w11.walking.seconds == 659.9)
        #expect(abs(w11.walking.goalMetres - (6 * UserProfile.threeMiles + 2000)) < 1e-9)
        #expect(w11.pain.before == 4 && abs((w11.pain.after ?? 0) - 10.0 / 3) < 1e-12 && w11.pain.answers == 3)
        #expect(w11.start == HistoryFixtures.date(hours: -7.5) && w11.end == HistoryFixtures.date(days: 7, hours: -7.5))
    }

    @Test func painTrendAndChanges() throws {
        let r = ProgressReport.make(Self.week(), today: HistoryFixtures.date(days: 7), calendar: Self.utc, goalMetres: Self.goal)
        // Days: after 3, 5, 2, 1 (the walk on Monday gave none: the day's is the routine's).
        #expect(r.days.map(\.painChange) == [nil, 2, -3, -1])
        let trend = try #require(r.painTrend)
        #expect(abs(trend.first - 10.0 / 3) < 1e-12 && trend.last == 1 && trend.direction == .falling)
        // One week alone has no trend.
        let one = ProgressReport.make(Self.week(), since: HistoryFixtures.date(days: 7, hours: -7.5), today: HistoryFixtures.date(days: 7),
                                      calendar: Self.utc, goalMetres: Self.goal)
        #expect(one.weeks.count == 1 && one.painTrend == nil && one.sessions == 1)
    }

    /// The trend's threshold, one point, probed just inside (two thirds of a point: means of three
    /// answers) and at it, both ways.
    @Test(arguments: [([5, 5, 4], ProgressReport.PainTrend.Direction.steady), ([5, 5, 5], .rising),
                      ([3, 3, 4], .steady), ([3, 3, 3], .falling)])
    func painTrendThreshold(_ second: [Int], _ direction: ProgressReport.PainTrend.Direction) throws {
        let first = [4, 4, 4].enumerated().map { SessionRecord(startedAt: HistoryFixtures.date(days: $0.offset), kind: .live, painAfter: $0.element) }
        let then = second.enumerated().map { SessionRecord(startedAt: HistoryFixtures.date(days: 7 + $0.offset), kind: .live, painAfter: $0.element) }
        let r = ProgressReport.make(first + then, today: HistoryFixtures.date(days: 9), calendar: Self.utc, goalMetres: { _ in 1 })
        #expect(r.painTrend?.direction == direction, "\(second)")
    }

    /// The streak's rule at its edges: one missed day between two active days keeps it, two break
    /// it; today not done yet with yesterday missed still keeps it alive.
    @Test(arguments: [
        ([1, 2, 4], 4, 3, 3),  // one missed day (3): kept
        ([1, 2, 5], 5, 1, 2),  // two missed days (3, 4): broken
        ([1, 2, 3], 3, 3, 3),
        ([1, 2], 3, 2, 2),  // today still to come
        ([1, 2], 4, 2, 2),  // yesterday (3) missed, today still to come: alive
        ([1, 2], 5, 0, 2),  // 3 and 4 missed: broken
        ([1, 3, 5, 7], 7, 4, 4),  // every other day
        ([], 7, 0, 0),
    ])
    func streakForgivesOneMissedDay(_ active: [Int], _ today: Int, _ current: Int, _ longest: Int) {
        let days = Set(active.map { HistoryFixtures.date(days: $0, hours: -7.5) })
        let s = ProgressReport.streak(days, today: HistoryFixtures.date(days: today, hours: 5), calendar: Self.utc)
        #expect(s.current == current && s.longest == longest, "\(active) today \(today): \(s)")
    }

    @Test func theWeekStreak() {
        let r = ProgressReport.make(Self.week(), today: HistoryFixtures.date(days: 7), calendar: Self.utc, goalMetres: Self.goal)
        // Mon, Tue, (Wed), Thu: 3 kept; Fri–Sun missed: the run of next Monday begins again.
        #expect(r.streak == ProgressReport.Streak(current: 1, longest: 3, lastActive: "2025-03-17"))
        // Seen on the Saturday before (the week's sessions to Thursday): alive, Friday missed; on the
        // Sunday, Friday and Saturday missed: broken.
        let toThursday = Self.week().filter { $0.startedAt < HistoryFixtures.date(days: 4) }
        let saturday = ProgressReport.make(toThursday, today: HistoryFixtures.date(days: 5), calendar: Self.utc, goalMetres: Self.goal)
        #expect(saturday.streak == ProgressReport.Streak(current: 3, longest: 3, lastActive: "2025-03-13"))
        let sunday = ProgressReport.make(toThursday, today: HistoryFixtures.date(days: 6), calendar: Self.utc, goalMetres: Self.goal)
        #expect(sunday.streak.current == 0 && sunday.streak.longest == 3)
    }

    /// A day begins at midnight where the calendar is: 00:30 in Berlin is the next day there.
    @Test func daysAreLocal() {
        var berlin = Calendar(identifier: .gregorian)
        berlin.timeZone = TimeZone(identifier: "Europe/Berlin")!
        // 2025-03-10 23:30 UTC is 2025-03-11 00:30 in Berlin.
        let s = SessionRecord(startedAt: Date(timeIntervalSince1970: 1_741_649_400), kind: .live,
                              exercises: [HistoryFixtures.walk(position: 1, start: 0, steps: 10, seconds: 8, metres: nil)])
        #expect(ProgressReport.make([s], today: s.startedAt, calendar: berlin, goalMetres: { _ in 1 }).days.map(\.label) == ["2025-03-11"])
        #expect(ProgressReport.make([s], today: s.startedAt, calendar: Self.utc, goalMetres: { _ in 1 }).days.map(\.label) == ["2025-03-10"])
    }

    @Test func sessionsWithNothingDoneDoNotMakeAStreak() {
        let empty = SessionRecord(startedAt: HistoryFixtures.date(), kind: .live)
        var skipped = SessionRecord(startedAt: HistoryFixtures.date(days: 1), kind: .routine)
        skipped.exercises = [ExerciseRecord(position: 1, exercise: "hamstring", side: .left, ending: .skipped, start: 0, end: 3,
                                            summary: SessionSummary(t: 3, exercise: "hamstring", side: .left, holds: [], formErrors: []))]
        let r = ProgressReport.make([empty, skipped], today: HistoryFixtures.date(days: 1), calendar: Self.utc, goalMetres: { _ in 1 })
        #expect(r.streak.current == 0 && r.days.count == 2)
    }
}
