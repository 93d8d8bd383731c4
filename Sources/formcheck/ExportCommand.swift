import ArgumentParser
import FormcheckFormats
import FormcheckHistory
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the history: every session and exercise, with its holds, reps and form errors (JSON or CSV).",
        discussion: """
            json: one document, {"sessions": [...]} — each session with its devices, pain, recordings \
            (path, sha256, bytes) and exercises, each exercise with its summary (holds, reps, form \
            errors, strap slips, steps, cadence, walking seconds, distance); times in ISO 8601 (wall \
            clock) and seconds on the session's clock; the angle traces are left out. csv: one row per \
            exercise (a session without one: one row with the exercise columns empty), the columns \
            in README "Your progress".
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
        case json
    }

    @Option(help: "Output format: json (one document) or csv (one row per exercise).")
    var format: Format = .json

    @Option(help: ArgumentHelp("Only sessions from this day (YYYY-MM-DD, YYYY-MM-DDTHH:MM, today, Nd).", valueName: "date"),
            transform: DateOption.parse)
    var since: Date?

    @OptionGroup var history: HistoryOptions

    func run() throws {
        let store = try history.openExisting()
        let sessions: [SessionRecord]
        do { sessions = try store.sessions(since: since, traces: false) } catch let e as HistoryError { throw fail(e) }
        switch format {
        case .json: print(try Self.json(sessions))
        case .csv: print(Self.csv(sessions), terminator: "")
        }
    }

    static func json(_ sessions: [SessionRecord]) throws -> String {
        struct Document: Encodable { var sessions: [SessionRecord] }
        return try JSONDocument.text(Document(sessions: sessions), dates: true, nonFinite: true)
    }

    static let csvColumns = [
        "session", "started_at", "ended_at", "kind", "state", "routine", "devices", "pain_before", "pain_after", "recordings",
        "position", "step", "exercise", "side", "ending", "start_s", "end_s", "holds", "complete_holds", "seconds_under_stretch",
        "reps", "complete_reps", "sets", "form_errors", "form_error_kinds", "strap_slips", "steps", "cadence", "walking_seconds",
        "distance_m",
    ]

    static func csv(_ sessions: [SessionRecord]) -> String {
        let iso = ISO8601DateFormatter()
        func n(_ x: Double?) -> String { x.map { String($0) } ?? "" }
        func i(_ x: Int?) -> String { x.map { String($0) } ?? "" }
        var out = csvColumns.joined(separator: ",") + "\n"
        for s in sessions {
            let head = [i(s.id.map(Int.init)), iso.string(from: s.startedAt), s.endedAt.map { iso.string(from: $0) } ?? "", s.kind.rawValue,
                        s.state.rawValue, s.routine ?? "", s.devices.joined(separator: "; "), i(s.painBefore), i(s.painAfter),
                        s.recordings.map(\.path).joined(separator: "; ")]
            if s.exercises.isEmpty {
                out += (head + [String](repeating: "", count: csvColumns.count - head.count)).map(CSVField.quoted).joined(separator: ",") + "\n"
            }
            for e in s.exercises {
                let m = e.summary
                let reps = m.reps ?? []
                let kinds = Dictionary(grouping: m.formErrors, by: \.kind).sorted { $0.key.rawValue < $1.key.rawValue }
                    .map { "\($0.key.rawValue):\($0.value.count)" }.joined(separator: ";")
                let row = head + [
                    String(e.position), i(e.step), e.exercise, e.side.rawValue, e.ending.rawValue, n(e.start), n(e.end),
                    String(m.holds.count), String(m.holds.filter(\.complete).count), n(m.holds.reduce(0) { $0 + $1.duration }),
                    m.reps == nil ? "" : String(reps.count), m.reps == nil ? "" : String(reps.filter(\.complete).count),
                    m.reps == nil ? "" : String(Set(reps.map(\.set)).count), String(m.formErrors.count), kinds, String(m.strapSlips.count),
                    i(m.steps), n(m.cadence), n(m.walkingSeconds), n(m.distanceMeters),
                ]
                out += row.map(CSVField.quoted).joined(separator: ",") + "\n"
            }
        }
        return out
    }
}
