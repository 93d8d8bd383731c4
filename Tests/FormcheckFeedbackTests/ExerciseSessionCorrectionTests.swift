import FormcheckFeedback
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// The session's corrections against the protocol's `correctionIntervalSeconds` (10 s in every
/// built-in protocol), as transcripts of a stretch, a strengthening exercise and a walk: a second
/// episode of the same error 9.9 s after the first is not said, one 10.1 s after it is; the error is
/// reported all the same (the summary: once per repetition).
@Suite struct ExerciseSessionCorrectionTests {
    /// The corrections said (time, words) and the summary of a session fed these angles, one sample
    /// every 10 ms from 0 to `until` seconds, calibrated from the first.
    static func run(_ exercise: ExerciseProtocol, until: Double, flexion: (Double) -> Double)
        -> (said: [(t: Double, text: String)], summary: SessionSummary) {
        var s = ExerciseSession(exercise: exercise, side: .right)
        var out: [SessionEvent] = []
        s.calibrated(posture: exercise.posture, measured: false, into: &out)
        for k in 0...Int((until * 100).rounded()) {
            let t = Double(k) / 100
            s.update(HipAngleSample(time: t, angles: HipAngles(flexion: flexion(t), adduction: 0)), into: &out)
        }
        let summary = s.finish(into: &out)
        let said = out.compactMap { e -> (t: Double, text: String)? in
            guard case .cue(let t, let cue) = e, cue.kind == .formError else { return nil }
            return (t, CueCatalogue.english.text(cue))
        }
        return (said, summary)
    }

    /// A smooth move from `a` to `b` between `t0` and `t1` (a half cosine), `a` before and `b` after.
    static func move(_ t: Double, from a: Double, to b: Double, _ t0: Double, _ t1: Double) -> Double {
        if t <= t0 { return a }
        if t >= t1 { return b }
        return a + (b - a) * (1 - cos(.pi * (t - t0) / (t1 - t0))) / 2
    }

    /// A hamstring stretch lying flat, the thigh flicked up 30° and back in 0.2 s at 5 s and again
    /// `second` seconds later (each too fast: the smoothed rate well above 60°/s, and back below the
    /// re-arm rate of 30°/s between them); never a hold.
    static func flicks(second: Double) throws -> (said: [(t: Double, text: String)], summary: SessionSummary) {
        let p = try ExerciseLibrary.named("hamstring")
        return run(p, until: 5 + second + 5) { t in
            let start = t < 5 + second - 1 ? 5.0 : 5 + second
            return t < start + 0.1 ? move(t, from: 0, to: 30, start, start + 0.1) : move(t, from: 30, to: 0, start + 0.1, start + 0.2)
        }
    }

    @Test func theBuiltInProtocolsSayTheSameCorrectionAtMostEveryTenSeconds() throws {
        for name in ExerciseLibrary.names {
            #expect(try ExerciseLibrary.named(name).correctionIntervalSeconds == 10, "\(name)")
        }
    }

