import ArgumentParser
import FormcheckFeedback
import FormcheckHistory
import FormcheckDevices
import FormcheckFormats
import FormcheckReport
import Foundation

/// `formcheck report`: the history as one HTML file a physiotherapist can open or print (README
/// "The report"). Parses its options, reads the store, and hands the sessions to `HTMLReport`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the history as one self-contained HTML report (charts, traces, a table) that prints on A4.",
        discussion: """
            Every session since --since (default: all of them), or the one --session names: weekly time \
            under stretch, reps, walking against the goal and pain; left against right; each session's \
            thigh-angle traces with its holds, reps, target and form errors; a table of everything. \
            The file needs nothing else: no script, no network. Exit status 66 when the history holds no \
            session in the range (or there is no history yet), 64 for an unknown --session.
            """)

    @OptionGroup var history: HistoryOptions

    @OptionGroup var planOptions: PlanOptions

    @Option(help: ArgumentHelp("Only sessions from this day or moment on (\(DateArgument.formats)).", valueName: "date"),
            transform: DateOption.parse)
    var since: Date?

    @Option(help: ArgumentHelp("Only this session (its id, as `formcheck history` shows it).", valueName: "id"))
    var session: Int64?

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the report (HTML).", valueName: "file"), completion: .file(extensions: ["html"]))
    var output: String

    func validate() throws {
        if session != nil && since != nil { throw ValidationError("give --session or --since, not both") }
    }

    func run() throws {
        let path = history.path
        guard FileManager.default.fileExists(atPath: path) else {
            printError("formcheck: \(path): no history yet: nothing has been saved\n  fix: a `live` or `routine` session, or `replay --save`, "
                       + "saves sessions there; --db names another history")
            throw ExitCode(66)
        }
        let store = try history.open()
        let sessions: [SessionRecord]
        let profile: UserProfile
        let everything: [SessionRecord]
        do {
            sessions = try chosen(store, path: path)
            profile = try store.profile()
            everything = try store.sessions(traces: false)
        } catch let error as HistoryError {
            throw fail(error)
        }
        let input = ReportInput.ofHistory(sessions, history: everything, profile: profile, rules: try planOptions.load(),
                                          since: since, generatedAt: Date(), timeZone: .current)
        let html = HTMLReport.html(input)
        do {
            try SystemFile.write(Array(html.utf8), toNewFile: output)
        } catch {
            throw fail(error)
        }
        let exercises = sessions.reduce(0) { $0 + $1.exercises.count }
        printError("formcheck: \(sessions.count) " + (sessions.count == 1 ? "session" : "sessions") + ", \(exercises) "
                   + (exercises == 1 ? "exercise" : "exercises") + " → \(output)")
    }

    /// The sessions asked for: the one `--session` names, or every one since `--since`.
    /// - Throws: `ExitCode` 64 (an unknown id, with the ids there are) or 66 (none in the range).
    func chosen(_ store: HistoryStore, path: String) throws -> [SessionRecord] {
        if let id = session {
            if let s = try store.session(id: id) { return [s] }
            let ids = try store.sessions(traces: false).compactMap(\.id).sorted()
            printError("formcheck: \(path): no session \(id); " + SessionIDs.describe(ids)
                       + "\n  fix: `formcheck history` lists them with their ids")
            throw ExitCode(64)
        }
        let found = try store.sessions(since: since)
        guard !found.isEmpty else {
            let all = try store.sessions(traces: false)
            let last = all.map(\.startedAt).max()
            printError("formcheck: \(path): no session" + (since.map { " since \(Self.text($0))" } ?? "") + " to report"
                       + (last.map { "; the last one began \(Self.text($0))" } ?? "; the history is empty")
                       + "\n  fix: " + (last == nil ? "save a session first (`live`, `routine`, `replay --save`)" : "give an earlier --since"))
            throw ExitCode(66)
        }
        return found
    }

    /// A moment as `YYYY-MM-DD HH:MM` in the local time zone.
    static func text(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = .current
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}
