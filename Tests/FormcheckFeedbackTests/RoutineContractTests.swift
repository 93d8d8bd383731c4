@testable import FormcheckFeedback
import MotionCore
import Testing

/// The routine's JSON Lines contract (`SessionEventJSON.validate(routine:)`) on hand-made routines:
/// a good one passes, and each broken rule is caught.
@Suite struct RoutineContractTests {
    static let summary = SessionSummary(t: 20, exercise: "hamstring", side: .left, holds: [], formErrors: [], steps: nil, cadence: nil)

    static let good: [RoutineEvent] = [
        .session(.cue(t: 0, cue: .nextExercise(title: "Supine hamstring stretch", side: .left, posture: .supine))),
        .exerciseStarted(t: 0, step: 1, exercise: "hamstring", side: .left),
        .session(.cue(t: 1, cue: .setup(.supine))),
        .session(.calibrated(t: 4, posture: .supine)),
        .exerciseEnded(t: 20, step: 1, ending: .done, summary: summary),
        .session(.cue(t: 20, cue: .moveStrap(to: .right))),
        .strapMoved(t: 40, side: .right, off: 25, on: 38),
        .session(.cue(t: 40, cue: .routineDone(skipped: 0))),
        .summary(RoutineSummary(t: 40, routine: "r", steps: [.init(number: 1, exercise: "hamstring", side: .left, ending: .done,
                                                                  start: 0, end: 20, summary: summary)],
                                strapMoves: [.init(side: .right, off: 25, on: 38)], complete: true)),
    ]

    static func reason(_ events: [RoutineEvent]) -> String? {
        do {
            try SessionEventJSON.validate(routine: events.map(\.jsonLine))
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func aGoodRoutinePasses() {
        #expect(Self.reason(Self.good) == nil)
        #expect(Self.good[4].jsonLine.hasPrefix(#"{"ending":"done","exercise":"hamstring","side":"left","step":1,"summary":{"cadence":null,"#))
    }

    @Test func eachBrokenRuleIsCaught() {
        var summaryLine = Self.good
        summaryLine.insert(.session(.summary(Self.summary)), at: 4)
        #expect(Self.reason(summaryLine)?.contains("a routine has no summary line") == true)
        var cueInside = Self.good
        cueInside.insert(.session(.cue(t: 5, cue: .moveStrap(to: .right))), at: 4)
        #expect(Self.reason(cueInside)?.contains("a routine cue (moveStrap) inside step 1") == true)
        var outside = Self.good
        outside.insert(.session(.calibrated(t: 30, posture: .supine)), at: 6)
        #expect(Self.reason(outside)?.contains("a calibrated line outside any exercise") == true)
        var backwards = Self.good
        backwards[6] = .strapMoved(t: 10, side: .right, off: 5, on: 8)
        #expect(Self.reason(backwards)?.contains("is before the line above") == true)
        var unended = Self.good
        unended.remove(at: 4)
        #expect(Self.reason(unended) != nil)
        var firstCue = Self.good
        firstCue[2] = .session(.cue(t: 1, cue: .holdDone))
        #expect(Self.reason(firstCue)?.contains("step 1: line 1: the first cue is holdDone") == true)
        #expect(Self.reason(Array(Self.good.dropLast())) == "the last line is not the routine summary")
    }
}
