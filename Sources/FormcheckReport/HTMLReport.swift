import Foundation
import FormcheckFeedback
import FormcheckHistory

/// The report a physiotherapist can open: one self-contained HTML file (inline CSS and SVG, no
/// script, no external reference) that prints on A4 — a header, the weekly charts (time under
/// stretch, reps, walking against the goal, pain), left against right, every session with its
/// thigh-angle traces (holds and reps shaded, the target band, form errors marked), and a table of
/// everything. Pure: the text is a function of the input alone.
public enum HTMLReport {
    /// The whole document.
    public static func html(_ input: ReportInput) -> String {
        let sessions = input.orderedSessions
        var parts = ["<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"]
        parts.append(Markup.element("title", [], Markup.text("formcheck report" + (input.coveredDays.map { ", " + period($0) } ?? ""))) + "\n")
        parts.append("<style>\n" + ReportStyle.css + "\n</style>\n</head>\n<body>\n")
        parts.append(header(input, sessions))
        parts.append(overview(input))
        parts.append(symmetry(input, sessions))
        parts += sessions.map { section($0, input) }
        parts.append(everything(input, sessions))
        parts.append("</body>\n</html>\n")
        return parts.joined()
    }

    static func header(_ input: ReportInput, _ sessions: [SessionRecord]) -> String {
        let exercises = sessions.reduce(0) { $0 + $1.exercises.count }
        let covered = input.coveredDays.map { period($0) + ": " } ?? ""
        let counts = plural(sessions.count, "session", "sessions") + ", " + plural(exercises, "exercise", "exercises")
        let generated = "Generated " + dateTime(input.generatedAt, input) + " (times in " + input.timeZone.identifier + ")."
        let p = input.profile
        var profile: [String] = []
        if let h = p.heightCentimetres { profile.append("height \(HTMLText.number(h, 0)) cm") }
        if let s = p.strideMetres { profile.append("stride \(HTMLText.fixed(s, 2)) m (calibrated walk)") }
        let planned = input.dailyWalkingGoals.isEmpty ? "" : " (the plan's daily targets where given)"
        profile.append("walking goal " + distance(p.walkingGoalMetres, p) + " a day" + planned)
        let note = "Time under stretch counts the seconds of complete holds; reps count complete reps; pain is 0 (none) to 10 (worst), "
            + "as rated before and after a session."
        return Markup.element("header", [], "\n" + Markup.element("h1", [], "formcheck — exercise report") + "\n"
                              + Markup.element("p", [("class", "meta")], Markup.text(covered + counts + ". " + generated)) + "\n"
                              + Markup.element("p", [("class", "meta")], Markup.text(profile.joined(separator: " · "))) + "\n"
                              + Markup.element("p", [("class", "note")], Markup.text(note)) + "\n") + "\n"
    }

    // MARK: - Words and numbers

    /// "Mon 2026-11-30 – Sun 2026-12-06".
    static func period(_ days: ClosedRange<ReportDay>) -> String {
        let a = days.lowerBound, b = days.upperBound
        return a == b ? "\(a.weekdayName) \(a)" : "\(a.weekdayName) \(a) – \(b.weekdayName) \(b)"
    }

    /// "Mon 2026-12-01 08:05" in the report's time zone.
    static func dateTime(_ date: Date, _ input: ReportInput) -> String {
        let day = ReportDay(date, in: input.timeZone)
        return "\(day.weekdayName) \(day) " + time(date, input)
    }

    /// "08:05" in the report's time zone.
    static func time(_ date: Date, _ input: ReportInput) -> String {
        let c = ReportDay.calendar(input.timeZone).dateComponents([.hour, .minute], from: date)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return two(c.hour ?? 0) + ":" + two(c.minute ?? 0)
    }

    /// Metres in the user's unit: "1.86 mi", "3.00 km".
    static func distance(_ metres: Double, _ p: UserProfile) -> String {
        HTMLText.fixed(metres / metresPerUnit(p), 2) + " " + unitName(p)
    }

    static func metresPerUnit(_ p: UserProfile) -> Double { p.distanceUnit == .miles ? 1609.344 : 1000 }
    static func unitName(_ p: UserProfile) -> String { p.distanceUnit == .miles ? "mi" : "km" }

    /// An exercise's title (its protocol's), else its name.
    static func title(_ exercise: String, _ input: ReportInput) -> String {
        input.protocols[exercise]?.title ?? exercise
    }

    static func pain(_ value: Int?) -> String { value.map { "\($0)/10" } ?? "not given" }

    static func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) " + (n == 1 ? one : many) }

    /// "Session 3, Tue 2026-12-01 08:05".
    static func sessionName(_ s: SessionRecord, _ input: ReportInput) -> String {
        (s.id.map { "Session \($0), " } ?? "Session, ") + dateTime(s.startedAt, input)
    }

    /// The id as a data attribute ("" before the session is stored).
    static func idText(_ s: SessionRecord) -> String { s.id.map(String.init) ?? "" }
}
