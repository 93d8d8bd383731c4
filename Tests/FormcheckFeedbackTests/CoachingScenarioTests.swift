import FormcheckFeedback
import FormcheckFormats
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// Coaching end to end on the simulator suite: recorded samples → live filter → calibration → hip
/// angles → session. Every scenario gives exactly its holds (start and end within 0.15 s), its form
/// errors and no others, steps within 2 % and cadence within 2 steps/min.
@Suite struct CoachingScenarioTests {
    typealias Session = (events: [SessionEvent], summary: SessionSummary, truth: ScenarioTruth)

    /// The sessions of the library's scenarios without a stored calibration, which this suite and
    /// CoachingGoldenTests both check: computed once.
    static let librarySessions = ComputedOnce<Session>()

    static func run(_ scenario: Scenario, stored: Quaternion? = nil) throws -> Session {
        if stored == nil, ScenarioLibrary.named(scenario.name) == scenario {
            return try librarySessions.value(scenario.name) { try compute(scenario, stored: nil) }
        }
        return try compute(scenario, stored: stored)
    }

    static func compute(_ scenario: Scenario, stored: Quaternion?) throws -> Session {
        let r = ScenarioRenderer(scenario).render()
        let readings = try Recording(bytes: Array(r.evemuText().utf8), path: scenario.name).readAll().readings
        var pipeline = SessionPipeline(estimator: OrientationFilter(), exercise: try ExerciseLibrary.named(scenario.exercise),
                                       side: scenario.side, storedMounting: stored)
        var events: [SessionEvent] = []
        for reading in readings { pipeline.consume(reading, into: &events) }
        let summary = pipeline.finish(into: &events)
        return (events, summary, r.truth)
    }

    static func check(_ name: String, _ result: (events: [SessionEvent], summary: SessionSummary, truth: ScenarioTruth),
                      ignoring: Set<String> = []) {
        let (_, summary, truth) = result
        #expect(summary.holds.count == truth.holds.count, "\(name): holds \(summary.holds.map { ($0.start, $0.end) }) vs \(truth.holds.map { ($0.start, $0.end) })")
        for (h, t) in zip(summary.holds, truth.holds) {
            #expect(abs(h.start - t.start) <= TruthAngleSessionTests.boundaryTolerance, "\(name) rep \(t.rep): start \(h.start) vs \(t.start)")
            #expect(abs(h.end - t.end) <= TruthAngleSessionTests.boundaryTolerance, "\(name) rep \(t.rep): end \(h.end) vs \(t.end)")
        }
        let found = summary.formErrors.map { "\($0.kind.rawValue)/\($0.rep.map(String.init) ?? "-")" }.sorted()
        let expected = truth.formErrors.filter { !ignoring.contains($0.kind) }.map { "\($0.kind)/\($0.rep.map(String.init) ?? "-")" }.sorted()
        #expect(found == expected, "\(name)")
        if let steps = truth.steps, let cadence = truth.cadence {
            let s = summary.steps ?? 0
            // One thigh sees one swing per stride: at a walk's start and end a stride may or may not be
            // complete, so the count is exact to one stride (2 steps).
            #expect(abs(s - steps) <= 2, "\(name): \(s) steps vs \(steps)")
            #expect(abs((summary.cadence ?? 0) - cadence) <= 2, "\(name): cadence \(summary.cadence ?? 0) vs \(cadence)")
        }
    }

    @Test(arguments: ScenarioLibrary.all.map(\.name).filter { $0 != "piriformis-standing" })
    func everyScenarioIsRight(_ name: String) throws {
        Self.check(name, try Self.run(ScenarioLibrary.named(name)!))
    }

    /// Two holds released early (the strap-slip scenario's knee-to-chest holds, 31 s each, coached
    /// as the piriformis stretch's 60 s holds): the set is counted, not praised.
    @Test func aSetOfHoldsReleasedEarlyIsCountedNotPraised() throws {
        let s = ScenarioLibrary.named("strap-slip")!
        let r = ScenarioRenderer(s).render()
        let readings = try Recording(bytes: Array(r.evemuText().utf8), path: s.name).readAll().readings
        var pipeline = SessionPipeline(estimator: OrientationFilter(), exercise: try ExerciseLibrary.named("piriformis"), side: .right)
        var events: [SessionEvent] = []
        for reading in readings { pipeline.consume(reading, into: &events) }
        let summary = pipeline.finish(into: &events)
        #expect(summary.holds.count == 2)
        #expect(summary.holds.allSatisfy { !$0.complete })
        let closing = events.compactMap { e -> Cue? in
            if case .cue(_, let cue) = e, case .setDone = cue { return cue }
            return nil
        }
        #expect(closing == [.setDone(reps: 2, complete: 0, side: .right)])
        #expect(closing.map(CueCatalogue.english.text) == ["That is two on the right — next time, hold each one fully"])
    }

    /// Standing instead of lying: without a stored calibration it cannot be seen (the first rest is
    /// taken as the protocol's neutral); with the strap's calibration recording it is `wrongPosture`.
    @Test func standingInsteadOfLyingNeedsTheCalibration() throws {
        let s = ScenarioLibrary.named("piriformis-standing")!
        let blind = try Self.run(s)
        #expect(!blind.summary.formErrors.contains { $0.kind == .wrongPosture })
        // The calibration recording made with the same strap.
        let cal = ScenarioRenderer(s.calibrationScenario).render()
        let readings = try Recording(bytes: Array(cal.evemuText().utf8), path: "cal").readAll().readings
        var pipeline = AnglePipeline(estimator: OrientationFilter(), posture: .standing, side: s.side)
        var angles: [HipAngleSample] = []
        for r in readings { _ = pipeline.consume(r, into: &angles) }
        let mounting = try #require(pipeline.tracker.calibration).mounting
        let result = try Self.run(s, stored: mounting)
        #expect(result.events.contains { if case .calibrated(_, .standing) = $0 { true } else { false } })
        Self.check(s.name, result)
    }
}
