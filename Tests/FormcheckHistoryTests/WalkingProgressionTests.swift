@testable import FormcheckHistory
import Testing

/// The daily walk as transcripts: each week's walking (7 days, metres) and pain verdict in, the
/// next target and its reason out — growth, the first week's actual walking, the completion days
/// probed at 4 and 5, the goal cap, the pain hold and the step back.
@Suite struct WalkingProgressionTests {
    static let mile = 1609.344
    static let rules = PlanRules(name: "test", description: "")  // the defaults: +10 %, 5 days, 90 %
    static let steady = PainVerdict.steady(mean: 2, previous: 2)

    /// `days` days of `metres` and the rest without a walk.
    static func week(_ days: Int, _ metres: Double) -> [Double] {
        Array(repeating: metres, count: days) + Array(repeating: 0, count: 7 - days)
    }

    @Test func itStartsAtAMileAndGrowsTenPerCentAWeek() {
        var walk = WalkingProgression(rules: Self.rules, goal: UserProfile.threeMiles)
        #expect(walk.target == Self.mile)
        // The first week's walking was the starting mile on 5 days: +10 % on it.
        #expect(walk.weekEnded(walked: Self.week(5, Self.mile), pain: .notRecorded)
                == PlanReason(.grew(from: Self.mile), firstWeekWalked: Self.mile, pain: .notRecorded))
        #expect(abs(walk.target - 1.1 * Self.mile) < 1e-9)
        #expect(walk.weekEnded(walked: Self.week(7, 1.1 * Self.mile), pain: Self.steady) == PlanReason(.grew(from: 1.1 * Self.mile), pain: Self.steady))
        #expect(abs(walk.target - 1.21 * Self.mile) < 1e-9)
    }

    @Test func theSecondWeekStartsFromWhatTheFirstWeekWalked() {
        var walk = WalkingProgression(rules: Self.rules, goal: UserProfile.threeMiles)
        // 0.5 mi on each of 6 days (against the starting mile): the base is 0.5 mi, and its days
        // reached 90 % of that.
        #expect(walk.weekEnded(walked: Self.week(6, 0.5 * Self.mile), pain: Self.steady)
                == PlanReason(.grew(from: 0.5 * Self.mile), firstWeekWalked: 0.5 * Self.mile, pain: Self.steady))
        #expect(abs(walk.target - 0.55 * Self.mile) < 1e-9)
    }

    @Test func withoutFromFirstWeekTheFirstWeekIsJudgedAgainstTheStartingMile() {
        var rules = Self.rules
        rules.walking.fromFirstWeek = false
        var walk = WalkingProgression(rules: rules, goal: UserProfile.threeMiles)
        #expect(walk.weekEnded(walked: Self.week(6, 0.5 * Self.mile), pain: Self.steady)
                == PlanReason(.heldIncomplete(days: 0, needed: 5), pain: Self.steady))
        #expect(walk.target == Self.mile)
    }

    @Test func fourDaysHoldAndFiveDaysGrow() {
        var walk = WalkingProgression(rules: Self.rules, goal: UserProfile.threeMiles)
        _ = walk.weekEnded(walked: Self.week(7, Self.mile), pain: Self.steady)
        let target = walk.target  // 1.1 mi
        // Four days at the target, and a fifth just under 90 % of it: held.
        var days = Self.week(4, target)
        days[4] = 0.9 * target - 0.5
        #expect(walk.weekEnded(walked: days, pain: Self.steady) == PlanReason(.heldIncomplete(days: 4, needed: 5), pain: Self.steady))
        #expect(walk.target == target)
        // The fifth day at exactly 90 %: grown.
        days[4] = 0.9 * target
        #expect(walk.weekEnded(walked: days, pain: Self.steady) == PlanReason(.grew(from: target), pain: Self.steady))
        #expect(abs(walk.target - 1.1 * target) < 1e-9)
    }

    @Test func theGoalCapsTheGrowthAndIsKept() {
        var walk = WalkingProgression(rules: Self.rules, goal: UserProfile.threeMiles)
        var weeks = 0
        while walk.target < 2.8 * Self.mile {
            _ = walk.weekEnded(walked: Self.week(7, walk.target), pain: Self.steady)
            weeks += 1
        }
        // 1 mi × 1.1^n ≥ 2.8 mi first at n = 11; the next +10 % would pass 3 mi: capped.
        #expect(weeks == 11)
        let before = walk.target
        #expect(walk.weekEnded(walked: Self.week(7, before), pain: Self.steady) == PlanReason(.reachedCap(from: before), pain: Self.steady))
        #expect(walk.target == UserProfile.threeMiles)
        #expect(walk.weekEnded(walked: Self.week(7, walk.target), pain: Self.steady) == PlanReason(.atCap, pain: Self.steady))
        #expect(walk.target == UserProfile.threeMiles)
    }

    @Test func risingPainHoldsAndRisingAgainStepsBack() {
        var walk = WalkingProgression(rules: Self.rules, goal: UserProfile.threeMiles)
        _ = walk.weekEnded(walked: Self.week(7, Self.mile), pain: Self.steady)
        let target = walk.target
        let rise = PainRise.weekly(from: 2, to: 3)
        #expect(walk.weekEnded(walked: Self.week(7, target), pain: .rose(rise)) == PlanReason(.heldForPain(rise), pain: .rose(rise)))
        #expect(walk.target == target)
        #expect(walk.weekEnded(walked: Self.week(7, target), pain: .roseAgain(rise)) == PlanReason(.steppedBack(from: target, rise), pain: .roseAgain(rise)))
        #expect(abs(walk.target - 0.9 * target) < 1e-9)
    }

    @Test func aStepBackStopsAtTheMinimum() {
        var rules = Self.rules
        rules.walking.startMetres = 420
        var walk = WalkingProgression(rules: rules, goal: UserProfile.threeMiles)
        let rise = PainRise.session(before: 2, after: 5)
        _ = walk.weekEnded(walked: Self.week(0, 0), pain: .rose(rise))
        #expect(walk.target == 420)
        #expect(walk.weekEnded(walked: Self.week(0, 0), pain: .roseAgain(rise)) == PlanReason(.steppedBack(from: 420, rise), pain: .roseAgain(rise)))
        #expect(walk.target == 400)  // 378 m would be below walking.minimumMetres
    }
}
