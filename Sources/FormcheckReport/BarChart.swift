/// A weekly chart as SVG: a group of bars per week (one per series with something that week), the
/// week's goal as a dashed line across its group (walking), value labels, the week's Monday under
/// it. Each bar is `rect.week-bar[data-chart data-week data-series data-value data-count]` (the
/// value in the chart's own unit: seconds, reps, metres, pain), each goal
/// `line.week-goal[data-week data-value]` (metres).
struct BarChart {
    static let width = 680.0
    static let height = 210.0
    static let left = 50.0, right = 8.0, top = 16.0, bottom = 30.0
    static let plotWidth = width - left - right
    static let plotHeight = height - top - bottom

    let chart: WeeklyChart
    /// Each series' fill.
    let colour: (String) -> String
    /// What a figure is drawn and printed as (metres shown in miles: 1 / 1609.344), and its unit.
    let scale: Double
    let unit: String
    /// Decimals of the printed values.
    let decimals: Int
    /// The top of the axis and the step between its grid lines, in drawn units.
    let most: Double
    let step: Double

    init(_ chart: WeeklyChart, colour: @escaping (String) -> String, scale: Double = 1, unit: String, decimals: Int, fixedMaximum: Double? = nil) {
        self.chart = chart
        self.colour = colour
        self.scale = scale
        self.unit = unit
        self.decimals = decimals
        let axis = BarChart.axis(fixedMaximum ?? chart.maximum * scale)
        most = axis.top
        step = axis.step
    }

    func y(_ value: Double) -> Double {
        BarChart.top + BarChart.plotHeight - min(value * scale, most) / most * BarChart.plotHeight
    }

    var svg: String {
        let c = TraceChart.c
        var parts: [String] = []
        let lines = Int((most / step).rounded())
        for i in 0...lines {
            let v = Double(i) * step
            let yy = BarChart.top + BarChart.plotHeight - v / most * BarChart.plotHeight
            parts.append(Markup.empty("line", [("x1", c(BarChart.left)), ("x2", c(BarChart.width - BarChart.right)), ("y1", c(yy)), ("y2", c(yy)),
                                               ("stroke", ReportStyle.grid), ("stroke-width", "0.6")]))
            parts.append(Markup.element("text", [("x", c(BarChart.left - 4)), ("y", c(yy + 3.5)), ("font-size", "10"), ("text-anchor", "end"),
                                                 ("fill", ReportStyle.axis)], HTMLText.fixed(v, BarChart.decimals(step))))
        }
        parts.append(Markup.element("text", [("x", "4"), ("y", "10"), ("font-size", "10"), ("fill", ReportStyle.axis)], Markup.text(unit)))
        for (i, week) in chart.weeks.enumerated() { parts += group(week, index: i) }
        parts.append(Markup.element("text", [("x", c(BarChart.left + BarChart.plotWidth / 2)), ("y", c(BarChart.height - 2)), ("font-size", "9"),
                                             ("text-anchor", "middle"), ("fill", ReportStyle.axis)], "week beginning"))
        let attributes: Markup.Attributes = [("class", "week-chart"), ("data-chart", chart.metric.rawValue),
                                             ("viewBox", "0 0 \(c(BarChart.width)) \(c(BarChart.height))"), ("role", "img"),
                                             ("aria-label", "\(chart.metric.rawValue) per week")]
        return Markup.element("svg", attributes, parts.joined())
    }

