import FormcheckFeedback
import FormcheckHistory

/// The weekly charts and the left/right comparison.
extension HTMLReport {
    static func overview(_ input: ReportInput) -> String {
        var parts = ["<section class=\"overview\">\n<h2>Week by week</h2>\n"]
        let stretch = WeeklyChart.stretch(input), reps = WeeklyChart.reps(input)
        let walking = WeeklyChart.walking(input), pain = WeeklyChart.pain(input)
        func seriesColour(_ chart: WeeklyChart) -> (String) -> String {
            { id in ReportStyle.palette[(chart.series.firstIndex { $0.id == id } ?? 0) % ReportStyle.palette.count] }
        }
        if stretch.series.isEmpty {
            parts.append(note("No stretches in this period."))
        } else {
            let chart = BarChart(stretch, colour: seriesColour(stretch), scale: 1.0 / 60, unit: "min", decimals: 1)
            parts.append(figure("Time under stretch per week (minutes in complete holds), per exercise and side", chart.svg, chart.legend()))
        }
        if reps.series.isEmpty {
            parts.append(note("No strengthening exercises in this period."))
        } else {
            let chart = BarChart(reps, colour: seriesColour(reps), unit: "reps", decimals: 0)
            parts.append(figure("Complete reps per week, per exercise and side", chart.svg, chart.legend()))
        }
        let unit = unitName(input.profile)
        let walked = BarChart(walking, colour: { _ in ReportStyle.walked }, scale: 1 / metresPerUnit(input.profile), unit: unit, decimals: 2)
        parts.append(figure("Walking per week (\(unit)) against the week's goal (the daily goals of its days)", walked.svg, walked.legend(goal: "goal")))
        if pain.bars.isEmpty {
            parts.append(note("No pain ratings in this period."))
        } else {
            let chart = BarChart(pain, colour: { $0 == "before" ? ReportStyle.painBefore : ReportStyle.painAfter }, unit: "pain",
                                 decimals: 1, fixedMaximum: 10)
            parts.append(figure("Pain per week (mean of the sessions rated, 0–10), before and after", chart.svg, chart.legend()))
        }
        parts.append("</section>\n")
        return parts.joined()
    }

    static func figure(_ caption: String, _ svg: String, _ legend: String) -> String {
        Markup.element("figure", [], "\n" + Markup.element("figcaption", [], Markup.text(caption)) + "\n" + svg + "\n" + legend + "\n") + "\n"
    }

    static func note(_ text: String) -> String {
        Markup.element("p", [("class", "note")], Markup.text(text)) + "\n"
    }

    /// Left against right: every session's exercises done on both legs (`SideComparison`, with the
    /// protocol's symmetry rules), as a table and paired bars.
    static func symmetry(_ input: ReportInput, _ sessions: [SessionRecord]) -> String {
        let rows = sessions.flatMap { s in comparisons(s, input).map { (s, $0) } }
        guard !rows.isEmpty else {
            return "<section class=\"symmetry\">\n<h2>Left and right</h2>\n" + note("No exercise was done on both legs in one session in this period.")
                + "</section>\n"
        }
        var parts = ["<section class=\"symmetry\">\n<h2>Left and right</h2>\n<table class=\"symmetry-table\">\n"]
        parts.append("<thead><tr><th>session</th><th>exercise</th><th class=\"n\">left</th><th class=\"n\">right</th>"
                     + "<th class=\"n\">peak left − right</th><th class=\"n\">ratio</th><th>flags</th></tr></thead>\n<tbody>\n")
        for (s, c) in rows { parts.append(symmetryRow(s, c, input)) }
        parts.append("</tbody>\n</table>\n")
        parts.append(symmetryChart(rows, input))
        parts.append("</section>\n")
        return parts.joined()
    }

    /// A side's amount: seconds in complete holds (stretches), else complete reps.
    static func amount(_ f: SideComparison.Figures) -> Double {
        f.secondsUnderStretch ?? Double(f.reps ?? 0)
    }

