import FormcheckHistory
import Foundation

/// `--since` and `--date`: a day or a moment in the local calendar (`DateArgument`: YYYY-MM-DD,
/// YYYY-MM-DDTHH:MM, today, Nd). A wrong one is bad usage (64) with the accepted formats.
enum DateOption {
    /// `date` as `--date` takes it (YYYY-MM-DDTHH:MM, local time).
    static func text(_ date: Date) -> String {
        let c = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// The options that save a session later as it was: `--date D [--pain N] [--pain-after N]`.
    static func arguments(date: Date, painBefore: Int?, painAfter: Int?) -> String {
        "--date \(text(date))" + (painBefore.map { " --pain \($0)" } ?? "") + (painAfter.map { " --pain-after \($0)" } ?? "")
    }

    static func parse(_ text: String) throws -> Date {
        do { return try DateArgument.parse(text) } catch let e as DateArgument.Invalid {
            throw ValidationErrorText(e.description)
        }
    }
}
