@testable import FormcheckFeedback
import Testing

/// The hold detector as transcripts: flexion series of steps sampled at 100 Hz, with every action
/// and the time it came. Rules: the piriformis protocol's (minimum 5 s, low-pass 0.3 Hz, steady
/// below 5 °/s, ends 3 s after leaving, boundary band 2°), threshold 30°. The low-pass (two
/// first-order stages, τ = 1/(2π·0.3) = 0.53 s) turns a 60° step into a rate above 5 °/s within
/// 60·t/τ² = 5 → t ≈ 0.024 s, so the steady time of a hold held T s is T + 0.02–0.03 s.
@Suite struct HoldDetectorTests {
    static let rules = ExerciseProtocol.HoldRules()

    /// A series of (seconds, flexion) plateaus; returns every action with its time, and the detector.
    static func play(_ plateaus: [(seconds: Double, flexion: Double)]) -> (transcript: [(Double, HoldDetector.Action)], detector: HoldDetector) {
        var d = HoldDetector(rules: rules, threshold: 30)
        var out: [(Double, HoldDetector.Action)] = []
        var t0 = 0.0
        var k = 0
        for p in plateaus {
            let end = t0 + p.seconds
            while Double(k) / 100 < end - 1e-9 {
                let t = Double(k) / 100
                let a = d.update(time: t, flexion: p.flexion, adduction: 12)
                if a != .none { out.append((t, a)) }
                k += 1
            }
            t0 = end
        }
        return (out, d)
    }

    static func holds(_ transcript: [(Double, HoldDetector.Action)]) -> [(at: Double, hold: HoldDetector.Hold)] {
        transcript.compactMap { t, a in if case .ended(let h) = a { (t, h) } else { nil } }
    }

    static func starts(_ transcript: [(Double, HoldDetector.Action)]) -> [(at: Double, start: Double)] {
        transcript.compactMap { t, a in if case .started(let s, _, _) = a { (t, s) } else { nil } }
    }

    /// 5 s of steadiness make a hold; 4.9 s (plus the filter's 0.03 s) do not.
    @Test func aHoldNeedsFiveSeconds() {
        let short = Self.play([(4.9, 60), (10, 0)])
        #expect(short.transcript.isEmpty)
        let long = Self.play([(5.1, 60), (10, 0)])
        let started = Self.starts(long.transcript)
        #expect(started.count == 1)
        #expect(abs(started[0].at - 5.0) < 0.015)
        #expect(started[0].start == 0)  // it entered the band at the first sample
    }

    /// Released at 20 s: the hold ends 3 s after the low-passed angle left (≈ 20.03 s), and its
    /// end is the last sample in the band (19.99 s).
    @Test func theHoldEndsThreeSecondsAfterLeaving() throws {
        let r = Self.play([(20, 60), (10, 0)])
        let ended = try #require(Self.holds(r.transcript).first)
        #expect(Self.holds(r.transcript).count == 1)
        #expect(ended.at > 23.0 && ended.at < 23.06)
        #expect(abs(ended.hold.end - 19.99) < 0.005)
        #expect(abs(ended.hold.held - 19.99) < 0.005)
        // The mean takes in the 2–3 samples of the release before the low-pass says it left: 60·3/2000.
        #expect(abs(ended.hold.meanFlexion - 60) < 0.1)
        #expect(abs(ended.hold.meanAdduction - 12) < 1e-9)
    }

    /// A short dip pauses the timer and the hold goes on; a dip longer than 3 s ends it, and the
    /// return starts a new one.
    @Test func dipsPauseTheTimerLongOnesEndTheHold() throws {
        let dip = Self.play([(15, 60), (0.3, 25), (15, 60), (10, 0)])
        let one = Self.holds(dip.transcript)
        #expect(one.count == 1)
        let h = try #require(one.first)
        #expect(abs(h.hold.end - 30.29) < 0.005)
        // Paused for at least the dip, and for less than the 3 s that would end it.
        #expect(h.hold.held < h.hold.duration - 0.3 && h.hold.held > h.hold.duration - 3)
        let long = Self.play([(15, 60), (3.5, 0), (15, 60), (10, 0)])
        let two = Self.holds(long.transcript)
        #expect(two.count == 2)
        #expect(two[0].at > 18.0 && two[0].at < 18.06)
        #expect(abs(two[0].hold.end - 14.99) < 0.005)
        #expect(abs(two[1].hold.start - 18.5) < 0.005)  // entered the band again at 18.5 s
    }

    /// Bouncing of 8° peak to peak at 1 Hz around the hold does not break it (the low-pass takes
    /// it down to about 8 / (1 + (1/0.3)²) ≈ 0.7°, a rate of ~2 °/s, below the 5 °/s).
    @Test func bouncingDoesNotBreakTheHold() {
        var plateaus: [(Double, Double)] = []
        for _ in 0..<20 { plateaus += [(0.5, 64), (0.5, 56)] }
        let r = Self.play(plateaus + [(10, 0)])
        #expect(Self.starts(r.transcript).count == 1)
        #expect(Self.holds(r.transcript).count == 1)
    }

    @Test func finishEndsAHoldInProgress() throws {
        var r = Self.play([(12, 60)])
        #expect(r.detector.isHolding)
        guard case .ended(let h) = r.detector.finish(at: 12) else {
            Issue.record("no hold ended")
            return
        }
        #expect(abs(h.end - 11.99) < 0.005)
        #expect(!r.detector.isHolding)
        #expect(r.detector.finish(at: 13) == .none)
    }
}
