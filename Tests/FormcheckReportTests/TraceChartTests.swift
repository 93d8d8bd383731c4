import FormcheckHistory
@testable import FormcheckReport
import Testing

/// How a long trace is drawn: no more than two points per horizontal unit, every peak kept, the
/// line broken where the angle is unknown.
@Suite struct TraceChartTests {
    /// An hour at 10 Hz (36 000 values) with one 1-value spike to 120° and one dip to −20°: both
    /// are among the points drawn, which are at most two per bucket.
    @Test func longTracesKeepTheirPeaks() {
        var values = [Float](repeating: 30, count: 36_000)
        values[12_345] = 120
        values[30_001] = -20
        let trace = AngleTrace(start: 5, rate: 10, flexion: values)
        let points = TraceChart.drawn(trace, buckets: 628).compactMap { $0 }
        #expect(points.count <= 2 * 628)
        #expect(points.contains { $0.a == 120 && abs($0.t - (5 + 1234.5)) < 1e-9 })
        #expect(points.contains { $0.a == -20 && abs($0.t - (5 + 3000.1)) < 1e-9 })
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.t < $1.t })
    }

    /// Short traces are drawn value by value; NaN breaks the line once per unknown stretch.
    @Test func unknownValuesBreakTheLine() {
        let values: [Float] = [10, 11, .nan, .nan, 12, 13, .nan, 14]
        let points = TraceChart.drawn(AngleTrace(start: 0, rate: 10, flexion: values), buckets: 628)
        #expect(points.count == 8)
        #expect(points.compactMap { $0 }.count == 5)
        let e = ExerciseRecord(position: 1, exercise: "x", side: .left, ending: .done, start: 0, end: 0.8,
                               summary: .init(t: 0.8, exercise: "x", side: .left, holds: [], formErrors: []))
        let chart = TraceChart(e, target: nil)
        let d = chart.path(points)
        #expect(d.filter { $0 == "M" }.count == 3)
        #expect(d.filter { $0 == "L" }.count == 2)
    }

    /// The vertical range holds the trace and the target: a piriformis band to 130° lifts the top to
    /// 140° (20° steps), a bridge arched to −8° lowers the bottom to −10°.
    @Test func rangeHoldsTraceAndTarget() {
        let e = ExerciseRecord(position: 1, exercise: "x", side: .left, ending: .done, start: 0, end: 10,
                               summary: .init(t: 10, exercise: "x", side: .left, holds: [], formErrors: []),
                               trace: AngleTrace(start: 0, rate: 10, flexion: [Float](repeating: -8, count: 100)))
        let band = TargetBand(low: 60, high: 130, label: "", start: nil)
        let a = TraceChart(e, target: band)
        #expect(a.y0 == -20 && a.y1 == 140 && a.yStep == 20)
        let b = TraceChart(e, target: TargetBand(low: 0, high: 20, label: "", start: 45))
        #expect(b.y0 == -10 && b.y1 == 60 && b.yStep == 10)
    }
}
