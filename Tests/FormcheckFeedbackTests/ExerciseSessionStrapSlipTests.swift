import FormcheckFeedback
import MotionCore
import Testing

/// The session's slips against the protocol's `strapSlipQuietSeconds`: the number is the file's,
/// not the watch's (a session given 4 s reports a slip seen again 5 s later; given 10 s, it does not).
@Suite struct ExerciseSessionStrapSlipTests {
    /// The slips reported and said by a hamstring session whose strap slips by 14° at 3 s and 16°
    /// `again` seconds later, with the protocol's quiet time `quiet`.
    static func slips(quiet: Double, again: Double) throws -> (events: [Double], said: [Double], summary: Int) {
        var p = try ExerciseLibrary.named("hamstring")
        p.strapSlipQuietSeconds = quiet
        var s = ExerciseSession(exercise: p, side: .right)
        var out: [SessionEvent] = []
        s.calibrated(posture: p.posture, measured: false, into: &out)
        for k in 0...Int(((3 + again + 2) * 100).rounded()) {
            let t = Double(k) / 100
            s.update(HipAngleSample(time: t, angles: HipAngles(flexion: 0, adduction: 0)), into: &out)
            if k == 300 { s.strapSlipped(degrees: 14, into: &out) }
            if k == Int(((3 + again) * 100).rounded()) { s.strapSlipped(degrees: 16, into: &out) }
        }
        let summary = s.finish(into: &out)
        let events = out.compactMap { if case .strapSlipped(let t, _) = $0 { t } else { nil } }
        let said = out.compactMap { e -> Double? in if case .cue(let t, .strapSlipped) = e { t } else { nil } }
        return (events, said, summary.strapSlips.count)
    }

    @Test func theQuietTimeIsTheProtocols() throws {
        let kept = try Self.slips(quiet: 10, again: 5)
        #expect(kept.events.count == 1 && kept.summary == 1, "\(kept)")
        #expect(kept.said.count == 1, "\(kept)")
        let short = try Self.slips(quiet: 4, again: 5)
        #expect(short.events.count == 2 && short.summary == 2, "\(short)")
        if short.events.count == 2 { #expect(abs(short.events[1] - short.events[0] - 5) < 1e-9, "\(short)") }
    }

    @Test func theBuiltInProtocolsHoldASlipForTenSeconds() throws {
        for name in ExerciseLibrary.names {
            #expect(try ExerciseLibrary.named(name).strapSlipQuietSeconds == 10, "\(name)")
        }
    }
}
