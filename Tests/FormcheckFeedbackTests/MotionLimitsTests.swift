@testable import FormcheckFeedback
import Testing

/// Too fast and too far as transcripts (rate 60 °/s, re-armed below 30; cap 130°, re-armed 5° below).
@Suite struct MotionLimitsTests {
    @Test func transcript() {
        var m = MotionLimits(rules: .init(maximumRate: 60, rearmRate: 30, cap: 130, hysteresis: 5))
        let lines: [(flexion: Double, rate: Double, expected: [FormError])] = [
            (40, 59.9, []),  // just inside
            (45, 60.1, [.tooFast]),  // just outside
            (50, 80, []),  // tripped: once
            (55, 30.1, []),  // not re-armed yet
            (60, 29.9, []),  // re-armed
            (65, -60.1, [.tooFast]),  // lowering too fast counts too
            (129.9, 0, []),
            (130.1, 0, [.overshoot]),
            (140, 0, []),
            (125.1, 0, []),  // within the hysteresis
            (124.9, 0, []),  // re-armed
            (130.1, 0, [.overshoot]),
        ]
        for (i, line) in lines.enumerated() {
            #expect(m.update(flexion: line.flexion, rate: line.rate) == line.expected, "line \(i + 1)")
        }
    }

    @Test func withoutLimitsNothingTrips() {
        var m = MotionLimits(rules: .init(maximumRate: nil, rearmRate: 30, cap: nil, hysteresis: 5))
        #expect(m.update(flexion: 200, rate: 500).isEmpty)
    }
}
