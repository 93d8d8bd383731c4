import FormcheckFeedback
import FormcheckHistory
import FormcheckReport
import Foundation
import MotionCore
import Testing

/// The report's text on the made sessions: every hold, rep and form error drawn with its figures,
/// the protocol's targets, the weekly bars, the table, text escaped, nothing external, the same
/// bytes for the same input.
@Suite struct HTMLReportTests {
    static let html = HTMLReport.html(MadeSessions.input())

    func elements(_ tag: String, _ className: String, in html: String = HTMLReportTests.html) -> [[String: String]] {
        MarkupElements.find(html, tag: tag, className: className)
    }

    /// 2 + 1 + 1 holds in session 1, 2 in session 4; 10 + 10 reps; one shortHold and one tooFast.
    @Test func everyHoldRepAndErrorIsDrawnWithItsTimes() {
        let holds = elements("rect", "hold-band")
        #expect(holds.count == 6)
        #expect(holds.map { $0["data-start"] } == ["10", "90", "160", "270", "10", "80"])
        #expect(holds.map { $0["data-complete"] } == ["true", "false", "true", "true", "true", "true"])
        #expect(holds[1]["data-duration"] == "25")
        let reps = elements("rect", "rep-band")
        #expect(reps.count == 20)
        #expect(reps.filter { $0["data-complete"] == "false" }.map { $0["data-rep"] } == ["3"])
        let errors = elements("g", "form-error")
        #expect(errors.map { $0["data-kind"] } == ["shortHold", "tooFast"])
        #expect(errors.map { $0["data-t"] } == ["115", "15"])
        #expect(errors.map { $0["data-rep"] } == ["2", "3"])
        // Their words are the coach's.
        let messages = CueCatalogue.english
        #expect(Self.html.contains(HTMLTextCheck.escaped(messages.message(.shortHold))))
        #expect(Self.html.contains(HTMLTextCheck.escaped(messages.message(.tooFast))))
        // One chart per exercise, one section per session.
        #expect(elements("svg", "trace-chart").count == 8)
        #expect(elements("section", "session").map { $0["data-session"] } == ["1", "2", "3", "4"])
    }

    /// Piriformis: hold at 60° or more, below the 130° safe range; the hamstring 45°–130°; the
    /// bridge's top 12° from 45°: the shallowest top that counts is 12 + 8 = 20°, the furthest
    /// 12 − 12 = 0°. Walking has none.
    @Test func targetBandsComeFromTheProtocols() throws {
        let charts = elements("svg", "trace-chart")
        let bands = elements("rect", "target-band")
        #expect(bands.count == 6)  // every exercise but the two walks
        let first = try #require(bands.first)
        #expect(first["data-low"] == "60" && first["data-high"] == "130")
        let hamstring = try ExerciseLibrary.named("hamstring", environment: ["XDG_CONFIG_HOME": "/nonexistent-formcheck-test"])
        #expect(bands[2]["data-low"] == HTMLTextCheck.number(hamstring.holdAngle ?? -1))
        #expect(bands[3]["data-low"] == "0" && bands[3]["data-high"] == "20")
        #expect(elements("line", "start-line").map { $0["data-angle"] } == ["45", "45"])
        #expect(charts.map { $0["data-exercise"] } == ["piriformis", "piriformis", "hamstring", "bridge", "walk", "piriformis", "bridge", "walk"])
    }

    /// The trace: drawn where known, broken across the 3 s of NaN (a second "M"), "no angle trace"
    /// where none was recorded.
    @Test func traceIsDrawnAndBrokenAtUnknownValues() throws {
        let traces = elements("path", "trace")
        #expect(traces.count == 1)
        let trace = try #require(traces.first)
        #expect(trace["data-values"] == "1300")
        #expect(trace["data-rate"] == "10")
        let d = trace["d"] ?? ""
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(Self.html.components(separatedBy: "no angle trace recorded").count - 1 == 7)
    }

    /// Every bar has the figure of WeeklyChartTests; the walking goals are drawn.
    @Test func weeklyBarsCarryTheirValues() {
        let bars = elements("rect", "week-bar")
        func bar(_ chart: String, _ week: String, _ series: String) -> String? {
            bars.first { $0["data-chart"] == chart && $0["data-week"] == week && $0["data-series"] == series }?["data-value"]
        }
        #expect(bar("stretch", "2026-11-30", "piriformis/right") == "60")
        #expect(bar("stretch", "2026-12-07", "piriformis/right") == "120")
        #expect(bar("reps", "2026-11-30", "bridge/right") == "9")
        #expect(bar("walking", "2026-12-07", "walked") == "3000")
        #expect(bar("pain", "2026-11-30", "before") == "4.5")
        #expect(bars.count == 4 + 2 + 2 + 4)
        #expect(elements("line", "week-goal").map { $0["data-value"] } == ["33796.224", "9656.064"])
    }