    /// One week's bars, its goal and its label.
    func group(_ week: ReportDay, index: Int) -> [String] {
        let c = TraceChart.c
        let groupWidth = BarChart.plotWidth / Double(max(1, chart.weeks.count))
        let inner = groupWidth * 0.8
        let gx = BarChart.left + Double(index) * groupWidth + (groupWidth - inner) / 2
        let bars = chart.series.compactMap { s in chart.bar(week: week, series: s.id).map { (s, $0) } }
        let barWidth = inner / Double(max(1, bars.count))
        let baseline = BarChart.top + BarChart.plotHeight
        var out: [String] = []
        for (i, (s, bar)) in bars.enumerated() {
            let bx = gx + Double(i) * barWidth, by = y(bar.value)
            let shown = HTMLText.fixed(bar.value * scale, decimals)
            let data: Markup.Attributes = [("class", "week-bar"), ("data-chart", chart.metric.rawValue), ("data-week", week.description),
                                           ("data-series", s.id), ("data-value", HTMLText.number(bar.value)), ("data-count", "\(bar.count)")]
            let shape: Markup.Attributes = [("x", c(bx + 1)), ("y", c(by)), ("width", c(max(1, barWidth - 2))), ("height", c(max(0, baseline - by))),
                                            ("fill", colour(s.id))]
            out.append(Markup.element("rect", data + shape, Markup.title("\(s.label), week of \(week): \(shown) \(unit)")))
            if barWidth >= 18 {
                out.append(Markup.element("text", [("x", c(bx + barWidth / 2)), ("y", c(by - 2)), ("font-size", "8.5"), ("text-anchor", "middle"),
                                                   ("fill", "#222222")], Markup.text(shown)))
            }
        }
        if let goal = chart.goals[week] {
            let gy = y(goal)
            out.append(Markup.element("line", [("class", "week-goal"), ("data-week", week.description), ("data-value", HTMLText.number(goal)),
                                               ("x1", c(gx)), ("x2", c(gx + inner)), ("y1", c(gy)), ("y2", c(gy)), ("stroke", ReportStyle.goal),
                                               ("stroke-width", "2"), ("stroke-dasharray", "6 3")],
                                      Markup.title("goal, week of \(week): \(HTMLText.fixed(goal * scale, decimals)) \(unit)")))
        }
        let labelEvery = max(1, Int((Double(chart.weeks.count) / 10).rounded(.up)))
        if index % labelEvery == 0 {
            out.append(Markup.element("text", [("x", c(gx + inner / 2)), ("y", c(BarChart.height - 14)), ("font-size", "10"), ("text-anchor", "middle"),
                                               ("fill", ReportStyle.axis)], "\(week.day) \(BarChart.monthName(week.month))"))
        }
        return out
    }

    /// The legend: a swatch and the label of each series, and the goal's line.
    func legend(goal: String? = nil) -> String {
        var out = ""
        for s in chart.series {
            out += Markup.element("span", [("class", "swatch"), ("style", "background:" + colour(s.id))]) + Markup.text(s.label)
        }
        if let goal {
            out += Markup.element("span", [("class", "swatch"), ("style", "background:\(ReportStyle.goal);height:0.6mm")]) + Markup.text(goal)
        }
        return Markup.element("p", [("class", "legend")], out)
    }

    /// The axis for values up to `maximum`: a step of 1, 2, 2.5 or 5 × a power of ten giving at
    /// most five intervals, and the top at the first step at or above the maximum (1 in steps of
    /// 0.2 for nothing).
    static func axis(_ maximum: Double) -> (top: Double, step: Double) {
        guard maximum > 0, maximum.isFinite else { return (1, 0.2) }
        let raw = maximum / 5
        var p = 1.0
        while p * 10 <= raw { p *= 10 }
        while p > raw { p /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * p }.first { $0 >= raw } ?? 10 * p
        return ((maximum / step - 1e-9).rounded(.up) * step, step)
    }

    /// The decimals that write every multiple of `step` exactly (0.25: 2; 5: 0), at most 4.
    static func decimals(_ step: Double) -> Int {
        var scale = 1.0
        for d in 0...4 {
            if abs((step * scale).rounded() - step * scale) < 1e-9 { return d }
            scale *= 10
        }
        return 4
    }

    static func monthName(_ m: Int) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][max(1, min(12, m)) - 1]
    }
}
