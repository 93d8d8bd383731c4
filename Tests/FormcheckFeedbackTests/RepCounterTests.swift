@testable import FormcheckFeedback
import Testing

/// The repetition state machine as transcripts: synthetic angle series of straight ramps (the rate
/// is the ramp's slope, 0 when still) sampled at 100 Hz, with every action and the time it came.
/// Straight-leg-raise rules: start 0° ± 10°, top 35°, range tolerance 10° (shallow below 25°),
/// overshoot beyond 50°, leave 8°, boundary 3°, top below 10 °/s, lowering above 8 °/s, up ≥ 1 s,
/// down ≥ 1.5 s, hold 1 s − 0.5 s grace, sag 6°. Each threshold is probed just inside and outside.
@Suite struct RepCounterTests {
    static let rules = RepCounter.Rules(startAngle: 0, startTolerance: 10, topAngle: 35, rangeTolerance: 10, overshootBeyond: 15,
                                        leaveBand: 8, boundaryBand: 3, topRate: 10, lowerRate: 8, stillRate: 5,
                                        minimumUpSeconds: 1, minimumDownSeconds: 1.5, holdSeconds: 1, holdGrace: 0.5, sagDegrees: 6)

    /// A path from `from` degrees: each leg goes to `to` degrees in `seconds` (straight), then the
    /// series is sampled at 100 Hz; returns every action with its time.
    static func play(from: Double, _ legs: [(to: Double, seconds: Double)], rules: RepCounter.Rules = rules)
        -> (transcript: [(Double, RepCounter.Action)], counter: RepCounter) {
        var c = RepCounter(rules: rules)
        var out: [(Double, RepCounter.Action)] = []
        var starts: [(t: Double, a: Double, to: Double, d: Double)] = []
        var t0 = 0.0
        var a0 = from
        for leg in legs {
            starts.append((t0, a0, leg.to, leg.seconds))
            t0 += leg.seconds
            a0 = leg.to
        }
        let samples = Int((t0 * 100).rounded())
        for k in 0...samples {
            let t = Double(k) / 100
            let leg = starts.last { $0.t <= t + 1e-9 } ?? starts[0]
            let u = min(1, max(0, (t - leg.t) / leg.d))
            let atEnd = t >= leg.t + leg.d - 1e-9
            let angle = leg.a + (leg.to - leg.a) * u
            let rate = atEnd ? 0 : (leg.to - leg.a) / leg.d
            for action in c.update(time: t, angle: angle, rate: rate) { out.append((t, action)) }
        }
        return (out, c)
    }

    static func ended(_ transcript: [(Double, RepCounter.Action)]) -> [RepCounter.Rep] {
        transcript.compactMap { if case .ended(let r) = $0.1 { r } else { nil } }
    }

    static func errors(_ transcript: [(Double, RepCounter.Action)]) -> [FormError] {
        ended(transcript).flatMap(\.faults)
    }

    /// Rest, up to `peak` in `up` s, hold `hold` s, down in `down` s, rest.
    static func rep(peak: Double = 35, up: Double = 2, hold: Double = 1.5, down: Double = 2) -> [(to: Double, seconds: Double)] {
        [(0, 1), (peak, up), (peak, hold), (0, down), (0, 1)]
    }

