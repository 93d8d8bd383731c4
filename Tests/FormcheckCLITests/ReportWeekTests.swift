import FormcheckHistory
import Foundation
import Testing
import ThighSimulator

/// `formcheck report` on the simulated week (`SimulatedWeek`: routines, walks and bridges saved
/// with `replay --save` over ten days): the HTML's drawn figures against the scenarios' truth, the
/// pain given and what the history holds.
@Suite struct ReportWeekTests {
    /// The Monday (local calendar) of the week `date` is in, `YYYY-MM-DD`.
    static func monday(_ date: Date) -> String {
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = Calendar.current.timeZone
        let start = iso.dateInterval(of: .weekOfYear, for: date)?.start ?? date
        let c = iso.dateComponents([.year, .month, .day], from: start)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    static func elements(_ html: String, _ tag: String, _ className: String) throws -> [[String: String]] {
        let opening = try Regex("<" + tag + " class=\"" + className + "\"([^>]*)>")
        let attribute = try Regex("([-a-z]+)=\"([^\"]*)\"")
        return html.matches(of: opening).map { m in
            var out: [String: String] = [:]
            let text = String(html[m.range])
            for a in text.matches(of: attribute) {
                let pair = String(text[a.range]).split(separator: "=", maxSplits: 1)
                out[String(pair[0])] = String(pair[1].dropFirst().dropLast())
            }
            return out
        }
    }

    @Test func reportOfTheWeekHoldsItsTruth() throws {
        let w = try SimulatedWeek.shared.get()
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let out = dir.path + "/week.html"
        let started = Date()
        let r = try ExitStatusTests.run(["report", "--db", w.db, "-o", out])
        let seconds = Date().timeIntervalSince(started)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "formcheck: 7 sessions, 16 exercises → \(out)\n", "\(r.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        print("report of the simulated week: \(html.utf8.count) bytes in \(String(format: "%.2f", seconds)) s (debug build, with the process start)")

        let plan = SimulatedWeek.plan
        let routineTruth = try #require(w.truth[.routine]), bridgeTruth = try #require(w.truth[.bridge]?.reps)
        let routines = plan.filter { $0.kind == .routine }.count, bridges = plan.filter { $0.kind == .bridge }.count
        #expect(try Self.elements(html, "section", "session").count == plan.count)
        // A hold band per hold (every routine's), a rep band per rep, a trace per exercise.
        #expect(try Self.elements(html, "rect", "hold-band").count == routineTruth.holds.count * routines)
        #expect(try Self.elements(html, "rect", "rep-band").count == bridgeTruth.count * bridges)
        #expect(try Self.elements(html, "path", "trace").count == 16)
        // Form errors: the marks are those the history holds (the scenarios were built with none).
        let store = try HistoryStore(path: w.db)
        let stored = try store.sessions().flatMap(\.exercises).flatMap { $0.summary.formErrors.map(\.kind.rawValue) }
        #expect(try Self.elements(html, "g", "form-error").map { $0["data-kind"] ?? "" } == stored)
        #expect(stored.isEmpty)
        // Left against right: piriformis and hamstring in each routine.
        #expect(try Self.elements(html, "tr", "symmetry-row").count == 2 * routines)

        // Weekly bars against the truth: each routine's holds per exercise and side.
        let bars = try Self.elements(html, "rect", "week-bar")
        func bar(_ chart: String, _ week: String, _ series: String) -> Double? {
            bars.first { $0["data-chart"] == chart && $0["data-week"] == week && $0["data-series"] == series }.flatMap { $0["data-value"] }.flatMap(Double.init)
        }
        let weeks = Set(plan.map { Self.monday(SimulatedWeek.start($0)) }).sorted()
        for week in weeks {
            let sessions = plan.filter { Self.monday(SimulatedWeek.start($0)) == week }
            let n = sessions.filter { $0.kind == .routine }.count
            for segment in try #require(routineTruth.exercises) {
                let holds = routineTruth.holds.filter { $0.start >= segment.start && $0.end <= segment.end }
                let truth = holds.reduce(0) { $0 + $1.duration } * Double(n)
                let got = bar("stretch", week, "\(segment.exercise)/\(segment.side.rawValue)")
                if n == 0 {
                    #expect(got == nil)
                } else {
                    // Each hold's boundaries within 0.15 s (TruthAngleSessionTests).
                    #expect(abs((got ?? -1) - truth) <= 2 * 0.15 * Double(holds.count * n), "\(week) \(segment.exercise) \(segment.side): \(got ?? -1) vs \(truth)")
                }
            }
            let b = sessions.filter { $0.kind == .bridge }.count
            #expect(bar("reps", week, "bridge/right") == (b == 0 ? nil : Double(bridgeTruth.filter(\.complete).count * b)), "\(week)")
            func mean(_ x: [Int]) -> Double? { x.isEmpty ? nil : Double(x.reduce(0, +)) / Double(x.count) }
            #expect(bar("pain", week, "before") == mean(sessions.compactMap(\.painBefore)), "\(week)")
            #expect(bar("pain", week, "after") == mean(sessions.compactMap(\.painAfter)), "\(week)")
        }
        // Walking: the distances the history holds, week by week; the goal three miles a day of the
        // week's days within the ten days covered.
        let stored7 = try store.sessions()
        for week in weeks {
            let metres = stored7.filter { Self.monday($0.startedAt) == week }.flatMap(\.exercises).compactMap(\.summary.distanceMeters).reduce(0, +)
            #expect(abs((bar("walking", week, "walked") ?? -1) - metres) < 0.002, "\(week)")
        }
        #expect(stored7.flatMap(\.exercises).contains { ($0.summary.distanceMeters ?? 0) > 50 })
        // The goal: each day's walk as `formcheck plan --date DAY` sets it (the plan grows from a mile a
        // day, not the profile's three miles), summed over the week's days within the ten covered.
        let goals = try Self.elements(html, "line", "week-goal").map { ($0["data-week"] ?? "", Double($0["data-value"] ?? "") ?? -1) }
        var planned: [String: Double] = [:]
        let calendar = Calendar.current
        let first = calendar.startOfDay(for: try #require(stored7.map(\.startedAt).min()))
        let last = calendar.startOfDay(for: try #require(stored7.map(\.startedAt).max()))
        var day = first
        while day <= last {
            planned[Self.monday(day), default: 0] += try HistoryWeekTests.plannedWalk(w, day)
            day = try #require(calendar.date(byAdding: .day, value: 1, to: day))
        }
        #expect(goals.count == planned.count, "\(goals) \(planned)")
        #expect(planned.values.allSatisfy { $0 < 7 * UserProfile.threeMiles }, "\(planned)")
        for (week, value) in goals {
            // The plan's JSON gives each day to 0.1 m: a week of seven is within 0.35 m.
            #expect(abs(value - (planned[week] ?? -1)) < 0.4, "\(week): \(value) against \(planned[week] ?? -1)")
        }
        // The table: a row per exercise.
        #expect(try Self.elements(html, "tr", "exercise-row").count == 16)
    }
}
