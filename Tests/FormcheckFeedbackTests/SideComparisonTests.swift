@testable import FormcheckFeedback
import MotionCore
import Testing

/// Left against right: the figures of each side, and the flags probed just inside and just outside
/// the rules (10° between peaks, a 0.8 ratio of time under stretch or complete reps).
@Suite struct SideComparisonTests {
    static func stretch(_ side: Side, peaks: [Double], seconds: [Double], errors: Int = 0) -> SessionSummary {
        let holds = zip(peaks, seconds).enumerated().map { i, h in
            SessionSummary.Hold(rep: i + 1, side: side, start: Double(i) * 100, end: Double(i) * 100 + h.1, duration: h.1,
                                meanFlexion: h.0 - 1, peakFlexion: h.0, complete: true)
        }
        let formErrors = (0..<errors).map { SessionSummary.Error(t: Double($0), kind: .bouncing, rep: 1) }
        return SessionSummary(t: 300, exercise: "hamstring", side: side, holds: holds, formErrors: formErrors)
    }

    static func strength(_ side: Side, ranges: [Double], complete: Int) -> SessionSummary {
        let reps = ranges.enumerated().map { i, r in
            SessionSummary.Rep(rep: i + 1, set: 1, side: side, start: Double(i) * 5, end: Double(i) * 5 + 4, peak: r, range: r,
                               upSeconds: 1.5, downSeconds: 2, complete: i < complete)
        }
        var s = SessionSummary(t: 60, exercise: "straight-leg-raise", side: side, holds: [], formErrors: [])
        s.reps = reps
        return s
    }

    @Test func stretchFigures() {
        let c = SideComparison(left: Self.stretch(.left, peaks: [60, 64], seconds: [30, 30], errors: 2),
                               right: Self.stretch(.right, peaks: [70, 73.5], seconds: [30, 31]))
        #expect(c.left.peak == 64 && c.right.peak == 73.5)
        #expect(c.left.secondsUnderStretch == 60 && c.right.secondsUnderStretch == 61)
        #expect(c.left.formErrors == 2 && c.right.formErrors == 0)
        #expect(c.left.reps == nil)
        #expect(abs((c.peakDifference ?? 0) + 9.5) < 1e-9)
        #expect(c.flags.isEmpty)  // 9.5° apart: inside 10°
    }

    @Test func peakDifferenceProbedAtTheThreshold() {
        let inside = SideComparison(left: Self.stretch(.left, peaks: [60], seconds: [30]),
                                    right: Self.stretch(.right, peaks: [69.9], seconds: [30]))
        #expect(inside.flags.isEmpty)
        let outside = SideComparison(left: Self.stretch(.left, peaks: [60], seconds: [30]),
                                     right: Self.stretch(.right, peaks: [70.1], seconds: [30]))
        #expect(outside.flags == ["peak 10.1° apart (right higher; flagged beyond 10°)"])
        let custom = SideComparison(left: Self.stretch(.left, peaks: [60], seconds: [30]),
                                    right: Self.stretch(.right, peaks: [66], seconds: [30]), rules: .init(degrees: 5, holdRatio: 0.8))
        #expect(custom.flags == ["peak 6.0° apart (right higher; flagged beyond 5°)"])
    }

    @Test func timeUnderStretchRatioProbed() {
        let inside = SideComparison(left: Self.stretch(.left, peaks: [60], seconds: [24.3]),
                                    right: Self.stretch(.right, peaks: [60], seconds: [30]))
        #expect(inside.flags.isEmpty)  // 0.81
        let outside = SideComparison(left: Self.stretch(.left, peaks: [60], seconds: [23.7]),
                                     right: Self.stretch(.right, peaks: [60], seconds: [30]))
        #expect(outside.flags == ["time under stretch: the left side has 79 % of the other's (flagged below 80 %)"])
    }

    /// Reps: the range is compared (a raise's peak is up, a bridge's down), and complete reps.
    @Test func repFigures() {
        let c = SideComparison(left: Self.strength(.left, ranges: [30, 32, 31], complete: 3),
                               right: Self.strength(.right, ranges: [41, 43, 42, 40, 40], complete: 5))
        #expect(c.left.peak == 32 && c.right.peak == 43)
        #expect(c.left.reps == 3 && c.right.reps == 5)
        #expect(abs((c.left.meanRange ?? 0) - 31) < 1e-9)
        #expect(c.left.secondsUnderStretch == nil)
        #expect(c.flags == ["peak 11.0° apart (right higher; flagged beyond 10°)",
                            "complete reps: the left side has 60 % of the other's (flagged below 80 %)"])
    }

    @Test func aSideWithNothing() {
        let c = SideComparison(left: Self.stretch(.left, peaks: [], seconds: []), right: Self.stretch(.right, peaks: [60], seconds: [30]))
        #expect(c.left.peak == nil && c.peakDifference == nil)
        #expect(c.ratio == 0)
        #expect(c.flags == ["time under stretch: the left side has 0 % of the other's (flagged below 80 %)"])
    }
}
