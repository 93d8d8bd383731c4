import FormcheckReport
import Foundation
import Testing

/// Calendar days and weeks: the grouping every weekly chart rests on.
@Suite struct ReportDayTests {
    @Test func ordinalsRoundTripAndKnownDays() {
        #expect(ReportDay(year: 1970, month: 1, day: 1).ordinal == 0)
        #expect(ReportDay(year: 2000, month: 3, day: 1).ordinal == 11017)
        #expect(ReportDay(year: 1969, month: 12, day: 31).ordinal == -1)
        for ordinal in stride(from: -800, through: 30000, by: 37) {
            #expect(ReportDay(ordinal: ordinal).ordinal == ordinal)
        }
        #expect(ReportDay(year: 2028, month: 2, day: 28).adding(days: 1) == ReportDay(year: 2028, month: 2, day: 29))
        #expect(ReportDay(year: 2026, month: 2, day: 28).adding(days: 1) == ReportDay(year: 2026, month: 3, day: 1))
        #expect(ReportDay(year: 2026, month: 12, day: 31).adding(days: 1).description == "2027-01-01")
    }

    /// 30 Nov 2026 is a Monday; its week runs to Sunday 6 Dec; 1 Jan 1970 was a Thursday.
    @Test func weeksBeginOnMonday() {
        let monday = ReportDay(year: 2026, month: 11, day: 30)
        #expect(monday.weekdayName == "Mon")
        #expect(ReportDay(year: 1970, month: 1, day: 1).weekdayName == "Thu")
        for d in 0..<7 { #expect(monday.adding(days: d).weekStart == monday) }
        #expect(monday.adding(days: 7).weekStart == monday.adding(days: 7))
        #expect(monday.adding(days: -1).weekStart == ReportDay(year: 2026, month: 11, day: 23))
    }

    /// A moment's day is the one in the report's time zone: 23:30 UTC on 1 Dec is 2 Dec in Tokyo.
    @Test func dayIsTakenInTheTimeZone() {
        let utc = TimeZone(identifier: "UTC")!, tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let moment = Date(timeIntervalSince1970: 1_796_167_800)  // 2026-12-01 23:30 UTC
        #expect(ReportDay(moment, in: utc).description == "2026-12-01")
        #expect(ReportDay(moment, in: tokyo).description == "2026-12-02")
    }
}
