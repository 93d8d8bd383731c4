import Foundation

/// A day or a moment given on the command line (`--since`, `--date`), in the local calendar:
/// `YYYY-MM-DD` (that day's midnight), `YYYY-MM-DDTHH:MM` (that minute), `today` (today's
/// midnight) or `Nd` (the midnight N days ago, 0–36500: `7d` is a week ago).
public enum DateArgument {
    /// The accepted formats, for error messages.
    public static let formats = "YYYY-MM-DD (2025-03-14), YYYY-MM-DDTHH:MM (2025-03-14T07:30), today, or Nd for N days ago (7d)"

    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        public var text: String
        public var description: String { "'\(text)' is not a date: give \(DateArgument.formats)" }
    }

    /// The moment `text` names, `now` and `calendar` (its time zone) giving today.
    public static func parse(_ text: String, now: Date = Date(), calendar: Calendar = .current) throws -> Date {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.lowercased() == "today" { return calendar.startOfDay(for: now) }
        if t.hasSuffix("d") || t.hasSuffix("D"), let n = Int(t.dropLast()), (0...36500).contains(n),
           let day = calendar.date(byAdding: .day, value: -n, to: calendar.startOfDay(for: now)) {
            return calendar.startOfDay(for: day)
        }
        let parts = t.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard date.count == 3, date[0].count == 4, date[1].count == 2, date[2].count == 2,
              let y = Int(date[0]), let m = Int(date[1]), let d = Int(date[2]) else { throw Invalid(text: text) }
        var c = DateComponents(year: y, month: m, day: d, hour: 0, minute: 0, second: 0)
        if parts.count == 2 {
            let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard time.count == 2, time[0].count == 2, time[1].count == 2, let h = Int(time[0]), let mi = Int(time[1]),
                  (0...23).contains(h), (0...59).contains(mi) else { throw Invalid(text: text) }
            c.hour = h
            c.minute = mi
        }
        // The calendar rolls 2025-02-30 over into March: a day it does not have is refused.
        guard (1...12).contains(m), let result = calendar.date(from: c),
              calendar.component(.day, from: result) == d, calendar.component(.month, from: result) == m else {
            throw Invalid(text: text)
        }
        return result
    }
}
