@testable import FormcheckFeedback
import Testing

/// Bouncing as transcripts: 2 reversals of ≥ 4° peak to peak within 2 s.
@Suite struct BounceDetectorTests {
    static func play(_ lines: [(Double, Double, BounceDetector.Action)]) {
        var b = BounceDetector(rules: .init())
        for (i, (t, x, expected)) in lines.enumerated() {
            #expect(b.update(time: t, flexion: x) == expected, "line \(i + 1) at \(t) s")
        }
    }

    @Test func reversalsOfFourDegreesWithinTwoSeconds() {
        Self.play([
            (0.0, 80, .none),
            (0.5, 84.1, .none),  // 4.1° up: rising from here
            (1.0, 80.0, .none),  // turned down by 4.1°: one reversal
            (1.5, 84.1, .bouncing(at: 1.5)),  // turned up: the second within 2 s
        ])
    }

    @Test func justUnderFourDegreesIsSway() {
        Self.play([
            (0.0, 80, .none), (0.5, 83.9, .none), (1.0, 80.0, .none), (1.5, 83.9, .none), (2.0, 80.0, .none),
        ])
    }

    @Test func reversalsFurtherApartThanTheWindowAreNotBouncing() {
        Self.play([
            (0.0, 80, .none), (0.5, 85, .none), (1.0, 80, .none),  // a reversal at 1.0
            (3.1, 85, .none),  // the next 2.1 s later
            (5.2, 80, .none),
        ])
    }
}
