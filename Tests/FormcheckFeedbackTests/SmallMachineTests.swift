@testable import FormcheckFeedback
import Testing

/// The strap watch as a transcript: each slip once, the same slip seen again within 10 s not twice.
@Suite struct StrapWatchTests {
    @Test func transcript() {
        var w = StrapWatch()
        #expect(w.slipDetected(time: 50, degrees: 15) == .slipped(degrees: 15))
        #expect(w.slipDetected(time: 59.9, degrees: 15) == .none)
        #expect(w.slipDetected(time: 60, degrees: 12) == .slipped(degrees: 12))
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
