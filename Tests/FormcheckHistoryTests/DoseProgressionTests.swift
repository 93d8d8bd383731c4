@testable import FormcheckHistory
import Testing

/// Holds and reps as transcripts: each week's days done and pain verdict in, the next dose and its
/// reason out — +5 s / +1 rep a week, the completion days probed at 4 and 5, the caps, the routine's
/// own dose above the cap, the pain hold and the step back to the minimum.
@Suite struct DoseProgressionTests {
    static let rules = PlanRules(name: "test", description: "")  // +5 s to 60 s; +1 to 15; 5 days
    static let steady = PainVerdict.steady(mean: 2, previous: 2)

    @Test func holdsGrowFiveSecondsAWeekToTheSixtySecondCap() {
        var hold = DoseProgression(.holdSeconds, start: 45, rules: Self.rules)
        #expect(hold.target == 45)
        #expect(hold.weekEnded(daysDone: 5, pain: Self.steady) == PlanReason(.grew(from: 45), pain: Self.steady))
        #expect(hold.target == 50)
        #expect(hold.weekEnded(daysDone: 7, pain: Self.steady) == PlanReason(.grew(from: 50), pain: Self.steady))
        #expect(hold.weekEnded(daysDone: 7, pain: Self.steady) == PlanReason(.reachedCap(from: 55), pain: Self.steady))
        #expect(hold.target == 60)
        #expect(hold.weekEnded(daysDone: 7, pain: Self.steady) == PlanReason(.atCap, pain: Self.steady))
        #expect(hold.target == 60)
    }

    @Test func fourDaysHoldAndFiveDaysGrow() {
        var reps = DoseProgression(.repsPerSet, start: 10, rules: Self.rules)
        #expect(reps.weekEnded(daysDone: 4, pain: .notRecorded) == PlanReason(.heldIncomplete(days: 4, needed: 5), pain: .notRecorded))
        #expect(reps.target == 10)
        #expect(reps.weekEnded(daysDone: 5, pain: .notRecorded) == PlanReason(.grew(from: 10), pain: .notRecorded))
        #expect(reps.target == 11)
    }

    @Test func repsStopAtFifteenAndARoutinesOwnLargerDoseIsKept() {
        var reps = DoseProgression(.repsPerSet, start: 14, rules: Self.rules)
        #expect(reps.weekEnded(daysDone: 7, pain: Self.steady) == PlanReason(.reachedCap(from: 14), pain: Self.steady))
        #expect(reps.target == 15)
        var long = DoseProgression(.holdSeconds, start: 90, rules: Self.rules)
        #expect(long.weekEnded(daysDone: 7, pain: Self.steady) == PlanReason(.atCap, pain: Self.steady))
        #expect(long.target == 90)
    }

    @Test func risingPainHoldsAndRisingAgainStepsBackNotBelowTheMinimum() {
        var hold = DoseProgression(.holdSeconds, start: 20, rules: Self.rules)
        let rise = PainRise.weekly(from: 3, to: 4)
        #expect(hold.weekEnded(daysDone: 7, pain: .rose(rise)) == PlanReason(.heldForPain(rise), pain: .rose(rise)))
        #expect(hold.target == 20)
        #expect(hold.weekEnded(daysDone: 7, pain: .roseAgain(rise)) == PlanReason(.steppedBack(from: 20, rise), pain: .roseAgain(rise)))
        #expect(hold.target == 15)
        #expect(hold.weekEnded(daysDone: 7, pain: .roseAgain(rise)) == PlanReason(.steppedBack(from: 15, rise), pain: .roseAgain(rise)))
        #expect(hold.target == 15)  // holds.minimumSeconds
        // A routine's own hold below the minimum is the floor instead.
        var short = DoseProgression(.holdSeconds, start: 10, rules: Self.rules)
        _ = short.weekEnded(daysDone: 7, pain: .roseAgain(rise))
        #expect(short.target == 10)
    }
}
