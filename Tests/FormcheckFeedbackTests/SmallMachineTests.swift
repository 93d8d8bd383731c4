@testable import FormcheckFeedback
import Testing

/// The strap watch as a transcript: each slip once, the same slip seen again within the quiet time
/// (the protocol's `strapSlipQuietSeconds`) not twice; probed at 9.9 and 10.1 s of a 10 s quiet time.
@Suite struct StrapWatchTests {
    @Test func transcript() {
        var w = StrapWatch(quietSeconds: 10)
        #expect(w.slipDetected(time: 50, degrees: 15) == .slipped(degrees: 15))
        #expect(w.slipDetected(time: 59.9, degrees: 15) == .none)
        #expect(w.slipDetected(time: 60, degrees: 12) == .slipped(degrees: 12))
        // The quiet time runs from the last report (60 s), not from the first.
        #expect(w.slipDetected(time: 69.9, degrees: 11) == .none)
        #expect(w.slipDetected(time: 70.1, degrees: 11) == .slipped(degrees: 11))
    }

    @Test func aQuietTimeOfNoneReportsEveryDetection() {
        var w = StrapWatch(quietSeconds: 0)
        #expect(w.slipDetected(time: 50, degrees: 15) == .slipped(degrees: 15))
        #expect(w.slipDetected(time: 50, degrees: 16) == .slipped(degrees: 16))
        #expect(w.slipDetected(time: 50.01, degrees: 17) == .slipped(degrees: 17))
    }
}

/// The exercise match as a transcript: walking during a stretch is said once.
@Suite struct ExerciseMatchTests {
    @Test func transcript() {
        var m = ExerciseMatch(maximumSteps: 10)
        #expect(m.steps(0) == false)
        #expect(m.steps(9) == false)
        #expect(m.steps(10) == true)
        #expect(m.steps(40) == false)
        #expect(m.steps(110) == false)
    }
}
