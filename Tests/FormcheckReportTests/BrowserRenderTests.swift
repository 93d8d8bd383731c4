import FormcheckFeedback
import FormcheckHistory
import FormcheckReport
import Foundation
import Testing

/// The report of coached simulator sessions, opened in a real browser (headless Chromium): the
/// screenshot is not blank and shows the charts' colours; the DOM after layout holds every hold
/// band, rep band, form-error mark and weekly bar with its figures; printed, it is A4 pages; laid
/// out at the A4 column's width nothing sticks out. The files stay in .build/report-test/ to look at
/// (report.html, report.png, report.pdf).
@Suite struct BrowserRenderTests {
    /// What the browser made of the report.
    struct Rendered: Sendable {
        var html: String
        var sessions: [SessionRecord]
        var png: PNGImage
        var dom: String
        var pdf: [UInt8]
        /// The widest element's right edge and the page width, CSS px, at the A4 column's width.
        var widest: Double
        var viewport: Double
        var seconds: (coach: Double, browser: Double)
    }

    /// Window width: the A4 content column, 182 mm at 96 px per inch.
    static let columnWidth = 688

    static let rendered: Result<Rendered, Chromium.Failure> = {
        do {
            let chromium = try Chromium.find()
            let sessions = SimulatedSessions.sessions
            let coach = SimulatedSessions.coached.reduce(0) { $0 + $1.seconds }
            let started = ContinuousClock.now
            let input = ReportInput(sessions: sessions, profile: UserProfile(heightCentimetres: 175), protocols: MadeSessions.protocols,
                                    generatedAt: MadeSessions.date("2026-12-09 09:30"), timeZone: MadeSessions.zone)
            let html = HTMLReport.html(input)
            let file = try ReportTestPaths.output("report.html")
            try html.write(toFile: file, atomically: true, encoding: .utf8)
            let pngPath = try ReportTestPaths.output("report.png"), pdfPath = try ReportTestPaths.output("report.pdf")
            try? FileManager.default.removeItem(atPath: pngPath)
            try? FileManager.default.removeItem(atPath: pdfPath)
            _ = try chromium.run(["--screenshot=" + pngPath, "--window-size=\(columnWidth),3600"], file: file)
            let dom = try chromium.run(["--dump-dom"], file: file)
            _ = try chromium.run(["--print-to-pdf=" + pdfPath, "--no-pdf-header-footer"], file: file)
            // A copy with a script that measures the layout (the report itself has none).
            let probe = try ReportTestPaths.output("report-layout-probe.html")
            let script = """
                <script>window.addEventListener('load', () => { let w = 0; for (const e of document.querySelectorAll('body *')) \
                { w = Math.max(w, e.getBoundingClientRect().right); } document.body.setAttribute('data-widest', String(w)); \
                document.body.setAttribute('data-viewport', String(document.documentElement.clientWidth)); });</script>
                """
            try html.replacingOccurrences(of: "</body>", with: script + "</body>").write(toFile: probe, atomically: true, encoding: .utf8)
            let layout = try chromium.run(["--dump-dom", "--window-size=\(columnWidth),1000", "--virtual-time-budget=2000"], file: probe)
            let body = MarkupElements.find(layout.replacingOccurrences(of: "<body ", with: "<body class=\"probe\" "), tag: "body", className: "probe").first ?? [:]
            let browser = ContinuousClock.now - started
            let png = try PNGImage(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: pngPath))))
            let pdf = Array(try Data(contentsOf: URL(fileURLWithPath: pdfPath)))
            return .success(Rendered(html: html, sessions: sessions, png: png, dom: dom, pdf: pdf,
                                     widest: MarkupElements.number(body, "data-widest") ?? .infinity,
                                     viewport: MarkupElements.number(body, "data-viewport") ?? 0,
                                     seconds: (coach, Double(browser.components.seconds) + Double(browser.components.attoseconds) / 1e18)))
        } catch let failure as Chromium.Failure {
            return .failure(failure)
        } catch {
            return .failure(Chromium.Failure(description: "\(error)"))
        }
    }()

    func rendered() throws -> Rendered {
        switch Self.rendered {
        case .success(let r): return r
        case .failure(let f):
            Issue.record("\(f)")
            throw f
        }
    }

    /// The coached sessions are what the simulator did: its holds, reps and form errors, exactly.
    @Test func coachedScenariosMatchTheirTruth() throws {
        for c in SimulatedSessions.coached {
            let s = c.record.summary
            if let reps = c.truth.reps {
                #expect((s.reps ?? []).count == reps.count, "\(c.scenario.name): reps")
            } else {
                #expect(s.holds.count == c.truth.holds.count, "\(c.scenario.name): holds")
                #expect(zip(s.holds, c.truth.holds).allSatisfy { abs($0.start - $1.start) < 1 && abs($0.end - $1.end) < 1 },
                        "\(c.scenario.name): hold times \(s.holds.map { ($0.start, $0.end) }) vs \(c.truth.holds.map { ($0.start, $0.end) })")
            }
            #expect(s.formErrors.map(\.kind.rawValue).sorted() == c.scenario.expectedErrors.map(\.kind).sorted(), "\(c.scenario.name): errors")
            #expect(c.record.trace.map { $0.flexion.contains { $0.isFinite } } == true, "\(c.scenario.name): a trace")
        }
        let walk = try #require(SimulatedSessions.coached.last?.record.summary)
        #expect((walk.steps ?? 0) > 100 && (walk.distanceMeters ?? 0) > 50)
        print("coached \(SimulatedSessions.coached.map { "\($0.scenario.name) \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: ", "))")
    }

    /// The screenshot (the header and the weekly charts, the first session's traces): mostly white
    /// paper, but not blank — text and charts cover more than 3 % of it — and the chart colours are
    /// there: the trace's blue, the hold bands' green, the rep bands' blue, the form-error red, the
    /// walking green.
    @Test func screenshotIsNotBlankAndShowsTheCharts() throws {
        let r = try rendered()
        #expect(r.png.width == Self.columnWidth && r.png.height == 3600)
        let inked = Double(r.png.nonWhitePixels) / Double(r.png.width * r.png.height)
        #expect(inked > 0.03 && inked < 0.6, "non-white share \(inked)")
        for (name, colour, least) in [("hold band", "#b8e0b8", 2000), ("rep band", "#bcd7f5", 500), ("trace", "#1f4e9c", 300),
                                      ("form error", "#d62728", 50), ("walking bar", "#2ca02c", 50), ("pain before", "#d95f02", 100)] {
            let n = r.png.count(colour: colour)
            #expect(n >= least, "\(name) \(colour): \(n) pixels")
        }
        print("report.png: \(r.png.width)×\(r.png.height), \(String(format: "%.1f", inked * 100)) % inked; browser \(String(format: "%.2f", r.seconds.browser)) s, coaching \(String(format: "%.2f", r.seconds.coach)) s")
    }

    /// After the browser parsed and laid it out, the DOM has a hold band per hold, a rep band per
    /// rep, a mark per form error (its kind and time), and the weekly bars with their values.
    @Test func domHoldsEveryBandMarkAndBar() throws {
        let r = try rendered()
        let exercises = r.sessions.flatMap(\.exercises)
        let holds = MarkupElements.find(r.dom, tag: "rect", className: "hold-band")
        #expect(holds.count == exercises.reduce(0) { $0 + $1.summary.holds.count })
        #expect(holds.count > 0)
        let starts = holds.compactMap { MarkupElements.number($0, "data-start") }
        let truthStarts = exercises.flatMap { $0.summary.holds.map(\.start) }
        #expect(zip(starts, truthStarts).allSatisfy { abs($0 - $1) < 0.001 } && starts.count == truthStarts.count)
        let reps = MarkupElements.find(r.dom, tag: "rect", className: "rep-band")
        #expect(reps.count == exercises.reduce(0) { $0 + ($1.summary.reps ?? []).count })
        #expect(reps.count > 0)
        let errors = MarkupElements.find(r.dom, tag: "g", className: "form-error")
        #expect(errors.map { $0["data-kind"] ?? "" } == exercises.flatMap { $0.summary.formErrors.map(\.kind.rawValue) })
        #expect(errors.count == exercises.reduce(0) { $0 + $1.summary.formErrors.count })
        #expect(MarkupElements.find(r.dom, tag: "path", className: "trace").count == exercises.count)
        // Weekly bars: each exercise's figures summed by hand from the records.
        let bars = MarkupElements.find(r.dom, tag: "rect", className: "week-bar")
        func bar(_ chart: String, _ week: String, _ series: String) -> Double? {
            bars.first { $0["data-chart"] == chart && $0["data-week"] == week && $0["data-series"] == series }.flatMap { MarkupElements.number($0, "data-value") }
        }
        let c = SimulatedSessions.coached.map(\.record)
        let hamstringRight = c[1].summary.holds.filter(\.complete).reduce(0) { $0 + $1.duration }
        #expect(abs((bar("stretch", "2026-11-30", "hamstring/right") ?? -1) - 2 * hamstringRight) < 0.002)
        #expect(hamstringRight > 28)  // one 30 s hold
        let bridges = (c[3].summary.reps ?? []).filter(\.complete).count
        #expect(bar("reps", "2026-11-30", "bridge/right") == Double(2 * bridges))
        #expect(bar("reps", "2026-12-07", "bridge/right") == Double(bridges))
        let metres = c[4].summary.distanceMeters ?? 0
        #expect(abs((bar("walking", "2026-12-07", "walked") ?? -1) - metres) < 0.002)
        #expect(bar("pain", "2026-11-30", "before") == 4.5 && bar("pain", "2026-11-30", "after") == 3.5)
        #expect(bar("pain", "2026-12-07", "before") == 3)
        // Left against right: the hamstring on both legs in session 1.
        #expect(MarkupElements.find(r.dom, tag: "tr", className: "symmetry-row").map { $0["data-exercise"] } == ["hamstring"])
    }

    /// Printed (Chromium's print to PDF, the report's @page A4): A4 pages (595 × 842 pt); the header
    /// and charts, each of the three sessions from a new page, the table: at least 5 pages, and no
    /// more than 12 (it is 7: the overview 2, session 1 2, sessions 2 and 3 one each, the table 1).
    @Test func printsOnA4Pages() throws {
        let r = try rendered()
        let text = String(decoding: r.pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        let pages = text.matches(of: try Regex("/Type\\s*/Page(?!s)")).count
        #expect((5...12).contains(pages), "\(pages) pages")
        // Every page's media box is A4: 210 × 297 mm is 595.3 × 841.9 pt (Chromium writes 594.96 × 841.92).
        let boxes = text.matches(of: try Regex("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]")).map { String(text[$0.range]) }
        #expect(boxes.count == pages)
        for box in boxes {
            let numbers = box.split { " []".contains($0) }.compactMap { Double($0) }
            #expect(numbers.count == 4 && abs(numbers[2] - 595.28) < 1 && abs(numbers[3] - 841.89) < 1, "\(box)")
        }
        print("report.pdf: \(pages) pages, \(r.pdf.count) bytes")
    }

    /// Without chromium the test fails (never skips), saying how to get it.
    @Test func noChromiumIsAFailureThatSaysWhatToRun() {
        #expect(throws: Chromium.Failure.self) { try Chromium.find(environment: ["PATH": "/nonexistent-formcheck-test"]) }
        do {
            _ = try Chromium.find(environment: ["PATH": "/nonexistent-formcheck-test"])
        } catch {
            #expect("\(error)".contains("run make test (it installs chromium)"))
        }
    }

    /// Laid out at the A4 column's width (688 px), no element reaches past the page.
    @Test func nothingIsWiderThanThePage() throws {
        let r = try rendered()
        #expect(r.viewport == Double(Self.columnWidth))
        #expect(r.widest <= r.viewport + 0.5, "widest element ends at \(r.widest) px of \(r.viewport)")
    }
}
