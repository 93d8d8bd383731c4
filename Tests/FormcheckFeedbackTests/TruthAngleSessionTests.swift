import FormcheckFeedback
import MotionCore
import Testing
import ThighSimulator

/// The detectors on the simulator's true angles (no estimation error): every scenario gives exactly
/// its holds and its form errors.
@Suite struct TruthAngleSessionTests {
    static func session(_ name: String) throws -> (events: [SessionEvent], summary: SessionSummary, truth: ScenarioTruth) {
        let s = ScenarioLibrary.named(name)!
        let truth = ScenarioRenderer(s).render().truth
        let exercise = try ExerciseLibrary.named(s.exercise)
        var session = ExerciseSession(exercise: exercise, side: s.side)
        var events: [SessionEvent] = []
        session.calibrated(at: 0, posture: s.posture, measured: true, into: &events)
        for (i, t) in truth.angles.t.enumerated() {
            session.update(HipAngleSample(time: t, angles: HipAngles(flexion: truth.angles.flexion[i], adduction: truth.angles.adduction[i])),
                           into: &events)
        }
        let summary = session.finish(at: truth.angles.t.last!, into: &events)
        return (events, summary, truth)
    }

    static let stretches = ["piriformis-dualsense", "piriformis-joycon", "piriformis-short-hold", "piriformis-bouncing",
                            "piriformis-too-fast", "piriformis-not-crossed", "piriformis-syn-dropped", "hamstring-good",
                            "hamstring-shallow", "knee-to-chest", "knee-to-chest-overshoot", "strap-upside-down", "strap-slip"]

    @Test(arguments: stretches)
    func holdsAndErrorsMatchTheTruth(_ name: String) throws {
        let (_, summary, truth) = try Self.session(name)
        #expect(summary.holds.count == truth.holds.count, "\(name): holds \(summary.holds.map { ($0.start, $0.end) })")
        for (h, t) in zip(summary.holds, truth.holds) {
            #expect(abs(h.start - t.start) < 0.5, "\(name) rep \(t.rep): start \(h.start) vs \(t.start)")
            #expect(abs(h.end - t.end) < 0.5, "\(name) rep \(t.rep): end \(h.end) vs \(t.end)")
        }
        let found = summary.formErrors.map { "\($0.kind.rawValue)/\($0.rep.map(String.init) ?? "-")" }.sorted()
        let expected = truth.formErrors.filter { $0.kind != "wrongPosture" }.map { "\($0.kind)/\($0.rep.map(String.init) ?? "-")" }.sorted()
        #expect(found == expected, "\(name)")
    }

    @Test(arguments: [("walk-brisk", 112.0), ("walk-slow", 84.0)])
    func walkingStepsAndCadence(_ name: String, _ cadence: Double) throws {
        let (_, summary, truth) = try Self.session(name)
        let steps = try #require(summary.steps)
        let truthSteps = try #require(truth.steps)
        #expect(abs(Double(steps - truthSteps)) <= 0.02 * Double(truthSteps), "\(name): \(steps) steps vs \(truthSteps)")
        #expect(abs(try #require(summary.cadence) - cadence) < 2)
        #expect(summary.formErrors.map(\.kind) == (cadence < 100 ? [.slowCadence] : []))
    }
}
