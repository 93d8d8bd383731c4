import FormcheckFeedback
import FormcheckHistory
import Foundation
import MotionCore
import Testing

/// `formcheck report`: the history's sessions as an HTML file, chosen by --since or --session, and
/// each refusal with its status and message (README "The report", "Exit status").
@Suite struct ReportCommandTests {
    static let london = ["TZ": "Europe/London"]

    static func date(_ y: Int, _ m: Int, _ d: Int, _ h: Int) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Europe/London")!
        return c.date(from: DateComponents(year: y, month: m, day: d, hour: h))!
    }

    /// A history of three sessions (ids 1–3: 30 Nov, 3 Dec, 8 Dec 2026) of a hamstring hold and
    /// four bridges each, with pain.
    static func history(in dir: URL) throws -> String {
        let path = dir.path + "/history.sqlite"
        let store = try HistoryStore(path: path)
        let hold = SessionSummary.Hold(rep: 1, side: .right, start: 10, end: 42, duration: 32, meanFlexion: 69, peakFlexion: 71, complete: true)
        let stretch = ExerciseRecord(position: 1, exercise: "hamstring", side: .right, ending: .done, start: 0, end: 50,
                                     summary: SessionSummary(t: 50, exercise: "hamstring", side: .right, holds: [hold], formErrors: []),
                                     trace: AngleTrace(start: 0, rate: 10, flexion: (0..<500).map { i in i < 100 || i > 420 ? 0 : 70 }))
        let reps = (1...4).map { SessionSummary.Rep(rep: $0, set: 1, side: .right, start: 55 + Double($0) * 6, end: 59 + Double($0) * 6, peak: 12,
                                                    range: 33, upSeconds: 1.5, downSeconds: 2, complete: true) }
        let bridge = ExerciseRecord(position: 2, exercise: "bridge", side: .right, ending: .done, start: 55, end: 90,
                                    summary: SessionSummary(t: 90, exercise: "bridge", side: .right, holds: [],
                                                            formErrors: [SessionSummary.Error(t: 70, kind: .tooFast, rep: 2)], reps: reps))
        for (day, pain) in [(date(2026, 11, 30, 8), 5), (date(2026, 12, 3, 8), 4), (date(2026, 12, 8, 8), 3)] {
            let id = try store.begin(SessionRecord(startedAt: day, kind: .routine, routine: "daily", devices: ["Nintendo <Joy-Con> (R)"], painBefore: pain))
            try store.append(stretch, session: id)
            try store.append(bridge, session: id)
            try store.close(session: id, endedAt: day.addingTimeInterval(600), painAfter: pain - 1, recordings: [])
        }
        return path
    }

    func sections(_ file: String) throws -> [String] {
        let html = try String(contentsOfFile: file, encoding: .utf8)
        let pattern = try Regex("<section class=\"session\" data-session=\"([0-9]+)\"")
        return html.matches(of: pattern).map { m in
            String(html[m.range]).split(separator: "\"").dropFirst(3).first.map(String.init) ?? ""
        }
    }

    @Test func reportsEverySessionOrOne() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = try Self.history(in: dir)
        let out = dir.path + "/report.html"
        let all = try ExitStatusTests.run(["report", "--db", db, "-o", out], environment: Self.london)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stderr == "formcheck: 3 sessions, 6 exercises → \(out)\n")
        #expect(try sections(out) == ["1", "2", "3"])
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("Nintendo &lt;Joy-Con&gt; (R)"))
        #expect(html.components(separatedBy: "class=\"hold-band\"").count - 1 == 3)
        #expect(html.components(separatedBy: "class=\"rep-band\"").count - 1 == 12)
        #expect(html.components(separatedBy: "class=\"form-error\"").count - 1 == 3)
        // The protocols' targets: the hamstring's 45° hold angle, the bridge's top band.
        #expect(html.contains("class=\"target-band\" data-low=\"45\" data-high=\"130\""))
        #expect(html.contains("class=\"target-band\" data-low=\"0\" data-high=\"20\""))

        let one = try ExitStatusTests.run(["report", "--db", db, "--session", "2", "-o", out], environment: Self.london)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(try sections(out) == ["2"])

        // --since is a day in the local calendar: from 3 Dec on.
        let since = try ExitStatusTests.run(["report", "--db", db, "--since", "2026-12-03", "-o", out], environment: Self.london)
        #expect(since.status == 0, "\(since.stderr)")
        #expect(try sections(out) == ["2", "3"])
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Thu 2026-12-03 – Tue 2026-12-08"))
    }

    @Test func refusals() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = try Self.history(in: dir)
        let out = dir.path + "/report.html"

        let unknown = try ExitStatusTests.run(["report", "--db", db, "--session", "9", "-o", out], environment: Self.london)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("\(db): no session 9; its sessions are 1–3"), "\(unknown.stderr)")

        let none = try ExitStatusTests.run(["report", "--db", db, "--since", "2027-01-01", "-o", out], environment: Self.london)
        #expect(none.status == 66)
        #expect(none.stderr.contains("no session since 2027-01-01 00:00 to report; the last one began 2026-12-08 08:00"), "\(none.stderr)")
        #expect(none.stderr.contains("fix: give an earlier --since"))

        let badDate = try ExitStatusTests.run(["report", "--db", db, "--since", "last week", "-o", out], environment: Self.london)
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("YYYY-MM-DD (2025-03-14), YYYY-MM-DDTHH:MM (2025-03-14T07:30), today, or Nd"), "\(badDate.stderr)")

        let both = try ExitStatusTests.run(["report", "--db", db, "--since", "today", "--session", "1", "-o", out], environment: Self.london)
        #expect(both.status == 64)

        let missing = try ExitStatusTests.run(["report", "--db", dir.path + "/none.sqlite", "-o", out], environment: Self.london)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("none.sqlite: no history yet"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/none.sqlite"), "no history is created by reading one")

        let empty = dir.path + "/empty.sqlite"
        _ = try HistoryStore(path: empty)
        let nothing = try ExitStatusTests.run(["report", "--db", empty, "-o", out], environment: Self.london)
        #expect(nothing.status == 66)
        #expect(nothing.stderr.contains("no session to report; the history is empty"), "\(nothing.stderr)")

        let corrupt = dir.path + "/corrupt.sqlite"
        try Data("this is not a database, it is text".utf8).write(to: URL(fileURLWithPath: corrupt))
        let broken = try ExitStatusTests.run(["report", "--db", corrupt, "-o", out], environment: Self.london)
        #expect(broken.status == 65)
        #expect(broken.stderr.hasPrefix("formcheck: \(corrupt): "), "\(broken.stderr)")
        #expect(broken.stderr.contains("fix: "))

        let unwritable = try ExitStatusTests.run(["report", "--db", db, "-o", dir.path + "/no/such/folder/r.html"], environment: Self.london)
        #expect(unwritable.status == 66)
        #expect(unwritable.stderr.contains("no/such/folder/r.html"), "\(unwritable.stderr)")
    }
}
