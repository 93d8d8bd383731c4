@testable import FormcheckFeedback
import Testing

/// The same correction not said again within the interval, as transcripts (interval 10 s), the
/// interval probed just inside (9.9 s) and just outside (10.1 s).
@Suite struct CorrectionIntervalTests {
    enum Input {
        /// An episode of the error wants its correction said.
        case episode(FormError, at: Double)
        /// The reminder of an error that lasts was said.
        case reminded(FormError, at: Double)
    }

    static func play(_ lines: [(Input, CorrectionInterval.Action?)], seconds: Double = 10) {
        var c = CorrectionInterval(seconds: seconds)
        for (i, (input, expected)) in lines.enumerated() {
            switch input {
            case .episode(let kind, let t): #expect(c.correction(kind, at: t) == expected, "line \(i + 1): \(input)")
            case .reminded(let kind, let t):
                c.reminded(kind, at: t)
                #expect(expected == nil, "line \(i + 1): a reminder returns nothing")
            }
        }
    }

    /// A stretch's tooFast tripped at every stride (0.55 s apart, the walk of the bug): said once,
    /// then again only once 10 s have passed since it was said.
    @Test func aNewEpisodeIsSaidOnlyOnceTheIntervalIsOver() {
        Self.play([
            (.episode(.tooFast, at: 5), .say),
            (.episode(.tooFast, at: 5.55), .holdBack(saidAt: 5)),
            (.episode(.tooFast, at: 6.1), .holdBack(saidAt: 5)),
            (.episode(.tooFast, at: 14.9), .holdBack(saidAt: 5)),  // 9.9 s after: just inside
            (.episode(.tooFast, at: 15.1), .say),  // 10.1 s after: just outside
            // From the last said, not the last held back: 9.9 s after 15.1, then 10.1 s.
            (.episode(.tooFast, at: 25), .holdBack(saidAt: 15.1)),
            (.episode(.tooFast, at: 25.2), .say),
        ])
    }

    @Test func eachFormErrorHasItsOwnInterval() {
        Self.play([
            (.episode(.tooFast, at: 0), .say),
            (.episode(.overshoot, at: 1), .say),  // another correction: not held back by tooFast's
            (.episode(.tooFast, at: 2), .holdBack(saidAt: 0)),
            (.episode(.overshoot, at: 10.9), .holdBack(saidAt: 1)),
            (.episode(.tooFast, at: 10.1), .say),
            (.episode(.overshoot, at: 11.1), .say),
            (.episode(.sagging, at: 11.2), .say),
        ])
    }

    /// A hold paused out of its band is reminded every `hold.correctionRepeatSeconds` (8 s) whatever
    /// the interval; a new episode is then held back from the reminder on.
    @Test func theIntervalRunsFromAReminder() {
        Self.play([
            (.episode(.overshoot, at: 0), .say),
            (.reminded(.overshoot, at: 8), nil),
            (.reminded(.overshoot, at: 16), nil),
            (.episode(.overshoot, at: 25.9), .holdBack(saidAt: 16)),
            (.episode(.overshoot, at: 26.1), .say),
        ])
    }

    /// The walk's pace check says "pick up the pace" every `pace.checkSeconds` (30 s) while the user
    /// stays slow: longer than the interval, so it still comes back every time; the end of the walk's
    /// `slowCadence` correction 5 s after the last check is held back.
    @Test func theWalksCadenceCueStillComesBackWhileSlow() {
        Self.play([
            (.episode(.slowCadence, at: 38), .say),
            (.episode(.slowCadence, at: 68), .say),
            (.episode(.slowCadence, at: 98), .say),
            (.episode(.slowCadence, at: 103), .holdBack(saidAt: 98)),
        ])
    }

    /// 0 s: every episode is said (the coach as it was before the interval).
    @Test func zeroSaysEveryEpisode() {
        Self.play([
            (.episode(.tooFast, at: 5), .say),
            (.episode(.tooFast, at: 5), .say),
            (.episode(.tooFast, at: 5.55), .say),
        ], seconds: 0)
    }
}
