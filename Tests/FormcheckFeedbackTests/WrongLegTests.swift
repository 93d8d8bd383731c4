import FormcheckFeedback
import FormcheckFormats
import MotionCore
import Testing
import ThighSimulator

/// The sensor on the other leg: a left-leg piriformis session coached as the right leg. The
/// crossing shows as adduction the wrong way, so every hold is `notCrossed` and the user is told
/// once which leg the sensor seems to be on; coached as the left leg, the same recording is right.
@Suite struct WrongLegTests {
    static func coach(_ scenario: Scenario, as side: Side) throws -> (events: [SessionEvent], summary: SessionSummary) {
        let r = ScenarioRenderer(scenario).render()
        let readings = try Recording(bytes: Array(r.evemuText().utf8), path: scenario.name).readAll().readings
        var pipeline = SessionPipeline(estimator: OrientationFilter(), exercise: try ExerciseLibrary.named("piriformis"), side: side)
        var events: [SessionEvent] = []
        for reading in readings { pipeline.consume(reading, into: &events) }
        let summary = pipeline.finish(into: &events)
        return (events, summary)
    }

    @Test func theOtherLegIsSaidOnce() throws {
        var s = try #require(ScenarioLibrary.named("piriformis-joycon"))
        s.side = .left
        let wrong = try Self.coach(s, as: .right)
        #expect(wrong.summary.holds.count == 2)
        #expect(wrong.summary.formErrors.map(\.kind) == [.notCrossed, .notCrossed])
        let said = wrong.events.compactMap { e -> Cue? in if case .cue(_, let cue) = e, cue.kind == .wrongSide { cue } else { nil } }
        #expect(said == [.wrongSide(.left)])
        let right = try Self.coach(s, as: .left)
        #expect(right.summary.holds.count == 2)
        #expect(right.summary.formErrors.isEmpty)
        #expect(!right.events.contains { if case .cue(_, let cue) = $0 { cue.kind == .wrongSide } else { false } })
    }
}
