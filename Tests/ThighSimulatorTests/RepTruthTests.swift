import MotionCore
import Testing
@testable import ThighSimulator

/// The simulator's rep truth, checked against the scenario's own steps with the minimum-jerk
/// profile written out here (x(τ) = 10τ³ − 15τ⁴ + 6τ⁵): a rep starts when the nominal angle is 2°
/// from the start position and ends when it is back within 2°.
@Suite struct RepTruthTests {
    static func minimumJerk(_ tau: Double) -> Double { tau * tau * tau * (10 - 15 * tau + 6 * tau * tau) }

    /// The fraction of a minimum-jerk move at which it has covered `fraction` of its way (bisection).
    static func tau(covering fraction: Double) -> Double {
        var lo = 0.0, hi = 1.0
        for _ in 0..<60 {
            let mid = (lo + hi) / 2
            if minimumJerk(mid) < fraction { lo = mid } else { hi = mid }
        }
        return lo
    }

    static func reps(_ s: Scenario) throws -> [ScenarioTruth.Rep] {
        var quiet = s
        quiet.imuErrors = false
        return try #require(ScenarioRenderer(quiet).render().truth.reps)
    }

    /// bridge-sagging: rest 4 s, then reps of 1.8 s up 45° → 12°, 2.2 s hold, 2 s down, 1.5 s rest;
    /// the third rep sags to 22° over 4 s before it is lowered (10° of the 33° way back in that
    /// move), so its end is 2 s down from 22° to 45° plus the time to get within 2°.
    @Test func bridgeRepsFromTheSteps() throws {
        let reps = try Self.reps(try #require(ScenarioLibrary.named("bridge-sagging")))
        #expect(reps.count == 4)
        let up = 1.8 * Self.tau(covering: 2 / 33.0)
        let down = 2 * Self.tau(covering: 31 / 33.0)
        let rep = 1.8 + 2.2 + 2 + 1.5
        #expect(abs(reps[0].start - (4 + up)) < 0.002)
        #expect(abs(reps[0].end - (4 + 1.8 + 2.2 + down)) < 0.002)
        #expect(abs(reps[1].start - (4 + rep + up)) < 0.002)
        let third = 4 + 2 * rep
        #expect(abs(reps[2].start - (third + up)) < 0.002)
        #expect(abs(reps[2].end - (third + 1.8 + 1 + 4 + 2 * Self.tau(covering: 21 / 23.0))) < 0.002)
        #expect(abs(reps[3].start - (third + 1.8 + 1 + 4 + 2 + 1.5 + up)) < 0.002)
        for r in reps {
            #expect(abs(r.peakFlexion - 12) < 1e-6 && abs(r.range - 33) < 1e-6)
            #expect(r.set == 1 && r.side == .right)
        }
        // Sagging spoils the third rep only.
        #expect(reps.map(\.complete) == [true, true, false, true])
    }

    /// bridge-good: 2 × 10, the 30 s pause starting set 2.
    @Test func setsSplitAtTheLongPause() throws {
        let reps = try Self.reps(try #require(ScenarioLibrary.named("bridge-good")))
        #expect(reps.count == 20)
        #expect(reps.map(\.set) == Array(repeating: 1, count: 10) + Array(repeating: 2, count: 10))
        #expect(reps.allSatisfy { $0.complete })
    }

    /// A wobble of 4° is not a rep; 6° is; stretches have no rep truth at all.
    @Test func smallExcursionsAreNotReps() throws {
        func scenario(_ to: Double) -> Scenario {
            Scenario(name: "wobble", summary: "", exercise: "straight-leg-raise", posture: .supine, device: .dualSenseUSB, seed: 1,
                     imuErrors: false, steps: [.rest(2), .move(flexion: to, adduction: nil, rotation: nil, duration: 1),
                                               .move(flexion: 0, adduction: nil, rotation: nil, duration: 1), .rest(1)])
        }
        #expect(try Self.reps(scenario(4)).isEmpty)
        #expect(try Self.reps(scenario(6)).count == 1)
        var stretch = scenario(40)
        stretch.exercise = "hamstring"
        #expect(ScenarioRenderer(stretch).render().truth.reps == nil)
    }
}
