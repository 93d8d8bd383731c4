@testable import FormcheckFeedback
import MotionCore
import Testing

/// The exercise phase (guidance) as transcripts: piriformis (start band 45° ± 10°, cross ≥ 10°,
/// 2 reps), hamstring (no band), walking.
@Suite struct ExercisePhaseTests {
    enum Input {
        case raw(Double, rate: Double)
        case angle(Double, rate: Double, adduction: Double)
        case holdStarted(Int)
        case holdEnded(Int, complete: Bool = true)
    }

    static func play(_ name: String, _ lines: [(Input, [Cue], ExercisePhase.Phase)]) throws {
        var p = ExercisePhase(exercise: try ExerciseLibrary.named(name), side: .right)
        for (i, (input, expected, phase)) in lines.enumerated() {
            let got: [Cue]
            switch input {
            case .raw(let t, let rate): got = p.raw(time: t, rate: rate)
            case .angle(let f, let rate, let a): got = p.angle(slowFlexion: f, slowRate: rate, adduction: a)
            case .holdStarted(let rep): got = p.holdStarted(rep: rep)
            case .holdEnded(let rep, let complete): got = p.holdEnded(rep: rep, complete: complete)
            }
            #expect(got == expected, "\(name) line \(i + 1): \(input)")
            #expect(p.phase == phase, "\(name) line \(i + 1): \(input)")
        }
    }

    @Test func piriformisFromTheFirstSample() throws {
        try Self.play("piriformis", [
            (.raw(0, rate: 1), [.setup(.supine)], .setup),
            (.raw(1.99, rate: 1), [], .setup),
            (.raw(2.0, rate: 1), [.raiseToBand(degrees: 45, rep: 1)], .startPosition),  // still 2 s: before any movement
            (.angle(30, rate: 20, adduction: 0), [], .startPosition),
            (.angle(44, rate: 5.1, adduction: 0), [], .startPosition),  // in the band, not settled
            (.angle(44, rate: 4.9, adduction: 0), [.crossLeg(degrees: 45)], .inStartBand),
            (.angle(45, rate: 1, adduction: 9.9), [], .inStartBand),
            (.angle(45, rate: 1, adduction: 10), [.pullTowardsChest], .crossed),
            (.holdStarted(1), [], .holding),
            (.holdEnded(1), [], .release),
            (.angle(60, rate: 1, adduction: 10), [], .release),  // still beyond the hold threshold (55°)
            (.angle(50, rate: 1, adduction: 10), [.crossLeg(degrees: 45)], .inStartBand),  // back in the band: rep 2
            (.angle(45, rate: 1, adduction: 12), [.pullTowardsChest], .crossed),
            (.holdStarted(2), [], .holding),
            (.holdEnded(2), [.setDone(reps: 2, complete: 2, side: .right), .switchSides(.right)], .done),
            (.angle(0, rate: 0, adduction: 0), [], .done),
        ])
    }

    /// The set's closing words count only the holds done in full: one of two released early, then
    /// both — and the words for each.
    @Test func theSetIsPraisedOnlyForTheHoldsDoneInFull() throws {
        let toTheSecondHold: [(Input, [Cue], ExercisePhase.Phase)] = [
            (.raw(0, rate: 1), [.setup(.supine)], .setup),
            (.raw(2.0, rate: 1), [.raiseToBand(degrees: 45, rep: 1)], .startPosition),
            (.holdStarted(1), [], .holding),
        ]
        try Self.play("piriformis", toTheSecondHold + [
            (.holdEnded(1, complete: false), [], .release),
            (.holdStarted(2), [], .holding),
            (.holdEnded(2), [.setDone(reps: 2, complete: 1, side: .right), .switchSides(.right)], .done),
        ])
        try Self.play("piriformis", toTheSecondHold + [
            (.holdEnded(1, complete: false), [], .release),
            (.holdStarted(2), [], .holding),
            (.holdEnded(2, complete: false), [.setDone(reps: 2, complete: 0, side: .right), .switchSides(.right)], .done),
        ])
        let words = CueCatalogue.english
        #expect(words.text(.setDone(reps: 2, complete: 2, side: .right)) == "That is two on the right — well done")
        #expect(words.text(.setDone(reps: 2, complete: 1, side: .right)) == "That is two on the right, one of them in full")
        #expect(words.text(.setDone(reps: 2, complete: 0, side: .right)) == "That is two on the right — next time, hold each one fully")
    }

    @Test func movingBeforeSettlingAsksAtOnce() throws {
        try Self.play("hamstring", [
            (.raw(0, rate: 1), [.setup(.supine)], .setup),
            (.raw(0.5, rate: 9.9), [], .setup),
            (.raw(0.6, rate: 10), [.raiseToHold(degrees: 45, rep: 1)], .startPosition),
            (.holdStarted(1), [], .holding),
            (.holdEnded(1), [], .release),
            (.angle(14, rate: 4, adduction: 0), [.raiseToHold(degrees: 45, rep: 2)], .startPosition),
        ])
    }

    @Test func walking() throws {
        try Self.play("walk", [
            (.raw(0, rate: 20), [.setup(.standing)], .setup),
            (.raw(0.01, rate: 20), [.walkBriskly(cadence: 100)], .walking),
            (.raw(5, rate: 1), [], .walking),
        ])
    }
}
