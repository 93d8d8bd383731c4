import FormcheckHistory
import Foundation
import Testing

/// `--since` and `--date`: the four formats in the local calendar, and everything else refused
/// with the accepted formats.
@Suite struct DateArgumentTests {
    static var berlin: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Europe/Berlin")!
        return c
    }

    /// 2025-03-14 15:20 in Berlin (UTC+1).
    static let now = Date(timeIntervalSince1970: 1_741_962_000)

    func parse(_ text: String) throws -> Date { try DateArgument.parse(text, now: Self.now, calendar: Self.berlin) }

    @Test func theAcceptedFormats() throws {
        // Midnight of 2025-03-14 in Berlin is 23:00 UTC the day before.
        let midnight = Date(timeIntervalSince1970: 1_741_906_800)
        #expect(try parse("2025-03-14") == midnight)
        #expect(try parse("today") == midnight)
        #expect(try parse("Today") == midnight)
        #expect(try parse("0d") == midnight)
        #expect(try parse("7d") == midnight.addingTimeInterval(-7 * 86_400))
        #expect(try parse("2025-03-14T07:30") == midnight.addingTimeInterval(7.5 * 3_600))
        #expect(try parse("2025-03-14T23:59") == midnight.addingTimeInterval(86_340))
        // Over the change to summer time (2025-03-30): the day is 23 hours long, midnight is midnight.
        #expect(try parse("2025-03-31").timeIntervalSince(try parse("2025-03-30")) == 23 * 3_600)
        #expect(try parse("2024-02-29") < midnight)
    }

    @Test(arguments: ["", "yesterday", "2025-3-14", "14/03/2025", "2025-02-30", "2025-13-01", "2025-03-14T24:00",
                      "2025-03-14T07:60", "2025-03-14T7:30", "2025-03-14 07:30", "-1d", "d", "1w", "36501d"])
    func wrongFormatsListTheAcceptedOnes(_ text: String) {
        #expect {
            try parse(text)
        } throws: { error in
            "\(error)" == "'\(text)' is not a date: give YYYY-MM-DD (2025-03-14), YYYY-MM-DDTHH:MM (2025-03-14T07:30), today, or Nd for N days ago (7d)"
        }
    }
}
