import FormcheckFeedback
import MotionCore
import Testing

/// The pair's side check as transcripts: two sensors' specific force (gravity, 9.81 m/s², tilted
/// by a known angle from where each was as the step began) sampled at 100 Hz; the sensor that
/// tilts the rules' 20° more than the other is on the step's leg. The threshold is probed just
/// inside and just outside (a tilt difference of 19.9° held 5 s — twenty smoothing time constants:
/// the smoothed tilt is the held one to 1e-8° — is not enough, 20.1° is).
@Suite struct PairSideCheckTests {
    static let g = 9.81
    /// Gravity in a sensor tilted `degrees` about its x axis from +z.
    static func tilted(_ degrees: Double) -> Vector3 {
        Vector3(0, g * degrees.radians.sine, g * degrees.radians.cosine)
    }

    /// `seconds` of both sensors at 100 Hz from `start`, the first tilted `first`°, the second
    /// `second`°; the actions that were not `.none`, with their times.
    static func hold(_ check: inout PairSideCheck, from start: Double, seconds: Double, first: Double, second: Double)
        -> [(Double, PairSideCheck.Action)] {
        var out: [(Double, PairSideCheck.Action)] = []
        let n = Int((seconds * 100).rounded())
        for i in 0..<n {
            let t = start + Double(i) / 100
            for (sensor, degrees) in [(Side.left, first), (.right, second)] {
                let a = check.sample(sensor, time: t, acceleration: tilted(degrees))
                if a != .none { out.append((t, a)) }
            }
        }
        return out
    }

    @Test func theSensorThatMovesIsOnTheStepsLeg() {
        var check = PairSideCheck()
        #expect(check.stepBegan(exercising: .right) == .none)
        // Both still, then the second a little (the pelvis shifting) and the first lifted to just
        // under the difference: nothing told.
        #expect(Self.hold(&check, from: 0, seconds: 2, first: 0, second: 0).isEmpty)
        #expect(Self.hold(&check, from: 2, seconds: 5, first: 22.9, second: 3).isEmpty)
        #expect(check.firstOn == nil)
        // Just over it: the first sensor moved — it is on the right leg, the step's.
        let told = Self.hold(&check, from: 7, seconds: 1, first: 23.1, second: 3)
        #expect(told.map(\.1) == [.decided(firstOn: .right)])
        #expect(check.firstOn == .right)
        // Told for good: later steps are not watched.
        #expect(check.stepEnded() == .none)
        #expect(check.stepBegan(exercising: .left) == .none)
        #expect(Self.hold(&check, from: 10, seconds: 3, first: 0, second: 80).isEmpty)
        #expect(check.firstOn == .right)
    }

    /// (Each tilt is from the step's first sample: both start still at 0°.)
    @Test func theOtherSensorMovingPutsTheFirstOnTheOtherLeg() {
        var check = PairSideCheck()
        _ = check.stepBegan(exercising: .right)
        #expect(Self.hold(&check, from: 0, seconds: 1, first: 0, second: 0).isEmpty)
        #expect(Self.hold(&check, from: 1, seconds: 5, first: 0, second: 19.9).isEmpty)
        #expect(Self.hold(&check, from: 6, seconds: 1, first: 0, second: 20.1).map(\.1) == [.decided(firstOn: .left)])
        // And with the step on the left leg: the first sensor moving is on the left.
        var left = PairSideCheck()
        _ = left.stepBegan(exercising: .left)
        #expect(Self.hold(&left, from: 0, seconds: 1, first: 0, second: 0).isEmpty)
        #expect(Self.hold(&left, from: 1, seconds: 3, first: 45, second: 0).map(\.1) == [.decided(firstOn: .left)])
    }

    @Test func stepsOnBothLegsAndTimeBetweenStepsAreNotWatched() {
        var check = PairSideCheck()
        // A bridge: both legs move, told nothing even when one moves more.
        _ = check.stepBegan(exercising: nil)
        #expect(Self.hold(&check, from: 0, seconds: 3, first: 60, second: 0).isEmpty)
        // Between steps (getting into position): nothing.
        _ = check.stepBegan(exercising: .right)
        _ = check.stepEnded()
        #expect(Self.hold(&check, from: 3, seconds: 3, first: 0, second: 60).isEmpty)
        // Each step's tilt is from where the sensor was as it began: the second, at 60° now, is
        // still there; the first moves 21° from its 0.
        _ = check.stepBegan(exercising: .left)
        #expect(Self.hold(&check, from: 6, seconds: 3, first: 0, second: 60).isEmpty)
        #expect(Self.hold(&check, from: 9, seconds: 3, first: 21, second: 60).map(\.1) == [.decided(firstOn: .left)])
    }

    @Test func aJoltIsSmoothedAway() {
        var check = PairSideCheck()
        _ = check.stepBegan(exercising: .right)
        #expect(Self.hold(&check, from: 0, seconds: 1, first: 0, second: 0).isEmpty)
        // One sample of the first thigh knocked 60° (a tap on the sensor): the smoothed tilt moves
        // 1 − e^(−0.01/0.25) of the way, 2.4°.
        #expect(check.sample(.left, time: 1, acceleration: Self.tilted(60)) == .none)
        #expect(Self.hold(&check, from: 1.01, seconds: 1, first: 0, second: 0).isEmpty)
        #expect(check.firstOn == nil)
    }

    @Test func afterAGapTheSmoothingStartsAgain() {
        var check = PairSideCheck()
        _ = check.stepBegan(exercising: .right)
        #expect(Self.hold(&check, from: 0, seconds: 1, first: 0, second: 0).isEmpty)
        // The first sensor's frames lost while the leg went up: its next sample is where the leg
        // is (not smoothed from before the gap), against its reference from the step's start.
        #expect(check.gap(.left) == .none)
        #expect(check.sample(.left, time: 3, acceleration: Self.tilted(40)) == .decided(firstOn: .right))
    }

    @Test func theNumbersAreTheRoutines() {
        var rules = PairSideCheck.Rules()
        rules.degrees = 10
        var check = PairSideCheck(rules: rules)
        _ = check.stepBegan(exercising: .right)
        #expect(Self.hold(&check, from: 0, seconds: 1, first: 0, second: 0).isEmpty)
        #expect(Self.hold(&check, from: 1, seconds: 5, first: 9.9, second: 0).isEmpty)
        #expect(Self.hold(&check, from: 6, seconds: 1, first: 10.1, second: 0).map(\.1) == [.decided(firstOn: .right)])
    }
}
