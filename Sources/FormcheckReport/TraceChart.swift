import FormcheckFeedback
import FormcheckHistory

/// The thigh's flexion over one exercise as an SVG line chart: time (seconds on the session clock)
/// across, flexion (degrees) up; each hold and each rep shaded over its span, the protocol's target
/// band, the form errors marked where they were reported (numbered, with their kind), strap slips.
/// Every element a test may count carries its figures in data attributes:
/// `rect.hold-band[data-rep data-start data-end data-duration data-peak data-complete]`,
/// `rect.rep-band[data-rep data-set data-start data-end data-range data-complete]`,
/// `rect.target-band[data-low data-high]`, `path.trace[data-values data-rate data-drawn]`,
/// `g.form-error[data-kind data-t data-rep]`, `g.strap-slip[data-t data-degrees]` (seconds, degrees).
struct TraceChart {
    static let width = 680.0
    static let height = 230.0
    static let left = 44.0, right = 8.0, top = 14.0, bottom = 26.0
    static let plotWidth = width - left - right
    static let plotHeight = height - top - bottom

    /// Seconds at the left and right edges.
    let x0: Double, x1: Double
    /// Degrees at the bottom and top, and between grid lines.
    let y0: Double, y1: Double, yStep: Double

    init(_ e: ExerciseRecord, target: TargetBand?) {
        let trace = e.trace
        let start = min(e.start, trace?.start ?? e.start)
        x0 = start
        x1 = max(e.end, trace?.end ?? e.end, start + 1)
        let values = (trace?.flexion ?? []).filter { $0.isFinite }.map { Double($0) }
        var lowest = min(0, values.min() ?? 0), highest = max(60, values.max() ?? 60)
        if let t = target {
            lowest = min(lowest, t.low, t.start ?? t.low)
            highest = max(highest, t.high, t.start ?? t.high)
        }
        let step = TraceChart.step(for: highest - lowest, choices: [10, 20, 30, 45, 60], most: 8)
        yStep = step
        y0 = max(-90, (lowest / step).rounded(.down) * step)
        y1 = min(180, (highest / step).rounded(.up) * step)
    }

    func x(_ t: Double) -> Double { TraceChart.left + (t - x0) / (x1 - x0) * TraceChart.plotWidth }
    func y(_ a: Double) -> Double { TraceChart.top + (y1 - min(max(a, y0), y1)) / (y1 - y0) * TraceChart.plotHeight }

    static func svg(_ e: ExerciseRecord, target: TargetBand?) -> String {
        let chart = TraceChart(e, target: target)
        let s = e.summary
        var parts: [String] = []
        parts.append(chart.frame())
        parts += s.holds.map(chart.band)
        parts += (s.reps ?? []).map(chart.band)
        parts += chart.grid()
        if let target { parts += chart.target(target) }
        if let trace = e.trace {
            parts.append(chart.line(trace))
        } else {
            parts.append(Markup.element("text", [("class", "no-trace"), ("x", c(left + plotWidth / 2)), ("y", c(top + plotHeight / 2)),
                                                 ("font-size", "12"), ("text-anchor", "middle"), ("fill", ReportStyle.axis)],
                                        "no angle trace recorded"))
        }
        parts += s.strapSlips.map(chart.slip)
        parts += s.formErrors.enumerated().map { chart.error($0.element, number: $0.offset + 1) }
        let attributes: Markup.Attributes = [
            ("class", "trace-chart"), ("viewBox", "0 0 \(c(width)) \(c(height))"), ("role", "img"),
            ("aria-label", "thigh flexion over time, \(e.exercise) \(e.side.rawValue)"),
            ("data-exercise", e.exercise), ("data-side", e.side.rawValue), ("data-position", "\(e.position)"),
            ("data-start", HTMLText.number(e.start)), ("data-end", HTMLText.number(e.end)),
            ("data-y-min", HTMLText.number(chart.y0)), ("data-y-max", HTMLText.number(chart.y1)),
        ]
        return Markup.element("svg", attributes, parts.joined())
    }

    /// A coordinate (0.1 unit).
    static func c(_ v: Double) -> String { HTMLText.number(v, 1) }

    func frame() -> String {
        let c = TraceChart.c
        return Markup.empty("rect", [("x", c(TraceChart.left)), ("y", c(TraceChart.top)), ("width", c(TraceChart.plotWidth)),
                                     ("height", c(TraceChart.plotHeight)), ("fill", "#ffffff"), ("stroke", ReportStyle.grid)])
    }

