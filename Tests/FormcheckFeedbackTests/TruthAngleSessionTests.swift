import FormcheckFeedback
import MotionCore
import Testing
import ThighSimulator

/// The detectors on the simulator's true angles and ideal IMU (no estimation error): every scenario
/// gives exactly its holds and its form errors.
@Suite struct TruthAngleSessionTests {
    static func session(_ name: String) throws -> (events: [SessionEvent], summary: SessionSummary, truth: ScenarioTruth) {
        let s = ScenarioLibrary.named(name)!
        let rendering = ScenarioRenderer(s).render()
        let truth = rendering.truth
        let exercise = try ExerciseLibrary.named(s.exercise)
        var session = ExerciseSession(exercise: exercise, side: s.side)
        var events: [SessionEvent] = []
        // Raw samples (the simulator's ideal IMU: steps, guidance before calibration) and the true
        // angles, in time order; calibrated from the first sample.
        let origin = rendering.ideal[0].time
        var next = 0
        for (i, var sample) in rendering.ideal.enumerated() {
            sample.time -= origin
            session.update(raw: sample, into: &events)
            if i == 0 { session.calibrated(posture: s.posture, measured: true, into: &events) }
            while next < truth.angles.t.count, truth.angles.t[next] <= sample.time {
                session.update(HipAngleSample(time: truth.angles.t[next],
                                              angles: HipAngles(flexion: truth.angles.flexion[next], adduction: truth.angles.adduction[next])),
                               into: &events)
                next += 1
            }
        }
        let summary = session.finish(into: &events)
        return (events, summary, truth)
    }

    /// Hold boundaries on simulated truth, seconds (the requirement; the code is within 0.095 s at
    /// the start and 0.03 s at the end).
    static let boundaryTolerance = 0.15

    static let stretches = ["piriformis-dualsense", "piriformis-joycon", "piriformis-short-hold", "piriformis-bouncing",
                            "piriformis-too-fast", "piriformis-not-crossed", "piriformis-syn-dropped", "hamstring-good",
                            "hamstring-shallow", "knee-to-chest", "knee-to-chest-overshoot", "strap-upside-down", "strap-slip"]

    @Test(arguments: stretches)
    func holdsAndErrorsMatchTheTruth(_ name: String) throws {
        let (_, summary, truth) = try Self.session(name)
        #expect(summary.holds.count == truth.holds.count, "\(name): holds \(summary.holds.map { ($0.start, $0.end) })")
        for (h, t) in zip(summary.holds, truth.holds) {
            #expect(abs(h.start - t.start) <= Self.boundaryTolerance, "\(name) rep \(t.rep): start \(h.start) vs \(t.start)")
            #expect(abs(h.end - t.end) <= Self.boundaryTolerance, "\(name) rep \(t.rep): end \(h.end) vs \(t.end)")
        }
        let found = summary.formErrors.map { "\($0.kind.rawValue)/\($0.rep.map(String.init) ?? "-")" }.sorted()
        let expected = truth.formErrors.filter { $0.kind != "wrongPosture" }.map { "\($0.kind)/\($0.rep.map(String.init) ?? "-")" }.sorted()
        #expect(found == expected, "\(name)")
    }

    /// Walking counts steps from the raw samples (no calibration needed): here the simulator's ideal
    /// IMU, without sensor errors.
    @Test(arguments: [("walk-brisk", 112.0), ("walk-slow", 84.0)])
    func walkingStepsAndCadence(_ name: String, _ cadence: Double) throws {
        let s = ScenarioLibrary.named(name)!
        let rendering = ScenarioRenderer(s).render()
        var session = ExerciseSession(exercise: try ExerciseLibrary.named(s.exercise), side: s.side, height: 1.75)
        var events: [SessionEvent] = []
        session.calibrated(posture: s.posture, measured: true, into: &events)
        let origin = rendering.ideal[0].time
        for var sample in rendering.ideal {
            sample.time -= origin
            session.update(raw: sample, into: &events)
        }
        let summary = session.finish(into: &events)
        let steps = try #require(summary.steps)
        let truthSteps = try #require(rendering.truth.steps)
        // Exact to one stride (2 steps): one thigh sees one swing per stride.
        #expect(abs(steps - truthSteps) <= 2, "\(name): \(steps) steps vs \(truthSteps)")
        #expect(abs(try #require(summary.cadence) - cadence) < 2)
        #expect(summary.formErrors.map(\.kind) == (cadence < 100 ? [.slowCadence] : []))
        // 60 s in gait; the pendulum model's stride from the simulated thigh's 40° range with a
        // 0.93 m leg (0.53 × 1.75 m) is 4 × 0.93 × sin 20° = 1.27 m.
        let seconds = try #require(summary.walkingSeconds)
        #expect(abs(seconds - 60) <= 1.5, "\(name): \(seconds) s in gait")
        let metres = try #require(summary.distanceMeters)
        let expected = Double(truthSteps) / 2 * 4 * 0.53 * 1.75 * (20 * Double.pi / 180).sine
        #expect(abs(metres - expected) <= 0.10 * expected, "\(name): \(metres) m vs \(expected) m")
    }
}
