import ArgumentParser
import FormcheckHistory
import Foundation

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Your progress by day and week: time under stretch, reps, form errors, walking against the goal, pain, streak.",
        discussion: """
            Reads the history that live, routine and replay --save write. Per day and per ISO week: \
            time under stretch, holds, reps and sets for each exercise and side; form errors for each \
            exercise by kind; walking minutes, steps and distance against the day's goal (the plan's \
            walk for that day: see 'formcheck plan'); pain before and after (the means of the sessions' \
            answers) and the pain's trend; and the streak of days with exercise, which forgives one \
            missed day. With no history, or no session since --since, it says so (exit status 66).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
        case csv
    }

    @Option(help: ArgumentHelp("Only sessions from this day (YYYY-MM-DD, YYYY-MM-DDTHH:MM, today, Nd: N days ago); the streak counts them all.",
                               valueName: "date"),
            transform: DateOption.parse)
    var since: Date?

    @Option(help: "Output format: text, json (one document) or csv (one row per period, exercise and side).")
    var format: Format = .text

    @OptionGroup var history: HistoryOptions

    @OptionGroup var planOptions: PlanOptions

    func run() throws {
        let store = try history.openExisting()
        let sessions: [SessionRecord]
        let profile: UserProfile
        do {
            sessions = try store.sessions(traces: false)
            profile = try store.profile()
        } catch let e as HistoryError { throw fail(e) }
        let rules = try planOptions.load()
        let report = ProgressReport.make(sessions, since: since, today: Date(), calendar: .current,
                                         goalMetres: { day in Progression.walkingGoal(history: sessions, profile: profile, rules: rules, day: day) })
        guard report.sessions > 0 else {
            printError("formcheck: \(store.path): " + (sessions.isEmpty ? "no sessions saved yet" : "no sessions since \(since.map(DateOption.text) ?? "")")
                       + "\n  fix: " + (sessions.isEmpty ? "'formcheck live', 'formcheck routine' and 'formcheck replay FILE --save' save sessions"
                                                         : "give an earlier --since (\(sessions.count) sessions, the first on \(DateOption.text(sessions[0].startedAt)))"))
            throw ExitCode(66)
        }
        switch format {
        case .text: print(report.text(unit: profile.distanceUnit, path: store.path), terminator: "")
        case .json: print(try report.json(unit: profile.distanceUnit))
        case .csv: print(report.csv(), terminator: "")
        }
    }
}
