import FormcheckFeedback
import Foundation
import MotionCore
import Testing
import ThighSimulator

extension RoutineScenarioTests {
    /// `routine-daily-pair` (recorded for the short doses) replayed with the full `sciatica-daily`
    /// routine: its 60 s holds are never done, so the routine is still on the left piriformis
    /// (step 2) when that thigh stands up and walks. A stretch's `tooFast` re-arms once the rate
    /// falls, so it trips at every swing (twice a stride, 0.55 s apart: 54 "Gently, slower" before
    /// the correction interval). Now said once, then again only at the first trip 10 s
    /// (`correctionIntervalSeconds`) after the last said: from the stand-up (the truth's walk
    /// segment begins at 329.4 s) to the walk's end (367.9 s), 38.5 s of tripping, that is
    /// 1 + ⌊38.5 / 10⌋ = 4 cues — the trips come every half stride, so each said one is less than a
    /// stride after the interval ends. The summary keeps one tooFast: one episode in one repetition.
    @Test func aStretchDuringTheWalkSaysGentlySlowerOncePerInterval() throws {
        let pair = try Self.twoSensors.get()
        let none: [String: String] = [:]
        let plan = try RoutinePlan(try RoutineLibrary.named("sciatica-daily", environment: none), sensors: .two) {
            try ExerciseLibrary.named($0, environment: none)
        }
        var events: [RoutineEvent] = []
        _ = PairedRoutineSession.replay(left: pair.readings[.left] ?? [], right: pair.readings[.right] ?? [], plan: plan,
                                        estimator: OrientationFilter()) { events.append($0) }
        var step: (number: Int, exercise: String, side: Side)?
        var said: [Double] = []
        var summaries: [SessionSummary] = []
        for e in events {
            switch e {
            case .exerciseStarted(_, let number, let exercise, let side): step = (number, exercise, side)
            case .session(.cue(let t, let cue)) where cue.correction == .tooFast:
                #expect(step?.number == 2 && step?.exercise == "piriformis" && step?.side == .left, "tooFast at \(t) s in \(String(describing: step))")
                said.append(t)
            case .exerciseEnded(_, let number, _, let summary) where number == 2: summaries.append(summary)
            default: break
            }
        }
        let truth = try #require(pair.run.truth[.left])
        let walking = try #require(Self.segment(truth, "walk", .left))
        let walk = try #require(truth.walks.first)
        let interval = try ExerciseLibrary.named("piriformis", environment: none).correctionIntervalSeconds
        #expect(interval == 10)
        let stride = 60 / walk.cadence * 2
        #expect(said.count == 1 + Int(((walk.end - walking.start) / interval).rounded(.down)), "\(said)")
        #expect(said.count == 4, "\(said)")
        for t in said { #expect(t >= walking.start && t <= walk.end, "\(t) s: outside the stand-up and walk \(walking.start)–\(walk.end) s") }
        for (a, b) in zip(said, said.dropFirst()) {
            #expect(b - a >= interval && b - a < interval + stride, "said at \(a) s and \(b) s")
        }
        let summary = try #require(summaries.first)
        #expect(summary.formErrors.filter { $0.kind == .tooFast }.count == 1, "\(summary.formErrors)")
    }
}
