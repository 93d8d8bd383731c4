@testable import FormcheckFeedback
import MotionCore
import Testing

/// `compensation` and the movement's axis, as transcripts in `RepCounterTests`' style: a clamshell
/// (start 0°, top 25° of abduction, up and down ≥ 0.6 s, 1.5 s at the top) whose thigh rolls about
/// its long axis, or moves out of the movement's plane, by a ramp during the rep. The threshold
/// (15°, judged against the rep's start) is probed just inside and just outside.
extension RepCounterTests {
    static let clamshell: RepCounter.Rules = {
        var r = RepCounter.Rules(startAngle: 0, startTolerance: 10, topAngle: 25, rangeTolerance: 8, overshootBeyond: 15,
                                 leaveBand: 6, boundaryBand: 3, topRate: 10, lowerRate: 8, stillRate: 5,
                                 minimumUpSeconds: 0.6, minimumDownSeconds: 0.6, holdSeconds: 1.5, holdGrace: 0.5, sagDegrees: 6)
        r.compensationDegrees = 15
        return r
    }()

    /// A clamshell rep sampled at 100 Hz: rest 1 s, open to 25° in 2 s, hold 2 s, close in 2 s, rest
    /// 1 s; the roll (or the out-of-plane angle) goes from `base` to `base + change` while opening
    /// (after the rep began) and back while closing. Returns the faults of the reps that ended and when compensation was said.
    static func clamshellRep(base: Double = 0, change: Double, offPlane: Bool = false, rules: RepCounter.Rules = clamshell)
        -> (reps: [RepCounter.Rep], said: [Double]) {
        var c = RepCounter(rules: rules)
        var reps: [RepCounter.Rep] = []
        var said: [Double] = []
        for k in 0...800 {
            let t = Double(k) / 100
            // (angle, rate, fraction of the change)
            let (angle, rate): (Double, Double) =
                t < 1 ? (0, 0) : t < 3 ? (12.5 * (t - 1), 12.5) : t < 5 ? (25, 0) : t < 7 ? (25 - 12.5 * (t - 5), -12.5) : (0, 0)
            // The roll turns once the rep is under way (from 1.5 s, 6.25° open) until 3 s, and back from 5 to 6.5 s.
            let f = t < 5 ? min(1, max(0, (t - 1.5) / 1.5)) : max(0, 1 - (t - 5) / 1.5)
            let other = base + change * f
            for action in c.update(time: t, angle: angle, rate: rate, roll: offPlane ? base : other, offPlane: offPlane ? other : base) {
                switch action {
                case .ended(let r): reps.append(r)
                case .formError(.compensation, _): said.append(t)
                default: break
                }
            }
        }
        return (reps, said)
    }

    @Test func aRollWithinTheThresholdIsNoCompensation() {
        for change in [14.9, -14.9] {
            let (reps, said) = Self.clamshellRep(change: change)
            #expect(reps.count == 1 && reps[0].faults.isEmpty && reps[0].complete, "\(change)")
            #expect(said.isEmpty)
        }
    }

    @Test func aRollBeyondTheThresholdIsCompensationSaidAtOnce() {
        for change in [15.1, -15.1] {
            let (reps, said) = Self.clamshellRep(change: change)
            #expect(reps.count == 1 && reps[0].faults == [.compensation], "\(change)")
            // Said when the roll passes 15° (15/15.1 of its turn, from 1.5 s) — and a compensating
            // rep still counts as complete.
            #expect(said.count == 1 && abs((said.first ?? 0) - (1.5 + 1.5 * 15 / 15.1)) < 0.011, "\(said)")
            #expect(reps.first?.complete == true)
        }
    }

    @Test func theOutOfPlaneAngleIsJudgedToo() {
        #expect(Self.clamshellRep(change: 14.9, offPlane: true).reps.first?.faults == [])
        #expect(Self.clamshellRep(change: 15.1, offPlane: true).reps.first?.faults == [.compensation])
    }

    /// Judged against the rep's start, not against zero: a thigh that rests rolled 40° (a strap
    /// turned on the thigh) and rolls 14.9° more is fine; 15.1° more is not.
    @Test func theReferenceIsTheRepsStart() {
        #expect(Self.clamshellRep(base: 40, change: 14.9).reps.first?.faults == [])
        #expect(Self.clamshellRep(base: 40, change: 15.1).reps.first?.faults == [.compensation])
    }

    /// Turning at the start position (settling, between reps) moves the reference with it: the
    /// roll is judged from the last sample within the boundary band before the rep.
    @Test func aRollBeforeTheRepMovesTheReference() {
        var c = RepCounter(rules: Self.clamshell)
        var faults: [FormError] = []
        for k in 0...900 {
            let t = Double(k) / 100
            let roll = t < 1 ? 30 * t : 30  // rolls 30° at the start position, then keeps still
            let (angle, rate): (Double, Double) =
                t < 2 ? (0, 0) : t < 4 ? (12.5 * (t - 2), 12.5) : t < 6 ? (25, 0) : t < 8 ? (25 - 12.5 * (t - 6), -12.5) : (0, 0)
            for case .ended(let r) in c.update(time: t, angle: angle, rate: rate, roll: roll) { faults += r.faults }
        }
        #expect(c.reps == 1 && faults.isEmpty)
    }

    @Test func offWhenTheThresholdIsZero() {
        var rules = Self.clamshell
        rules.compensationDegrees = 0
        #expect(Self.clamshellRep(change: 60, rules: rules).reps.first?.faults == [])
    }

    /// The session counts on the protocol's axis: the clamshell's reps are abduction (−adduction).
    /// The same opening as adduction (the knee towards the floor) or as flexion is no rep.
    @Test func theClamshellCountsAbduction() throws {
        let p = try ExerciseLibrary.named("clamshell")
        #expect(p.reps?.axis == .abduction && p.reps?.compensationDegrees == 15)
        func reps(_ angles: (Double) -> HipAngles) -> Int {
            var s = ExerciseSession(exercise: p, side: .right)
            var out: [SessionEvent] = []
            for k in 0...800 {
                let t = Double(k) / 100
                let open = t < 1 ? 0 : t < 3 ? 12.5 * (t - 1) : t < 5 ? 25 : t < 7 ? 25 - 12.5 * (t - 5) : 0
                s.update(HipAngleSample(time: t, angles: angles(open)), into: &out)
            }
            return s.finish(into: &out).reps?.count ?? 0
        }
        #expect(reps { HipAngles(flexion: 45, adduction: -$0) } == 1)
        #expect(reps { HipAngles(flexion: 45, adduction: $0) } == 0)
        #expect(reps { HipAngles(flexion: 45 + $0, adduction: 0) } == 0)
    }
}
