import FormcheckHistory
import FormcheckReport
import Foundation
import Testing

/// The weekly figures against the made sessions' truth, worked out by hand (MadeSessions).
@Suite struct WeeklyChartTests {
    static let week1 = ReportDay(year: 2026, month: 11, day: 30), week2 = ReportDay(year: 2026, month: 12, day: 7)

    func value(_ chart: WeeklyChart, _ week: ReportDay, _ series: String) -> Double? {
        chart.bar(week: week, series: series)?.value
    }

    @Test func weeksCoverThePeriod() {
        let chart = WeeklyChart.stretch(MadeSessions.input())
        #expect(chart.weeks == [Self.week1, Self.week2])
        // A period from 16 Nov adds two empty weeks before.
        let longer = WeeklyChart.stretch(MadeSessions.input(period: ReportDay(year: 2026, month: 11, day: 16)...ReportDay(year: 2026, month: 12, day: 8)))
        #expect(longer.weeks.count == 4)
        #expect(longer.bars.allSatisfy { $0.week >= Self.week1 })
    }

    /// Complete holds only: week 1 piriformis right 60 s (the 25 s hold is not complete), left 60 s,
    /// hamstring right 30 s; week 2 piriformis right 60 + 60 s.
    @Test func timeUnderStretchPerExerciseAndSide() {
        let chart = WeeklyChart.stretch(MadeSessions.input())
        #expect(chart.series.map(\.id) == ["hamstring/right", "piriformis/left", "piriformis/right"])
        #expect(value(chart, Self.week1, "piriformis/right") == 60)
        #expect(value(chart, Self.week1, "piriformis/left") == 60)
        #expect(value(chart, Self.week1, "hamstring/right") == 30)
        #expect(value(chart, Self.week2, "piriformis/right") == 120)
        #expect(value(chart, Self.week2, "piriformis/left") == nil)
        #expect(chart.bars.count == 4)
        #expect(chart.series.first { $0.id == "piriformis/left" }?.label == "Supine piriformis stretch, left")
    }

    /// Complete reps: 9 of 10 in week 1 (rep 3 was too fast), 10 in week 2.
    @Test func completeRepsPerWeek() {
        let chart = WeeklyChart.reps(MadeSessions.input())
        #expect(chart.series.map(\.id) == ["bridge/right"])
        #expect(value(chart, Self.week1, "bridge/right") == 9)
        #expect(value(chart, Self.week2, "bridge/right") == 10)
    }

    /// Walked: 2400 m in week 1; in week 2 4000 steps × 1.5 m ÷ 2 = 3000 m (no distance recorded,
    /// the calibrated stride). Goals: week 1's seven days at three miles (7 × 4828.032 m), with
    /// 1 Dec's planned 2000 m instead: 6 × 4828.032 + 2000 = 30968.192 m; week 2 only its two days
    /// in the period (7 and 8 Dec), 8 Dec planned at 3200 m: 4828.032 + 3200 = 8028.032 m.
    @Test func walkingAgainstTheDailyGoals() {
        let goals = [ReportDay(year: 2026, month: 12, day: 1): 2000.0, ReportDay(year: 2026, month: 12, day: 8): 3200.0]
        let chart = WeeklyChart.walking(MadeSessions.input(goals: goals))
        #expect(value(chart, Self.week1, "walked") == 2400)
        #expect(value(chart, Self.week2, "walked") == 3000)
        #expect(abs((chart.goals[Self.week1] ?? 0) - 30968.192) < 1e-6)
        #expect(abs((chart.goals[Self.week2] ?? 0) - 8028.032) < 1e-6)
        let plain = WeeklyChart.walking(MadeSessions.input())
        #expect(abs((plain.goals[Self.week1] ?? 0) - 7 * 4828.032) < 1e-6)
    }

    /// A walk without a distance and without a calibrated stride has no distance: it adds nothing.
    @Test func noStrideNoEstimate() {
        var input = MadeSessions.input()
        input.profile.strideMetres = nil
        #expect(value(WeeklyChart.walking(input), Self.week2, "walked") == 0)
    }

    /// Pain: week 1 before (5 + 4) / 2 = 4.5, after (4 + 4) / 2 = 4 (session 3 gave none); week 2 3 and 2.
    @Test func meanPainBeforeAndAfter() {
        let chart = WeeklyChart.pain(MadeSessions.input())
        #expect(value(chart, Self.week1, "before") == 4.5)
        #expect(value(chart, Self.week1, "after") == 4)
        #expect(chart.bar(week: Self.week1, series: "before")?.count == 2)
        #expect(value(chart, Self.week2, "before") == 3)
        #expect(value(chart, Self.week2, "after") == 2)
    }

    /// A session is counted on the day it began in the report's time zone: 23:30 on Sunday 6 Dec in
    /// London is Monday 7 Dec in Tokyo, so the walk moves to week 2 there.
    @Test func weekOfASessionFollowsTheTimeZone() {
        var late = MadeSessions.sessions[2]
        late.startedAt = MadeSessions.date("2026-12-06 23:30")
        var input = MadeSessions.input([MadeSessions.sessions[0], late, MadeSessions.sessions[3]])
        #expect(value(WeeklyChart.walking(input), Self.week1, "walked") == 2400)
        input.timeZone = TimeZone(identifier: "Asia/Tokyo")!
        #expect(value(WeeklyChart.walking(input), Self.week2, "walked") == 5400)  // 2400 + 3000
    }
}
