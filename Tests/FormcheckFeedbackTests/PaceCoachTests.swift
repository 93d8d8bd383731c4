@testable import FormcheckFeedback
import Testing

/// Walking pace as transcripts (brisk 100 steps/min, judged every 30 s in gait, progress every 60 s).
@Suite struct PaceCoachTests {
    static let rules = PaceCoach.Rules(briskCadence: 100, checkSeconds: 30, progressSeconds: 60)

    @Test func slowWalkingHearsEveryThirtySeconds() {
        var p = PaceCoach(rules: Self.rules)
        #expect(p.update(steps: 0, walked: 0) == [])
        #expect(p.update(steps: 1, walked: 0.5) == [])  // walking from here
        #expect(p.update(steps: 42, walked: 30.4) == [])  // 29.9 s: not yet
        #expect(p.update(steps: 43, walked: 30.5) == [.paceSlow(cadence: 84, brisk: 100)])
        #expect(p.update(steps: 85, walked: 60.5) == [.paceSlow(cadence: 84, brisk: 100)])
    }

    @Test func thresholdIsProbedEitherSide() {
        let minute = PaceCoach.Rules(briskCadence: 100, checkSeconds: 60, progressSeconds: 60)
        // 99 steps in a minute: slow; 101: brisk (and the minute's progress).
        var slow = PaceCoach(rules: minute)
        _ = slow.update(steps: 1, walked: 0)
        #expect(slow.update(steps: 100, walked: 60) == [.paceSlow(cadence: 99, brisk: 100)])
        var brisk = PaceCoach(rules: minute)
        _ = brisk.update(steps: 1, walked: 0)
        #expect(brisk.update(steps: 102, walked: 60) == [.paceProgress(seconds: 60, steps: 102, cadence: 101)])
    }

    @Test func briskWalkingHearsItsProgressAtTheFirstCheckThenEveryMinute() {
        var brisk = PaceCoach(rules: Self.rules)
        _ = brisk.update(steps: 1, walked: 0.5)
        #expect(brisk.update(steps: 51, walked: 30.5) == [.paceProgress(seconds: 31, steps: 51, cadence: 100)])  // 100/min: brisk
        #expect(brisk.update(steps: 107, walked: 60.5) == [])
        #expect(brisk.update(steps: 163, walked: 90.5) == [.paceProgress(seconds: 91, steps: 163, cadence: 112)])
        #expect(brisk.update(steps: 219, walked: 120.5) == [])
        #expect(brisk.update(steps: 275, walked: 150.5) == [.paceProgress(seconds: 151, steps: 275, cadence: 112)])
    }
}