    /// Session 1's piriformis: left 60 s against right 60 s, peaks 74° and 86°: 12° apart, flagged
    /// beyond the protocol's 10°.
    @Test func leftAgainstRight() throws {
        let rows = elements("tr", "symmetry-row")
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["data-exercise"] == "piriformis" && row["data-session"] == "1")
        #expect(row["data-left"] == "60" && row["data-right"] == "60" && row["data-flags"] == "1")
        #expect(elements("rect", "symmetry-bar").map { $0["data-side"] } == ["left", "right"])
        #expect(Self.html.contains("peak 12.0° apart"))
    }

    /// One row per exercise with its figures; session 4 ended unexpectedly and says so.
    @Test func tableOfEverything() {
        let rows = elements("tr", "exercise-row")
        #expect(rows.count == 8)
        #expect(rows.map { $0["data-complete-holds"] } == ["1", "1", "1", "0", "0", "2", "0", "0"])
        #expect(rows.map { $0["data-complete-reps"] } == ["0", "0", "0", "9", "0", "0", "10", "0"])
        #expect(rows.map { $0["data-errors"] } == ["1", "0", "0", "1", "0", "0", "0", "0"])
        #expect(rows.map { $0["data-steps"] } == ["", "", "", "", "3000", "", "", "4000"])
        #expect(rows.map { $0["data-metres"] } == ["", "", "", "", "2400", "", "", "3000"])
        #expect(Self.html.contains("not closed: the session ended unexpectedly"))
        // 2400 m is 1.49 miles, 3000 m 1.86.
        #expect(Self.html.contains("<td class=\"n\">1.49</td>") && Self.html.contains("<td class=\"n\">1.86</td>"))
    }

    /// Names from the history are text, never markup.
    @Test func textIsEscaped() {
        var s = MadeSessions.sessions[0]
        s.devices = ["Joy-Con \"R\" <b>&amp;"]
        s.routine = "<script>alert('r')</script>"
        s.exercises[2].exercise = "<script>alert(1)</script>"
        s.exercises[2].summary.exercise = s.exercises[2].exercise
        let html = HTMLReport.html(MadeSessions.input([s]))
        #expect(!html.contains("<script"))
        #expect(!html.contains("\"R\" <b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Joy-Con &quot;R&quot; &lt;b&gt;&amp;amp;"))
        #expect(html.contains("&lt;script&gt;alert(&#39;r&#39;)&lt;/script&gt;"))
        // The unknown exercise is still drawn, with its name read back intact and no target.
        let charts = MarkupElements.find(html, tag: "svg", className: "trace-chart")
        #expect(charts.map { $0["data-exercise"] }.contains("<script>alert(1)</script>"))
        #expect(html.contains("no target is drawn"))
    }

    /// Nothing outside the file: no URL, no src or href, no @import or url(), no script.
    @Test func selfContained() {
        for needle in ["http:", "https:", "//", "src=", "href=", "url(", "@import", "<script", "<link", "<img", "<iframe"] {
            #expect(!Self.html.lowercased().contains(needle), "found \(needle)")
        }
        #expect(Self.html.hasPrefix("<!DOCTYPE html>"))
        #expect(Self.html.contains("@page { size: A4"))
        #expect(Self.html.contains("section.session { break-before: page; }"))
    }

    /// The same input gives the same bytes, whatever order the sessions come in; the moment of
    /// generation is the only clock, and it is in the input.
    @Test func deterministic() {
        let again = HTMLReport.html(MadeSessions.input(MadeSessions.sessions.reversed()))
        #expect(again == Self.html)
        var later = MadeSessions.input()
        later.generatedAt = MadeSessions.date("2026-12-10 10:00")
        let other = HTMLReport.html(later)
        #expect(other != Self.html)
        #expect(other.replacingOccurrences(of: "Thu 2026-12-10 10:00", with: "Wed 2026-12-09 09:30") == Self.html)
    }

    /// Kilometres when the user chose them: the weekly walking axis and the table in km.
    @Test func distanceInTheUsersUnit() {
        var input = MadeSessions.input()
        input.profile.distanceUnit = .km
        let html = HTMLReport.html(input)
        #expect(html.contains("distance (km)"))
        #expect(html.contains("<td class=\"n\">2.40</td>") && html.contains("<td class=\"n\">3.00</td>"))
        #expect(elements("rect", "week-bar", in: html).first { $0["data-chart"] == "walking" }?["data-value"] == "2400")
    }
}

/// The report's own escaping and number forms, spelt out independently for the checks.
enum HTMLTextCheck {
    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}
