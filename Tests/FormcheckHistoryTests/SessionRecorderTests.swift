import FormcheckFeedback
import FormcheckHistory
import MotionCore
import Testing

/// A session's records as it goes: a routine's exercises as they end, with their traces, and a
/// single exercise's one record.
@Suite struct SessionRecorderTests {
    static func summary(_ exercise: String, _ side: Side, t: Double) -> SessionSummary {
        SessionSummary(t: t, exercise: exercise, side: side, holds: [], formErrors: [])
    }

    @Test func aRoutineGivesEachExerciseAsItEnds() throws {
        var r = SessionRecorder.routine()
        #expect(r.consume(.session(.cue(t: 0, cue: .holdDone))) == nil)
        #expect(r.consume(.exerciseStarted(t: 1, step: 1, exercise: "piriformis", side: .right)) == nil)
        r.sample(t: 1.05, flexion: 60)
        r.sample(t: 1.15, flexion: 62)
        let firstRecord = r.consume(.exerciseEnded(t: 1.2, step: 1, ending: .done, summary: Self.summary("piriformis", .right, t: 1.2)))
        let first = try #require(firstRecord)
        #expect(first.position == 1 && first.step == 1 && first.exercise == "piriformis" && first.side == .right)
        #expect(first.ending == .done && first.start == 1 && first.end == 1.2)
        #expect(first.trace?.flexion == [60, 62])
        // Between exercises (the strap moving) nothing is traced.
        r.sample(t: 5, flexion: 10)
        #expect(r.consume(.strapMoved(t: 9, side: .left, off: 2, on: 8)) == nil)
        #expect(r.consume(.exerciseStarted(t: 9, step: 2, exercise: "piriformis", side: .left)) == nil)
        r.sample(t: 9.01, flexion: 20)
        let secondRecord = r.consume(.exerciseEnded(t: 9.3, step: 2, ending: .skipped, summary: Self.summary("piriformis", .left, t: 9.3)))
        let second = try #require(secondRecord)
        #expect(second.position == 2 && second.ending == .skipped && second.trace?.flexion.count == 3)
        #expect(second.trace?.flexion.first == 20)
        // The same step again (the repeat key) is the next position.
        _ = r.consume(.exerciseStarted(t: 10, step: 2, exercise: "piriformis", side: .left))
        let againRecord = r.consume(.exerciseEnded(t: 11, step: 2, ending: .repeated, summary: Self.summary("piriformis", .left, t: 11)))
        let again = try #require(againRecord)
        #expect(again.position == 3 && again.step == 2 && again.ending == .repeated)
        // An end without a start gives nothing.
        #expect(r.consume(.exerciseEnded(t: 12, step: 3, ending: .stopped, summary: Self.summary("x", .left, t: 12))) == nil)
        #expect(r.count == 3)
    }

    /// Two sensors: each leg traced from its own sensor; a step watched on both legs gives the
    /// lead's record, then (its attempt started and ended at the step's end) the other leg's, from
    /// the step's start on its own trace; a repeat after it and a one-leg step are new attempts.
    @Test func aPairGivesEachLegItsOwnRecordAndTrace() throws {
        var r = SessionRecorder.pair()
        #expect(r.consume(.exerciseStarted(t: 2, step: 1, exercise: "hamstring", side: .right)) == nil)
        r.sample(side: .right, t: 2.05, flexion: 70)
        r.sample(side: .left, t: 2.06, flexion: 5)
        let hamstringRecord = r.consume(.exerciseEnded(t: 2.1, step: 1, ending: .done, summary: Self.summary("hamstring", .right, t: 2.1)))
        let hamstring = try #require(hamstringRecord)
        #expect(hamstring.side == .right && hamstring.step == 1 && hamstring.start == 2 && hamstring.end == 2.1)
        #expect(hamstring.trace?.flexion == [70])
        // The bridge on both legs: the left leads.
        #expect(r.consume(.exerciseStarted(t: 10, step: 3, exercise: "bridge", side: .left)) == nil)
        r.sample(side: .left, t: 10.05, flexion: 40)
        r.sample(side: .right, t: 10.06, flexion: 44)
        r.sample(side: .left, t: 10.15, flexion: 42)
        r.sample(side: .right, t: 10.16, flexion: 46)
        let leadRecord = r.consume(.exerciseEnded(t: 10.2, step: 3, ending: .done, summary: Self.summary("bridge", .left, t: 10.2)))
        let lead = try #require(leadRecord)
        #expect(lead.side == .left && lead.position == 2 && lead.start == 10 && lead.end == 10.2 && lead.trace?.flexion == [40, 42])
        #expect(r.consume(.exerciseStarted(t: 10.2, step: 3, exercise: "bridge", side: .right)) == nil)
        let otherRecord = r.consume(.exerciseEnded(t: 10.2, step: 3, ending: .done, summary: Self.summary("bridge", .right, t: 10.2)))
        let other = try #require(otherRecord)
        #expect(other.side == .right && other.position == 3 && other.step == 3 && other.start == 10 && other.end == 10.2)
        #expect(other.trace?.flexion == [44, 46])
        // The same step again on the leading leg (the repeat key): a new attempt from its own start.
        #expect(r.consume(.exerciseStarted(t: 11, step: 3, exercise: "bridge", side: .left)) == nil)
        r.sample(side: .left, t: 11.01, flexion: 30)
        let againRecord = r.consume(.exerciseEnded(t: 11.1, step: 3, ending: .stopped, summary: Self.summary("bridge", .left, t: 11.1)))
        let again = try #require(againRecord)
        #expect(again.position == 4 && again.start == 11 && again.trace?.flexion == [30])
        // An end without a start gives nothing; the next step (another number) starts afresh.
        _ = r.consume(.exerciseEnded(t: 12, step: 4, ending: .done, summary: Self.summary("x", .left, t: 12)))
        #expect(r.consume(.exerciseStarted(t: 20, step: 5, exercise: "piriformis", side: .right)) == nil)
        let nextRecord = r.consume(.exerciseEnded(t: 21, step: 5, ending: .done, summary: Self.summary("piriformis", .right, t: 21)))
        #expect(nextRecord?.start == 20 && nextRecord?.position == 5)
        #expect(r.count == 5)
    }

