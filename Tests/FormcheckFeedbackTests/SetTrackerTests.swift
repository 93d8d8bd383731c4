@testable import FormcheckFeedback
import Testing

/// Sets as a transcript: two sets of two complete reps on the right, 30 s rest between them.
@Suite struct SetTrackerTests {
    @Test func setsRestAndSwitchSides() {
        var s = SetTracker(perSet: 2, sets: 2, restSeconds: 30, side: .right)
        #expect(s.firstCue == .beginSet(set: 1, sets: 2, reps: 2))
        #expect(s.repEnded(complete: true, at: 5) == [.repCount(1)])
        #expect(s.repEnded(complete: false, at: 10) == [])  // an incomplete rep does not count
        #expect(s.set == 1 && s.done == 1)
        #expect(s.repEnded(complete: true, at: 15) == [.repCount(2), .setRest(set: 1, seconds: 30)])
        #expect(s.isResting && s.set == 2)
        #expect(s.tick(44.99) == [])
        #expect(s.tick(45) == [.beginSet(set: 2, sets: 2, reps: 2)])
        #expect(s.repEnded(complete: true, at: 50) == [.repCount(1)])
        #expect(s.repEnded(complete: true, at: 55) == [.repCount(2), .setDone(reps: 4, complete: 4, side: .right), .switchSides(.right)])
        #expect(s.repEnded(complete: true, at: 60) == [])
        #expect(s.tick(100) == [])
    }

    @Test func aRepDuringTheRestBeginsTheNextSet() {
        var s = SetTracker(perSet: 1, sets: 2, restSeconds: 30, side: .left)
        #expect(s.repEnded(complete: true, at: 5) == [.repCount(1), .setRest(set: 1, seconds: 30)])
        #expect(s.repEnded(complete: true, at: 20) == [.repCount(1), .setDone(reps: 2, complete: 2, side: .left), .switchSides(.left)])
    }

    /// A bridge works both legs at once: the last set ends without a side, and nothing to switch to.
    @Test func bothLegsAtOnceHasNoSideToSwitch() {
        var s = SetTracker(perSet: 1, sets: 1, restSeconds: 30, side: .right, perSide: false)
        #expect(s.repEnded(complete: true, at: 5) == [.repCount(1), .setDone(reps: 1, complete: 1, side: nil)])
        #expect(CueCatalogue.english.text(.setDone(reps: 20, complete: 20, side: nil)) == "That is twenty — well done")
        #expect(CueCatalogue.english.text(.setDone(reps: 20, complete: 20, side: .left)) == "That is twenty on the left — well done")
    }

    @Test func theWords() {
        let c = CueCatalogue.english
        #expect(c.text(.repCount(7)) == "seven")
        #expect(c.text(.setRest(set: 1, seconds: 30)) == "Set one done — rest thirty seconds")
        #expect(c.text(.beginSet(set: 2, sets: 3, reps: 10)) == "Set two of three: ten reps — begin")
        #expect(c.text(.beginSet(set: 1, sets: 1, reps: 10)) == "Ten reps — begin")
    }
}
