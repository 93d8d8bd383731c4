@testable import FormcheckHistory
import Testing

/// The pain watch as transcripts: each week's pains after (and before/after pairs) in, the verdict
/// out — the weekly rise probed at +0.9 and +1.0, the session rise at +1 and +2, and two weeks running.
@Suite struct PainWatchTests {
    static let rules = PlanRules.Pain()  // weeklyRise 1, sessionRise 2

    /// Ten sessions whose pain after averages `tenths` / 10 (e.g. 39 → 3.9).
    static func afters(tenths: Int) -> [Int] {
        let low = tenths / 10, high = tenths % 10
        return Array(repeating: low + 1, count: high) + Array(repeating: low, count: 10 - high)
    }

    @Test func aWeeklyMeanUpByNineTenthsIsSteadyAndByOnePointRises() {
        var watch = PainWatch(rules: Self.rules)
        #expect(watch.weekEnded(painAfter: Self.afters(tenths: 30), changes: []) == .steady(mean: 3, previous: nil))
        // +0.9: steady (3.9 against 3.0).
        #expect(watch.weekEnded(painAfter: Self.afters(tenths: 39), changes: []) == .steady(mean: 3.9, previous: 3))
        // +1.0 on 3.9: rose.
        #expect(watch.weekEnded(painAfter: Self.afters(tenths: 49), changes: []) == .rose(.weekly(from: 3.9, to: 4.9)))
    }

    @Test func aSessionUpByOnePointIsSteadyAndByTwoRises() {
        var watch = PainWatch(rules: Self.rules)
        #expect(watch.weekEnded(painAfter: [3], changes: [.init(before: 2, after: 3)]) == .steady(mean: 3, previous: nil))
        #expect(watch.weekEnded(painAfter: [3, 4], changes: [.init(before: 3, after: 3), .init(before: 2, after: 4)])
                == .rose(.session(before: 2, after: 4)))
    }

    @Test func twoRisingWeeksRunningRiseAgainAndASteadyWeekEndsTheRun() {
        var watch = PainWatch(rules: Self.rules)
        #expect(watch.weekEnded(painAfter: [2, 2], changes: []) == .steady(mean: 2, previous: nil))
        #expect(watch.weekEnded(painAfter: [3, 3], changes: []) == .rose(.weekly(from: 2, to: 3)))
        #expect(watch.weekEnded(painAfter: [4, 4], changes: []) == .roseAgain(.weekly(from: 3, to: 4)))
        #expect(watch.weekEnded(painAfter: [4, 4], changes: []) == .steady(mean: 4, previous: 4))
        #expect(watch.weekEnded(painAfter: [5, 5], changes: []) == .rose(.weekly(from: 4, to: 5)))
    }

    @Test func aWeekWithoutPainIsNotJudgedBreaksTheRunAndIsSkippedForTheMean() {
        var watch = PainWatch(rules: Self.rules)
        #expect(watch.weekEnded(painAfter: [], changes: []) == .notRecorded)
        #expect(watch.weekEnded(painAfter: [2], changes: []) == .steady(mean: 2, previous: nil))
        #expect(watch.weekEnded(painAfter: [3], changes: []) == .rose(.weekly(from: 2, to: 3)))
        #expect(watch.weekEnded(painAfter: [], changes: []) == .notRecorded)
        // Compared with the last week that had pain (3), and not a second week running.
        #expect(watch.weekEnded(painAfter: [4], changes: []) == .rose(.weekly(from: 3, to: 4)))
    }

    @Test func fallingPainIsSteady() {
        var watch = PainWatch(rules: Self.rules)
        #expect(watch.weekEnded(painAfter: [6], changes: []) == .steady(mean: 6, previous: nil))
        #expect(watch.weekEnded(painAfter: [2], changes: [.init(before: 5, after: 2)]) == .steady(mean: 2, previous: 6))
    }
}
