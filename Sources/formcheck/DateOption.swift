import FormcheckHistory
import Foundation

/// `--since` and `--date`: a day or a moment in the local calendar (`DateArgument`: YYYY-MM-DD,
/// YYYY-MM-DDTHH:MM, today, Nd). A wrong one is bad usage (64) with the accepted formats.
enum DateOption {
    static func parse(_ text: String) throws -> Date {
        do { return try DateArgument.parse(text) } catch let e as DateArgument.Invalid {
            throw ValidationErrorText(e.description)
        }
    }
}

/// An error whose description is the whole message (ArgumentParser prints it after the value).
struct ValidationErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