    /// A full-height span from `start` to `end`.
    func span(_ start: Double, _ end: Double) -> Markup.Attributes {
        let c = TraceChart.c
        return [("x", c(x(start))), ("y", c(TraceChart.top)), ("width", c(max(0.5, x(end) - x(start)))), ("height", c(TraceChart.plotHeight))]
    }

    func band(_ h: SessionSummary.Hold) -> String {
        let n = HTMLText.number
        let tip = "hold \(h.rep): \(HTMLText.fixed(h.duration, 1)) s, peak \(HTMLText.fixed(h.peakFlexion, 1))°" + (h.complete ? "" : " (not complete)")
        let data: Markup.Attributes = [("class", "hold-band"), ("data-rep", "\(h.rep)"), ("data-start", n(h.start, 3)), ("data-end", n(h.end, 3)),
                                       ("data-duration", n(h.duration, 3)), ("data-peak", n(h.peakFlexion, 1)), ("data-complete", "\(h.complete)")]
        return Markup.element("rect", data + span(h.start, h.end) + [("fill", ReportStyle.holdBand)], Markup.title(tip))
    }

    func band(_ r: SessionSummary.Rep) -> String {
        let n = HTMLText.number
        let tip = "rep \(r.rep), set \(r.set): range \(HTMLText.fixed(r.range, 1))°" + (r.complete ? "" : " (not complete)")
        let data: Markup.Attributes = [("class", "rep-band"), ("data-rep", "\(r.rep)"), ("data-set", "\(r.set)"), ("data-start", n(r.start, 3)),
                                       ("data-end", n(r.end, 3)), ("data-range", n(r.range, 1)), ("data-complete", "\(r.complete)")]
        return Markup.element("rect", data + span(r.start, r.end) + [("fill", ReportStyle.repBand)], Markup.title(tip))
    }

    /// Grid lines with their angle, and the time axis's ticks (m:ss on the session clock).
    func grid() -> [String] {
        let c = TraceChart.c
        let l = TraceChart.left, r = TraceChart.width - TraceChart.right
        var out: [String] = []
        var a = y0
        while a <= y1 + 1e-9 {
            out.append(Markup.empty("line", [("x1", c(l)), ("x2", c(r)), ("y1", c(y(a))), ("y2", c(y(a))), ("stroke", ReportStyle.grid),
                                             ("stroke-width", "0.6")]))
            out.append(Markup.element("text", [("x", c(l - 4)), ("y", c(y(a) + 3.5)), ("font-size", "10"), ("text-anchor", "end"),
                                               ("fill", ReportStyle.axis)], HTMLText.number(a, 0) + "°"))
            a += yStep
        }
        let xStep = TraceChart.step(for: x1 - x0, choices: [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600], most: 9)
        var t = (x0 / xStep).rounded(.up) * xStep
        let bottom = TraceChart.top + TraceChart.plotHeight
        while t <= x1 + 1e-9 {
            out.append(Markup.empty("line", [("x1", c(x(t))), ("x2", c(x(t))), ("y1", c(bottom)), ("y2", c(bottom + 4)), ("stroke", ReportStyle.axis)]))
            out.append(Markup.element("text", [("x", c(x(t))), ("y", c(TraceChart.height - 8)), ("font-size", "10"), ("text-anchor", "middle"),
                                               ("fill", ReportStyle.axis)], HTMLText.clock(t)))
            t += xStep
        }
        return out
    }

    /// The target band over the spans, translucent so that both show; its edges dashed; the
    /// start position's line.
    func target(_ t: TargetBand) -> [String] {
        let c = TraceChart.c
        let l = TraceChart.left, r = TraceChart.width - TraceChart.right
        var out = [Markup.element("rect", [("class", "target-band"), ("data-low", HTMLText.number(t.low)), ("data-high", HTMLText.number(t.high)),
                                           ("x", c(l)), ("y", c(y(t.high))), ("width", c(TraceChart.plotWidth)), ("height", c(y(t.low) - y(t.high))),
                                           ("fill", ReportStyle.targetBand), ("fill-opacity", ReportStyle.targetBandOpacity)],
                                  Markup.title(t.label))]
        for edge in [t.low, t.high] {
            out.append(Markup.empty("line", [("class", "target-line"), ("x1", c(l)), ("x2", c(r)), ("y1", c(y(edge))), ("y2", c(y(edge))),
                                             ("stroke", ReportStyle.targetLine), ("stroke-width", "1"), ("stroke-dasharray", "5 3")]))
        }
        if let start = t.start {
            out.append(Markup.empty("line", [("class", "start-line"), ("data-angle", HTMLText.number(start)), ("x1", c(l)), ("x2", c(r)),
                                             ("y1", c(y(start))), ("y2", c(y(start))), ("stroke", ReportStyle.axis), ("stroke-width", "0.8"),
                                             ("stroke-dasharray", "2 3")]))
        }
        return out
    }