    /// A stretch's tooFast re-arms once the rate falls, so each flick trips it anew (without the
    /// interval both were said): the first is said; the next 9.9 s later is not, 10.1 s later it is.
    /// Reported once either way: moving too fast before the first hold (rep 1), not one error per trip.
    @Test func aStretchMovedTooFastAgainWithinTheIntervalIsNotSaidAgain() throws {
        let inside = try Self.flicks(second: 9.9)
        #expect(inside.said.map(\.text) == ["Gently, slower"], "\(inside.said)")
        #expect(inside.summary.formErrors.map(\.kind) == [.tooFast] && inside.summary.formErrors.first?.rep == 1)

        let outside = try Self.flicks(second: 10.1)
        #expect(outside.said.map(\.text) == ["Gently, slower", "Gently, slower"], "\(outside.said)")
        if outside.said.count == 2 { #expect(abs(outside.said[1].t - outside.said[0].t - 10.1) < 1e-6, "\(outside.said)") }
        #expect(outside.summary.formErrors.map(\.kind) == [.tooFast])
        // Both flicks start from the first one's time, so the first is said at the same moment.
        #expect(inside.said.first?.t == outside.said.first?.t)
    }

    /// A hamstring hold at 126°, slowly (under the hold's steady rate) over the 130° cap at 20 s,
    /// back below 125° (the hysteresis) and over again 8 s later, and kept there. Each time over, the
    /// too-far limit and the countdown's pause both say "Too far — ease off" (without the interval:
    /// twice at once, and twice again 8 s later). Now once; the second time is held back (8 s after);
    /// the countdown's reminder 8 s into the second pause is said (an error that lasts). One
    /// overshoot in the summary, the hold not complete.
    @Test func aHoldOverTheCapAgainWithinTheIntervalIsToldOnceThenReminded() throws {
        let p = try ExerciseLibrary.named("hamstring")
        let (said, summary) = Self.run(p, until: 42) { t in
            switch t {
            case ..<8: Self.move(t, from: 0, to: 126, 2, 8)
            case ..<24: Self.move(t, from: 126, to: 132, 20, 23)
            case ..<28: Self.move(t, from: 132, to: 124, 24, 27)
            default: Self.move(t, from: 124, to: 132, 28, 31)
            }
        }
        #expect(said.map(\.text) == ["Too far — ease off", "Too far — ease off"], "\(said)")
        if said.count == 2 {
            // Over the cap about 1.8 s into the first rise (the smoothing's lag after it), and the
            // reminder 8 s after the second crossing, about 2 s into the second rise.
            #expect(said[0].t > 21.5 && said[0].t < 22.5, "\(said)")
            #expect(abs(said[1].t - said[0].t - (8 + 8)) < 0.5, "\(said)")
        }
        #expect(summary.formErrors.map { "\($0.kind.rawValue)/\($0.rep ?? 0)" } == ["overshoot/1"])
        #expect(summary.holds.count == 1 && summary.holds.first?.complete == false, "\(summary.holds)")
    }

    /// A bridge (45° hook-lying to 12°, a 2 s pause at the top, down in at least 1 s): two reps each
    /// lowered in 0.4 s, the second `second` seconds after the first.
    static func bridgeReps(second: Double) throws -> (said: [(t: Double, text: String)], summary: SessionSummary) {
        let p = try ExerciseLibrary.named("bridge")
        func rep(_ t: Double, _ s: Double) -> Double {
            // Up (45° → 12°) in 1.5 s, 2.5 s at the top, down in 0.4 s.
            t < s + 1.5 ? move(t, from: 45, to: 12, s, s + 1.5) : move(t, from: 12, to: 45, s + 4, s + 4.4)
        }
        return run(p, until: 3 + second + 10) { t in t < 3 + second - 1 ? rep(t, 3) : rep(t, 3 + second) }
    }

    /// Each rep lowered too fast is an error of its own (the summary lists both reps), but "Lower
    /// slowly" is not said again 9.9 s after it was; 10.1 s after, it is.
    @Test func aRepTooFastWithinTheIntervalOfTheLastIsNotSaidAgain() throws {
        let inside = try Self.bridgeReps(second: 9.9)
        #expect(inside.summary.reps?.count == 2)
        #expect(inside.summary.formErrors.map { "\($0.kind.rawValue)/\($0.rep ?? 0)" } == ["tooFast/1", "tooFast/2"])
        #expect(inside.said.map(\.text) == ["Lower slowly"], "\(inside.said)")

        let outside = try Self.bridgeReps(second: 10.1)
        #expect(outside.summary.formErrors.map { "\($0.kind.rawValue)/\($0.rep ?? 0)" } == ["tooFast/1", "tooFast/2"])
        #expect(outside.said.map(\.text) == ["Lower slowly", "Lower slowly"], "\(outside.said)")
        if outside.said.count == 2 { #expect(abs(outside.said[1].t - outside.said[0].t - 10.1) < 1e-6, "\(outside.said)") }
    }

    /// The pace cues of a slow walk (the simulator's `walk-slow`, 84 steps a minute, ideal IMU) with
    /// the pace judged every `check` seconds and the protocol's interval `interval`.
    static func paceCues(check: Double, interval: Double) throws -> [Double] {
        let s = try #require(ScenarioLibrary.named("walk-slow"))
        let rendering = ScenarioRenderer(s).render()
        var p = try ExerciseLibrary.named("walk")
        p.pace.checkSeconds = check
        p.correctionIntervalSeconds = interval
        var session = ExerciseSession(exercise: p, side: s.side)
        var out: [SessionEvent] = []
        let origin = rendering.ideal[0].time
        for var sample in rendering.ideal {
            sample.time -= origin
            session.update(raw: sample, into: &out)
        }
        return out.compactMap { if case .cue(let t, .paceSlow) = $0 { t } else { nil } }
    }

    /// The walk's cadence cue still comes back while the user stays slow: judged every 12 s (longer
    /// than the interval) every check says so; judged every 6 s, every other one (12 s apart: the
    /// ones 6 s after the last said are within the 10 s).
    @Test func aWalksCadenceCueComesBackWhileTheUserStaysSlow() throws {
        let every12 = try Self.paceCues(check: 12, interval: 0)
        #expect(every12.count >= 3, "\(every12)")
        #expect(try Self.paceCues(check: 12, interval: 10) == every12)

        let every6 = try Self.paceCues(check: 6, interval: 0)
        #expect(every6.count >= 6, "\(every6)")
        let kept = try Self.paceCues(check: 6, interval: 10)
        #expect(kept == every6.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), "\(kept) of \(every6)")
    }
}
