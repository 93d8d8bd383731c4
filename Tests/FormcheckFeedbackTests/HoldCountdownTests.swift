@testable import FormcheckFeedback
import Testing

/// The hold countdown and its safety band as transcripts (hold angle 45°, cap 130°, hysteresis 5°,
/// grace 2 s, correction reminded every 8 s, hold time 30 s, marks 30/10/0), and its thresholds
/// probed just inside and just outside.
@Suite struct HoldCountdownTests {
    static let rules = HoldCountdown.Rules(holdAngle: 45, cap: 130, hysteresis: 5, dipGrace: 2, repeatEvery: 8,
                                           holdSeconds: 30, marks: [30, 10, 0])

    enum Input {
        case started(at: Double, start: Double, flexion: Double)
        case sample(Double, flexion: Double, away: Bool)
    }

    static func play(_ lines: [(Input, [HoldCountdown.Action])], rules: HoldCountdown.Rules = rules) -> HoldCountdown {
        var c = HoldCountdown(rules: rules)
        for (i, (input, expected)) in lines.enumerated() {
            let got: [HoldCountdown.Action]
            switch input {
            case .started(let t, let start, let flexion): got = c.started(at: t, start: start, flexion: flexion)
            case .sample(let t, let flexion, let away): got = c.update(time: t, flexion: flexion, away: away)
            }
            #expect(got == expected, "line \(i + 1): \(input)")
        }
        return c
    }

    @Test func aGoodHoldCountsDownAndIsComplete() {
        var c = Self.play([
            (.started(at: 16, start: 10, flexion: 70), [.cue(.holdCountdown(seconds: 24, first: true))]),
            (.sample(20, flexion: 70, away: false), []),
            (.sample(30, flexion: 70, away: false), [.cue(.holdCountdown(seconds: 10, first: false))]),
            (.sample(39.9, flexion: 70, away: false), []),
            (.sample(40, flexion: 70, away: false), [.cue(.holdDone)]),
            (.sample(42, flexion: 70, away: true), []),  // released: not counted
        ])
        #expect(c.counted == 30)
        #expect(c.ended() == .init(counted: 30, faults: [], complete: true))
        #expect(c.counted == nil)
    }

    @Test func overshootPausesAtOnceRepeatsAndSpoilsTheHold() {
        var c = Self.play([
            (.started(at: 16, start: 10, flexion: 100), [.cue(.holdCountdown(seconds: 24, first: true))]),
            (.sample(17, flexion: 130.5, away: false), [.formError(.overshoot), .cue(.correct(.overshoot))]),
            (.sample(24.9, flexion: 131, away: false), []),
            (.sample(25, flexion: 131, away: false), [.reminder(.correct(.overshoot))]),  // 8 s later
            (.sample(26, flexion: 125.5, away: false), []),  // not yet 5° below the cap
            (.sample(33, flexion: 125.5, away: false), [.reminder(.correct(.overshoot))]),
            (.sample(34, flexion: 124.9, away: false), []),  // back: counting again
            (.sample(35, flexion: 120, away: false), []),
        ])
        #expect(c.pausedFor == nil)
        // 6 s before the pause, 1 s after it: the paused time does not count.
        #expect(c.counted == 7)
        #expect(c.ended() == .init(counted: 7, faults: [.overshoot], complete: false))
    }

    /// Back in the band and out again is a new episode: its correction is a `cue` (the session holds
    /// it back within the protocol's `correctionIntervalSeconds`: `CorrectionInterval`), the error
    /// is not reported twice; out of the band for `repeatEvery` is a `reminder` (always said).
    @Test func aNewEpisodeIsACueALastingOneAReminder() {
        var c = Self.play([
            (.started(at: 16, start: 10, flexion: 100), [.cue(.holdCountdown(seconds: 24, first: true))]),
            (.sample(17, flexion: 130.5, away: false), [.formError(.overshoot), .cue(.correct(.overshoot))]),
            (.sample(18, flexion: 124.9, away: false), []),  // back
            (.sample(19, flexion: 130.5, away: false), [.cue(.correct(.overshoot))]),  // out again
            (.sample(26.9, flexion: 131, away: false), []),
            (.sample(27, flexion: 131, away: false), [.reminder(.correct(.overshoot))]),  // 8 s out
        ])
        #expect(c.ended().faults == [.overshoot])
    }

    @Test func dipGraceIsProbedEitherSide() {
        // 1.9 s below the hold angle: still counting, no error.
        var inside = Self.play([
            (.started(at: 16, start: 10, flexion: 60), [.cue(.holdCountdown(seconds: 24, first: true))]),
            (.sample(20, flexion: 44, away: false), []),
            (.sample(21.9, flexion: 44, away: false), []),
            (.sample(22, flexion: 46, away: false), []),
        ])
        #expect(inside.ended() == .init(counted: 12, faults: [], complete: false))
        // 2.1 s below: sagging (the hold had reached the angle), paused.
        var outside = Self.play([
            (.started(at: 16, start: 10, flexion: 60), [.cue(.holdCountdown(seconds: 24, first: true))]),
            (.sample(20, flexion: 44, away: false), []),
            (.sample(22.1, flexion: 44, away: false), [.formError(.sagging), .cue(.correct(.sagging))]),
            (.sample(30, flexion: 44, away: false), []),
            (.sample(30.1, flexion: 44, away: false), [.reminder(.correct(.sagging))]),
            (.sample(31, flexion: 45, away: false), []),
        ])
        #expect(outside.ended().faults == [.sagging])
    }

    @Test func aHoldBelowTheAngleFromTheStartIsShallowWithoutCountdown() {
        var c = Self.play([
            (.started(at: 16, start: 10, flexion: 44.9), []),
            (.sample(16.01, flexion: 44.9, away: false), [.formError(.shallow), .cue(.correct(.shallow))]),
            (.sample(24.01, flexion: 44.9, away: false), [.reminder(.correct(.shallow))]),
        ])
        #expect(c.ended() == .init(counted: 0, faults: [.shallow], complete: false))
        // Just above the angle: a normal hold.
        _ = Self.play([(.started(at: 16, start: 10, flexion: 45.1), [.cue(.holdCountdown(seconds: 24, first: true))]),
                       (.sample(17, flexion: 45.1, away: false), [])])
    }

    @Test func holdTimeIsProbedEitherSide() {
        var short = Self.play([(.started(at: 16, start: 10, flexion: 70), [.cue(.holdCountdown(seconds: 24, first: true))]),
                               (.sample(39.9, flexion: 70, away: false), [.cue(.holdCountdown(seconds: 10, first: false))])])
        #expect(short.ended().complete == false)
        var long = Self.play([(.started(at: 16, start: 10, flexion: 70), [.cue(.holdCountdown(seconds: 24, first: true))]),
                              (.sample(40.1, flexion: 70, away: false), [.cue(.holdCountdown(seconds: 10, first: false)), .cue(.holdDone)])])
        #expect(long.ended().complete == true)
    }
}
