import FormcheckFeedback
import FormcheckFormats
import MotionCore
import Testing
import ThighSimulator

/// The session pipeline (time origin, calibration backlog, session) on a recording's samples, with
/// the simulator's true orientation standing in for the filter: what the pipeline adds is tested
/// apart from the filter's own error.
@Suite struct PipelineWithTrueOrientationTests {
    @Test(arguments: ["piriformis-joycon", "piriformis-bouncing", "hamstring-shallow"])
    func recordedSamplesGiveTheTruthsHolds(_ name: String) throws {
        let scenario = ScenarioLibrary.named(name)!
        let r = ScenarioRenderer(scenario).render()
        let readings = try Recording(bytes: Array(r.evemuText().utf8), path: name).readAll().readings
        // The true orientation turned to an arbitrary heading, as a filter's earth frame would be.
        let turned = r.orientations.map { Quaternion(axis: .unitZ, angle: 2.5) * $0 }
        var pipeline = SessionPipeline(estimator: LiveSessionTests.TrueOrientation(orientations: turned, period: scenario.device.samplePeriod),
                                       exercise: try ExerciseLibrary.named(scenario.exercise), side: scenario.side)
        var events: [SessionEvent] = []
        for reading in readings { pipeline.consume(reading, into: &events) }
        let summary = pipeline.finish(into: &events)
        #expect(summary.holds.count == r.truth.holds.count)
        for (h, t) in zip(summary.holds, r.truth.holds) {
            #expect(abs(h.start - t.start) <= TruthAngleSessionTests.boundaryTolerance && abs(h.end - t.end) <= TruthAngleSessionTests.boundaryTolerance, "\(name): \(h.start)–\(h.end) vs \(t.start)–\(t.end)")
        }
        #expect(summary.formErrors.map(\.kind.rawValue).sorted() == r.truth.formErrors.map(\.kind).sorted())
        // Calibrated once, early; the summary comes last.
        #expect(events.filter { if case .calibrated = $0 { true } else { false } }.count == 1)
        if case .summary = events.last {} else { Issue.record("the last event is not the summary") }
    }
}