    @Test func aSingleExerciseIsOneRecordFromTheStart() throws {
        var r = SessionRecorder.single(exercise: "hamstring", side: .left)
        r.sample(t: 0.0, flexion: nil)
        r.sample(t: 0.1, flexion: 30)
        let eRecord = r.single(Self.summary("hamstring", .left, t: 0.25), ending: .stopped)
        let e = try #require(eRecord)
        #expect(e.position == 1 && e.step == nil && e.start == 0 && e.end == 0.25 && e.ending == .stopped)
        #expect(e.trace?.flexion.count == 3 && e.trace?.flexion[0].isNaN == true && e.trace?.flexion[1] == 30)
        #expect(r.single(Self.summary("hamstring", .left, t: 1), ending: .done) == nil)
    }

    /// A single exercise's ending: its dose (the built-in hamstring: 3 holds a side; the bridge:
    /// 2 sets of 10 complete reps), probed at the dose and one short of it.
    @Test func aSingleExerciseIsDoneAtItsDose() throws {
        let hamstring = try ExerciseLibrary.named("hamstring")
        let holds = hamstring.repsPerSide ?? 1
        func stretch(_ n: Int) -> SessionSummary {
            SessionSummary(t: 100, exercise: "hamstring", side: .left, formErrors: [], holds: n)
        }
        #expect(ExerciseRecord.Ending.of(stretch(holds), exercise: hamstring) == .done)
        #expect(ExerciseRecord.Ending.of(stretch(holds - 1), exercise: hamstring) == .stopped)
        let bridge = try ExerciseLibrary.named("bridge")
        let dose = (bridge.reps?.sets ?? 0) * (bridge.reps?.perSet ?? 0)
        #expect(dose == 20)
        func reps(_ complete: Int, incomplete: Int = 3) -> SessionSummary {
            let rs = (0..<(complete + incomplete)).map { i in
                SessionSummary.Rep(rep: i + 1, set: 1, side: .left, start: 0, end: 1, peak: 30, range: 30, upSeconds: 1, downSeconds: 1,
                                   complete: i < complete)
            }
            return SessionSummary(t: 100, exercise: "bridge", side: .left, holds: [], formErrors: [], reps: rs)
        }
        #expect(ExerciseRecord.Ending.of(reps(dose), exercise: bridge) == .done)
        #expect(ExerciseRecord.Ending.of(reps(dose - 1), exercise: bridge) == .stopped)
        let walk = try ExerciseLibrary.named("walk")
        #expect(ExerciseRecord.Ending.of(SessionSummary(t: 9, exercise: "walk", side: .right, holds: [], formErrors: [], steps: 2), exercise: walk) == .done)
        #expect(ExerciseRecord.Ending.of(SessionSummary(t: 9, exercise: "walk", side: .right, holds: [], formErrors: [], steps: 0), exercise: walk) == .stopped)
    }
}

extension SessionSummary {
    /// A stretch's summary with `holds` holds of 20 s.
    init(t: Double, exercise: String, side: Side, formErrors: [Error], holds: Int) {
        self.init(t: t, exercise: exercise, side: side,
                  holds: (0..<holds).map { Hold(rep: $0 + 1, side: side, start: Double($0) * 30, end: Double($0) * 30 + 20, duration: 20,
                                                meanFlexion: 70, peakFlexion: 72, complete: true) },
                  formErrors: formErrors)
    }
}
