import FormcheckFeedback
import FormcheckFormats
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// Strengthening exercises end to end on the simulator's strength suite (random strap orientation,
/// full consumer IMU errors): each scenario rendered, then coached twice — replayed (the recording's
/// readings through the session pipeline, as `formcheck replay`) and live (its raw events paced on a
/// fake clock through `LiveSessionRunner`, as `formcheck live`) — and held against the truth: the
/// exact number of reps, each rep's start and end within `boundaryTolerance`, its peak within
/// `peakTolerance`, its set, whether it is complete, and exactly the form errors the scenario was
/// built to show (kind and rep), no others.
/// A scenario with a calibration recording is coached with the strap's stored mounting (its posture
/// measured).
@Suite struct StrengthScenarioTests {
    /// Rep boundaries against the truth's (nominal angles leaving and re-entering 2° of the start
    /// position), seconds. The requirement (issue 11) is 0.5 s; measured over the lying suite the
    /// largest error is 0.15 s (a slowly lowered leg's end: the coach's 3° band is reached before
    /// the truth's 2°), so the test holds it to 0.25 s.
    static let boundaryTolerance = 0.25

    /// Each rep's peak flexion against the truth's (nominal) peak, degrees: measured within 1.1°
    /// over the lying suite; held to 3° (a smartphone inclinometer's MDC95 in the straight-leg raise
    /// is 3.3°). A bridge read from a mounting that is not hook-lying is 12° off.
    static let peakTolerance = 3.0

    typealias Outcome = (events: [SessionEvent], summary: SessionSummary)

    /// The stored mounting of the scenario's calibration recording (nil without one), solved as
    /// `formcheck calibrate --posture standing` does.
    static func storedMounting(_ s: Scenario) throws -> Quaternion? {
        guard s.calibration else { return nil }
        let cal = ScenarioRenderer(s.calibrationScenario).render()
        let readings = try Recording(bytes: Array(cal.evemuText().utf8), path: s.name + ".calibration").readAll().readings
        var pipeline = AnglePipeline(estimator: OrientationFilter(), posture: .standing, side: s.side)
        var angles: [HipAngleSample] = []
        for r in readings { _ = pipeline.consume(r, into: &angles) }
        return try #require(pipeline.tracker.calibration).mounting
    }

    static func pipeline(_ s: Scenario, stored: Quaternion?) throws -> SessionPipeline<OrientationFilter> {
        SessionPipeline(estimator: OrientationFilter(), exercise: try ExerciseLibrary.named(s.exercise), side: s.side, storedMounting: stored)
    }

    /// The replay path: every reading of the recording through the pipeline.
    static func replay(_ s: Scenario, _ r: ScenarioRenderer.Rendering) throws -> Outcome {
        let readings = try Recording(bytes: Array(r.evemuText().utf8), path: s.name).readAll().readings
        var p = try pipeline(s, stored: try storedMounting(s))
        var events: [SessionEvent] = []
        for reading in readings { p.consume(reading, into: &events) }
        let summary = p.finish(into: &events)
        return (events, summary)
    }

    /// The live path: the recording's raw events at their pace (a fake clock that never waits),
    /// decoded and coached by the runner as they come.
    static func live(_ s: Scenario, _ r: ScenarioRenderer.Rendering) async throws -> Outcome {
        let events = try Recording(bytes: Array(r.evemuText().utf8), path: s.name).events()
        var runner = LiveSessionRunner(pipeline: try pipeline(s, stored: try storedMounting(s)), recording: nil)
        let clock = LiveSessionTests.FakeClock()
        var emitted: [SessionEvent] = []
        let connection = LiveSessionRunner<OrientationFilter>.Connection(
            events: PacedEventSource.stream(events) { try await clock.sleep(until: $0) }, description: r.description,
            initialValues: [:], path: "/dev/input/event7", uniq: nil)
        let summary = try await runner.run(connection, reconnect: nil, emit: { e, _ in emitted.append(e) }, notice: { _ in })
        #expect(abs(clock.now - r.truth.duration) < 0.1, "paced to the end of the recording")
        return (emitted, summary)
    }