    static func symmetryRow(_ s: SessionRecord, _ c: SideComparison, _ input: ReportInput) -> String {
        func side(_ f: SideComparison.Figures) -> String {
            if let t = f.secondsUnderStretch { return HTMLText.fixed(t, 1) + " s" + (f.peak.map { ", peak \(HTMLText.fixed($0, 1))°" } ?? "") }
            return plural(f.reps ?? 0, "rep", "reps") + (f.peak.map { ", range \(HTMLText.fixed($0, 1))°" } ?? "")
        }
        let cells = [
            Markup.element("td", [], Markup.text(sessionName(s, input))),
            Markup.element("td", [], Markup.text(title(c.exercise, input))),
            Markup.element("td", [("class", "n")], Markup.text(side(c.left))),
            Markup.element("td", [("class", "n")], Markup.text(side(c.right))),
            Markup.element("td", [("class", "n")], c.peakDifference.map { HTMLText.fixed($0, 1) + "°" } ?? "—"),
            Markup.element("td", [("class", "n")], c.ratio.map { HTMLText.fixed($0, 2) } ?? "—"),
            c.flags.isEmpty ? Markup.element("td", [], "none") : Markup.element("td", [("class", "flag")], Markup.text(c.flags.joined(separator: "; "))),
        ]
        let attributes: Markup.Attributes = [("class", "symmetry-row"), ("data-exercise", c.exercise), ("data-session", idText(s)),
                                             ("data-left", HTMLText.number(amount(c.left))), ("data-right", HTMLText.number(amount(c.right))),
                                             ("data-flags", "\(c.flags.count)")]
        return Markup.element("tr", attributes, cells.joined()) + "\n"
    }

    /// The comparisons of one session: each exercise it did on both legs.
    static func comparisons(_ s: SessionRecord, _ input: ReportInput) -> [SideComparison] {
        SideComparison.pairs(s.exercises.map(\.summary)) { input.protocols[$0]?.symmetry ?? SymmetryRules() }
    }

    /// Paired horizontal bars, left and right, of each comparison's amount (time under stretch, or
    /// complete reps), scaled to the larger side: `rect.symmetry-bar[data-exercise data-side data-value]`.
    static func symmetryChart(_ comparisons: [(SessionRecord, SideComparison)], _ input: ReportInput) -> String {
        let c = TraceChart.c
        let rowHeight = 30.0, width = 680.0, labelWidth = 230.0, barSpace = width - labelWidth - 80
        var parts: [String] = []
        for (i, (session, cmp)) in comparisons.enumerated() {
            let y = 4 + Double(i) * rowHeight
            let day = input.day(of: session)
            let label = "\(day.weekdayName) \(day.day) \(BarChart.monthName(day.month)) · " + title(cmp.exercise, input)
            let stretch = cmp.left.secondsUnderStretch != nil
            let l = amount(cmp.left), r = amount(cmp.right)
            let most = max(l, r, 1e-9)
            parts.append(Markup.element("text", [("x", "0"), ("y", c(y + 16)), ("font-size", "10")], Markup.text(label)))
            for (j, side) in [("left", l, ReportStyle.left), ("right", r, ReportStyle.right)].enumerated() {
                let by = y + Double(j) * 12, w = max(0.5, side.1 / most * barSpace)
                parts.append(Markup.empty("rect", [("class", "symmetry-bar"), ("data-exercise", cmp.exercise), ("data-side", side.0),
                                                   ("data-value", HTMLText.number(side.1)), ("x", c(labelWidth)), ("y", c(by)), ("width", c(w)),
                                                   ("height", "10"), ("fill", side.2)]))
                let text = side.0 + " " + HTMLText.fixed(side.1, 0) + (stretch ? " s" : " reps")
                parts.append(Markup.element("text", [("x", c(labelWidth + w + 4)), ("y", c(by + 9)), ("font-size", "9")], Markup.text(text)))
            }
        }
        let svg = Markup.element("svg", [("class", "symmetry-chart"), ("viewBox", "0 0 \(c(width)) \(c(rowHeight * Double(comparisons.count) + 6))"),
                                         ("role", "img"), ("aria-label", "left and right")], parts.joined())
        let legend = Markup.element("p", [("class", "legend")],
                                    Markup.element("span", [("class", "swatch"), ("style", "background:" + ReportStyle.left)]) + "left"
                                    + Markup.element("span", [("class", "swatch"), ("style", "background:" + ReportStyle.right)]) + "right")
        return figure("Left and right, each pair scaled to its larger side (time under stretch, or complete reps)", svg, legend)
    }
}