    func line(_ trace: AngleTrace) -> String {
        let points = TraceChart.drawn(trace, buckets: Int(TraceChart.plotWidth))
        return Markup.empty("path", [("class", "trace"), ("data-values", "\(trace.flexion.count)"), ("data-rate", HTMLText.number(trace.rate)),
                                     ("data-drawn", "\(points.filter { $0 != nil }.count)"), ("d", path(points)), ("fill", "none"),
                                     ("stroke", ReportStyle.trace), ("stroke-width", "1.6"), ("stroke-linejoin", "round")])
    }

    func slip(_ s: SessionSummary.Slip) -> String {
        let c = TraceChart.c
        let line = Markup.empty("line", [("x1", c(x(s.t))), ("x2", c(x(s.t))), ("y1", c(TraceChart.top)), ("y2", c(TraceChart.top + TraceChart.plotHeight)),
                                         ("stroke", ReportStyle.strapSlip), ("stroke-width", "1.5"), ("stroke-dasharray", "1 2")])
        return Markup.element("g", [("class", "strap-slip"), ("data-t", HTMLText.number(s.t)), ("data-degrees", HTMLText.number(s.degrees, 1))],
                              line + Markup.title("strap moved \(HTMLText.fixed(s.degrees, 0))° at \(HTMLText.clock(s.t))"))
    }

    /// A form error: a red line at its time under a numbered disc (the number of its line in the
    /// list under the chart).
    func error(_ e: SessionSummary.Error, number: Int) -> String {
        let c = TraceChart.c
        let top = TraceChart.top, xe = x(e.t)
        var attributes: Markup.Attributes = [("class", "form-error"), ("data-kind", e.kind.rawValue), ("data-t", HTMLText.number(e.t))]
        if let rep = e.rep { attributes.append(("data-rep", "\(rep)")) }
        let content = Markup.empty("line", [("x1", c(xe)), ("x2", c(xe)), ("y1", c(top + 11)), ("y2", c(top + TraceChart.plotHeight)),
                                            ("stroke", ReportStyle.formError), ("stroke-width", "1.6")])
            + Markup.empty("circle", [("cx", c(xe)), ("cy", c(top + 4)), ("r", "7"), ("fill", ReportStyle.formError)])
            + Markup.element("text", [("x", c(xe)), ("y", c(top + 7.5)), ("font-size", "9"), ("font-weight", "bold"), ("text-anchor", "middle"),
                                      ("fill", "#ffffff")], "\(number)")
            + Markup.title("\(number): \(e.kind.rawValue) at \(HTMLText.clock(e.t))")
        return Markup.element("g", attributes, content)
    }

    /// The smallest of `choices` that divides `span` into at most `most` steps (the largest choice else).
    static func step(for span: Double, choices: [Double], most: Int) -> Double {
        choices.first { span / $0 <= Double(most) } ?? (choices.last ?? 1)
    }

    /// The points to draw, in time order, nil where the angle is unknown (the line breaks there): every
    /// value when there are at most two per bucket, else each bucket's lowest and highest value (so
    /// that no peak is lost), a bucket being `1 / buckets` of the trace.
    static func drawn(_ trace: AngleTrace, buckets: Int) -> [(t: Double, a: Double)?] {
        let v = trace.flexion
        func at(_ i: Int) -> (t: Double, a: Double)? {
            v[i].isFinite ? (trace.start + Double(i) / trace.rate, Double(v[i])) : nil
        }
        guard v.count > 2 * buckets, buckets > 0 else { return v.indices.map(at) }
        var out: [(t: Double, a: Double)?] = []
        for b in 0..<buckets {
            let lo = b * v.count / buckets, hi = (b + 1) * v.count / buckets
            guard lo < hi else { continue }
            let known = (lo..<hi).filter { v[$0].isFinite }
            if known.count < hi - lo, let last = out.last, last != nil { out.append(nil) }
            guard let mn = known.min(by: { v[$0] < v[$1] }), let mx = known.max(by: { v[$0] < v[$1] }) else { continue }
            for i in Set([mn, mx]).sorted() { out.append(at(i)) }
        }
        return out
    }

    /// An SVG path through the points, moving (not drawing) after each unknown stretch.
    func path(_ points: [(t: Double, a: Double)?]) -> String {
        var d = ""
        var pen = false
        for p in points {
            guard let p else { pen = false; continue }
            d += (pen ? "L" : (d.isEmpty ? "M" : " M")) + TraceChart.c(x(p.t)) + " " + TraceChart.c(y(p.a))
            pen = true
        }
        return d
    }
}