    func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-6 }

    @Test func aGoodRepIsCountedWithItsBoundariesAndTempo() {
        let (transcript, counter) = Self.play(from: 0, Self.rep())
        let times = transcript.map(\.0)
        let actions = transcript.map(\.1)
        #expect(actions.count == 5)
        #expect(actions[0] == .atStart(angle: 0) && times[0] == 0)
        // Last within 3° before leaving: 35° in 2 s is 17.5 °/s, 2.975° at 1.17 s; 8° (the leave band) at 1.46 s.
        #expect(actions[1] == .started(rep: 1, start: 1.17) && near(times[1], 1.46))
        #expect(actions[2] == .top(rep: 1) && near(times[2], 3))
        #expect(actions[3] == .lowering(rep: 1) && near(times[3], 4.5))
        guard case .ended(let r) = actions[4] else { Issue.record("no end"); return }
        // Back within 3°: 35 − 17.5 (t − 4.5) ≤ 3 from 6.33 s (6.3286).
        #expect(near(times[4], 6.33) && near(r.end, 6.33) && r.start == 1.17)
        #expect(r.peak == 35 && r.range == 35 && r.faults.isEmpty && r.complete)
        #expect(near(r.upSeconds, 1.83) && near(r.topSeconds, 1.5) && near(r.downSeconds, 1.83))
        #expect(counter.reps == 1 && counter.stage == .start)
    }

    @Test func twoRepsAreNumbered() {
        let (transcript, _) = Self.play(from: 0, Self.rep() + Self.rep())
        #expect(Self.ended(transcript).map(\.rep) == [1, 2])
        #expect(Self.ended(transcript).map(\.complete) == [true, true])
    }

    @Test func aMovementShortOfTheLeaveBandIsNoRep() {
        #expect(Self.ended(Self.play(from: 0, Self.rep(peak: 7.9)).transcript).isEmpty)
        #expect(Self.ended(Self.play(from: 0, Self.rep(peak: 8.1)).transcript).count == 1)
    }

    @Test func shallowBelowTheTargetLessTheTolerance() {
        // Target 35° less 10°: 25°.
        #expect(Self.errors(Self.play(from: 0, Self.rep(peak: 25.5)).transcript) == [])
        let short = Self.ended(Self.play(from: 0, Self.rep(peak: 24.5)).transcript)
        #expect(short.map(\.faults) == [[.shallow]] && short.map(\.complete) == [false] && short.map(\.range) == [24.5])
    }

    @Test func overshootBeyondTheTopIsSaidAtOnce() {
        #expect(Self.errors(Self.play(from: 0, Self.rep(peak: 49.5, up: 3, down: 3)).transcript) == [])
        let (transcript, _) = Self.play(from: 0, Self.rep(peak: 50.5, up: 3, down: 3))
        // 50.5° in 3 s: beyond 50° from 3.97 s (1 + 50/50.5 × 3 = 3.970).
        let said = transcript.first { $0.1 == .formError(.overshoot, rep: 1) }
        #expect(said.map { near($0.0, 3.98) } == true)
        #expect(Self.ended(transcript).map(\.faults) == [[.overshoot]] && Self.ended(transcript).map(\.complete) == [false])
    }

    @Test func tooFastOnTheWayUp() {
        // Up is measured from the last sample within 3° (35° over D s: D × 32/35 plus a sample).
        func up(_ seconds: Double) -> [FormError] { Self.errors(Self.play(from: 0, Self.rep(up: seconds / (32.0 / 35))).transcript) }
        #expect(up(1.05) == [])
        #expect(up(0.95) == [.tooFast])
        let (transcript, _) = Self.play(from: 0, Self.rep(up: 0.95 / (32.0 / 35)))
        // Said at the top, not at the end.
        #expect(transcript.contains { $0.1 == .formError(.tooFast, rep: 1) })
        #expect(Self.ended(transcript).map(\.complete) == [true])
    }

    @Test func tooFastOnTheWayDown() {
        // Down: from the lowering to within 3°: D × 32/35.
        func down(_ seconds: Double) -> [FormError] { Self.errors(Self.play(from: 0, Self.rep(down: seconds / (32.0 / 35))).transcript) }
        #expect(down(1.55) == [])
        #expect(down(1.45) == [.tooFast])
    }

    @Test func aPartRangeRepHasItsShareOfTheMinimumTimes() {
        // 30° of the 35° target (not shallow): up and down must take 30/35 of 1 s and of 1.5 s,
        // 0.857 s and 1.286 s; measured from and to 3° of the start, 27/30 of the ramp.
        func up(_ seconds: Double) -> [FormError] { Self.errors(Self.play(from: 0, Self.rep(peak: 30, up: seconds / 0.9)).transcript) }
        #expect(up(0.88) == [])
        #expect(up(0.83) == [.tooFast])
        func down(_ seconds: Double) -> [FormError] { Self.errors(Self.play(from: 0, Self.rep(peak: 30, down: seconds / 0.9)).transcript) }
        #expect(down(1.31) == [])
        #expect(down(1.26) == [.tooFast])
        // Beyond the target the whole minimum applies, no more: 50° up in 0.95 s is too fast, in 1.05 s not.
        func far(_ seconds: Double) -> [FormError] {
            Self.errors(Self.play(from: 0, Self.rep(peak: 49, up: seconds / (46.0 / 49), down: 3)).transcript)
        }
        #expect(far(1.05) == [])
        #expect(far(0.95) == [.tooFast])
    }

    @Test func shortHoldBelowTheHoldLessTheGrace() {
        // 1 s hold less 0.5 s grace.
        #expect(Self.errors(Self.play(from: 0, Self.rep(hold: 0.55)).transcript) == [])
        let short = Self.ended(Self.play(from: 0, Self.rep(hold: 0.45)).transcript)
        #expect(short.map(\.faults) == [[.shortHold]] && short.map(\.complete) == [true])
    }

    @Test func saggingWhenTheHeldTopDriftsBack() {
        // Drifting back at 2 °/s (slower than the 8 °/s of lowering) by 5.5° and by 6.5°.
        func drift(_ d: Double) -> [(Double, RepCounter.Action)] {
            Self.play(from: 0, [(0, 1), (35, 2), (35, 0.5), (35 - d, d / 2), (0, 2.5), (0, 1)]).transcript
        }
        #expect(Self.errors(drift(5.5)) == [])
        let sagged = drift(6.5)
        #expect(sagged.contains { $0.1 == .formError(.sagging, rep: 1) })
        #expect(Self.ended(sagged).map(\.faults) == [[.sagging]] && Self.ended(sagged).map(\.complete) == [false])
    }

    @Test func withoutAHoldThereIsNoSaggingNorShortHold() {
        var rules = Self.rules
        rules.holdSeconds = 0
        let (transcript, _) = Self.play(from: 0, [(0, 1), (35, 2), (35, 0.1), (27, 4), (0, 2.5), (0, 1)], rules: rules)
        #expect(Self.errors(transcript) == [])
    }

    /// A bridge: the thigh falls from the start position towards 12°.
    static let bridge = RepCounter.Rules(startAngle: 45, startTolerance: 15, topAngle: 12, rangeTolerance: 8, overshootBeyond: 12,
                                         leaveBand: 8, boundaryBand: 3, topRate: 10, lowerRate: 8, stillRate: 5,
                                         minimumUpSeconds: 1, minimumDownSeconds: 1, holdSeconds: 2, holdGrace: 0.5, sagDegrees: 6)

    @Test func aBridgeCountsFromWhereTheThighSettled() {
        // Settled at 61° (outside 45 ± 15): not the start position; at 55°: it is.
        #expect(Self.play(from: 61, [(61, 2)], rules: Self.bridge).transcript.isEmpty)
        let (transcript, _) = Self.play(from: 55, [(55, 1), (20, 2), (20, 2.5), (55, 2), (55, 1)], rules: Self.bridge)
        #expect(transcript.first?.1 == .atStart(angle: 55))
        let reps = Self.ended(transcript)
        // Range from 55°, not from 45°: 35°; the peak is the lowest flexion.
        #expect(reps.map(\.range) == [35] && reps.map(\.peak) == [20] && reps.map(\.complete) == [true])
    }

    @Test func aBridgeCountsFromTheRestBeforeTheRep() {
        // At the start position at 47°, then to 45° and still there before the rep: the range is from
        // the rest at 45° (33°) when the move to it was faster than the still rate (5 °/s: at 5.5 °/s
        // the rest at 47° is over), from the median of one rest (47° a second, the move, 45° a
        // second: 46°, 34°) when it was slower (4.5 °/s).
        func range(move rate: Double) -> [Double] {
            Self.ended(Self.play(from: 47, [(47, 1), (45, 2 / rate), (45, 1), (12, 2), (12, 2.5), (45, 2), (45, 1)], rules: Self.bridge).transcript).map(\.range)
        }
        #expect(range(move: 5.5) == [33])
        let slow = range(move: 4.5)
        #expect(slow.count == 1 && abs((slow.first ?? 0) - 34) < 0.1, "\(slow)")
        // A rest outside 45 ± 15° is no start position: resting at 61°, then at 47°, the range is from 47°.
        let (transcript, _) = Self.play(from: 61, [(61, 1), (47, 1), (47, 1), (12, 2), (12, 2.5), (47, 2), (47, 1)], rules: Self.bridge)
        #expect(Self.ended(transcript).map(\.range) == [35])
    }

    @Test func aBridgeArchingBeyondTheTopIsOvershoot() {
        // Below 12 − 12 = 0°.
        func arch(_ to: Double) -> [FormError] {
            Self.errors(Self.play(from: 45, [(45, 1), (to, 3), (to, 2.5), (45, 3), (45, 1)], rules: Self.bridge).transcript)
        }
        #expect(arch(0.5) == [])
        #expect(arch(-0.5) == [.overshoot])
    }

    @Test func aBridgeShortOfTheTopIsShallow() {
        // Range 33° less 8°: 25°, so the thigh must reach 20° from 45°.
        func lift(_ to: Double) -> [FormError] {
            Self.errors(Self.play(from: 45, [(45, 1), (to, 2), (to, 2.5), (45, 2), (45, 1)], rules: Self.bridge).transcript)
        }
        #expect(lift(19.5) == [])
        #expect(lift(20.5) == [.shallow])
    }
}