    static func check(_ name: String, _ path: String, _ o: Outcome, truth: ScenarioTruth) {
        // The peak is on the exercise's axis: flexion, or abduction (−adduction) lying on the side.
        let axis = (try? ExerciseLibrary.named(truth.exercise).reps?.axis) ?? .flexion
        let reps = o.summary.reps ?? []
        let expected = truth.reps ?? []
        #expect(reps.count == expected.count, "\(name) \(path): reps \(reps.map { ($0.start, $0.end) }) vs \(expected.map { ($0.start, $0.end) })")
        for (r, t) in zip(reps, expected) {
            #expect(r.rep == t.rep && r.set == t.set, "\(name) \(path) rep \(t.rep): rep \(r.rep) set \(r.set) vs set \(t.set)")
            #expect(abs(r.start - t.start) <= boundaryTolerance, "\(name) \(path) rep \(t.rep): start \(r.start) vs \(t.start)")
            #expect(abs(r.end - t.end) <= boundaryTolerance, "\(name) \(path) rep \(t.rep): end \(r.end) vs \(t.end)")
            let peak = axis.angle(HipAngles(flexion: t.peakFlexion, adduction: t.peakAdduction))
            #expect(abs(r.peak - peak) <= peakTolerance, "\(name) \(path) rep \(t.rep): peak \(r.peak)° vs \(peak)°")
            #expect(r.complete == t.complete, "\(name) \(path) rep \(t.rep): complete \(r.complete) vs \(t.complete)")
            #expect(r.side == t.side, "\(name) \(path) rep \(t.rep)")
        }
        // Calibrated in the exercise's posture (lying on the side the sensor leg's side says) —
        // unless the scenario is built in the wrong posture (then the stored calibration measures it).
        if !truth.formErrors.contains(where: { $0.kind == "wrongPosture" }), let p = try? ExerciseLibrary.named(truth.exercise) {
            let calibrated = o.events.compactMap { e -> Posture? in if case .calibrated(_, let posture) = e { posture } else { nil } }
            #expect(calibrated == [p.posture.withSensorLegOnTop(truth.side)], "\(name) \(path): calibrated \(calibrated)")
        }
        let found = o.summary.formErrors.map { "\($0.kind.rawValue)/\($0.rep.map(String.init) ?? "-")" }.sorted()
        let wanted = truth.formErrors.map { "\($0.kind)/\($0.rep.map(String.init) ?? "-")" }.sorted()
        #expect(found == wanted, "\(name) \(path)")
        // Each error once in the events too, as the summary has it.
        let lines = o.events.compactMap { e -> String? in
            if case .formError(_, let kind, let rep) = e { return "\(kind.rawValue)/\(rep.map(String.init) ?? "-")" }
            return nil
        }.sorted()
        #expect(lines == wanted, "\(name) \(path): formError lines")
    }

    /// Rendered once, coached both ways.
    @Test(arguments: ScenarioLibrary.strengthSuite.map(\.name))
    func replayedAndLiveSessionsMatchTheTruth(_ name: String) async throws {
        let s = try #require(ScenarioLibrary.named(name))
        let r = ScenarioRenderer(s).render()
        Self.check(name, "replay", try Self.replay(s, r), truth: r.truth)
        Self.check(name, "live", try await Self.live(s, r), truth: r.truth)
    }

    /// A rep's correction says what to change: a rep that came down too fast, "Lower slowly"; one
    /// that went up too fast, "Slower on the way up"; a bridge sagging at the top, to hold it.
    @Test(arguments: [("bridge-too-fast-down", Cue.correctRep(.tooFast, .down), "Lower slowly"),
                      ("slr-too-fast-down", .correctRep(.tooFast, .down), "Lower slowly"),
                      ("bridge-too-fast-up", .correctRep(.tooFast, .up), "Slower on the way up"),
                      ("bridge-sagging", .correctRep(.sagging, .top), "Hold the top — do not let it sink")])
    func repCorrectionsSayWhatToChange(_ name: String, _ cue: Cue, _ words: String) throws {
        let s = try #require(ScenarioLibrary.named(name))
        let r = ScenarioRenderer(s).render()
        let said = try Self.replay(s, r).events.compactMap { e -> Cue? in
            if case .cue(_, let c) = e, c.kind == .formError { return c }
            return nil
        }
        #expect(said == [cue], "\(name)")
        #expect(CueCatalogue.english.text(cue) == words)
    }

    /// Two sets of ten bridges: each complete rep counted aloud in its set, the rest announced when
    /// the tenth ends, the second set opened when the 30 s rest is over, the end of the exercise
    /// after the twentieth.
    @Test func aGoodSessionAnnouncesItsSets() throws {
        let s = try #require(ScenarioLibrary.named("bridge-good"))
        let r = ScenarioRenderer(s).render()
        let o = try Self.replay(s, r)
        let truth = try #require(r.truth.reps)
        let cues = o.events.compactMap { e -> (t: Double, cue: Cue)? in
            if case .cue(let t, let cue) = e { return (t, cue) }
            return nil
        }
        let sets = cues.filter { [.startPosition, .setDone, .switchSides, .repCount].contains($0.cue.kind) }.map(\.cue)
        let counts: [Cue] = (1...10).map { .repCount($0) }
        #expect(sets == [.beginSet(set: 1, sets: 2, reps: 10)] + counts + [.setRest(set: 1, seconds: 30), .beginSet(set: 2, sets: 2, reps: 10)]
            + counts + [.setDone(reps: 20, complete: 20, side: nil)])  // a bridge works both legs at once: no side to switch to
        // Said when the rep ends, and the next set 30 s after the tenth rep ended.
        let rest = try #require(cues.first { $0.cue == .setRest(set: 1, seconds: 30) })
        let next = try #require(cues.first { $0.cue == .beginSet(set: 2, sets: 2, reps: 10) })
        #expect(abs(rest.t - truth[9].end) <= Self.boundaryTolerance)
        #expect(abs(next.t - rest.t - 30) <= 0.05)
        #expect(CueCatalogue.english.text(rest.cue) == "Set one done — rest thirty seconds")
        #expect(CueCatalogue.english.text(next.cue) == "Set two of two: ten reps — begin")
        #expect(truth.map(\.set) == Array(repeating: 1, count: 10) + Array(repeating: 2, count: 10))
    }
}
