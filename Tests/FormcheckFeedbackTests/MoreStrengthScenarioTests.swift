import FormcheckFeedback
import FormcheckInput
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// Clamshells, side-lying leg lifts, bird-dogs and sit-to-stands end to end on the simulator
/// (`ScenarioLibrary.moreStrengthSuite`: random strap orientation, full consumer IMU errors, both
/// sides lying on the side): rendered, read back from the evemu text, coached as `formcheck replay`
/// does (live filter, strap calibration from the exercise's posture and movement axis). Against the
/// truth: the exact number of reps, each rep's start and end within `boundaryTolerance`, each rep's
/// completeness, and exactly the scenario's form errors (none else).
@Suite struct MoreStrengthScenarioTests {
    /// Rep boundaries against the truth's (2° from the start position), seconds. Measured over the
    /// suite: starts 0.10–0.33 s late (the 2 Hz smoothing, and the 3° band against the truth's 2°),
    /// ends up to 0.30 s late (a sit-to-stand dropping into the chair).
    static let boundaryTolerance = 0.5

    static func run(_ scenario: Scenario) throws -> (summary: SessionSummary, truth: ScenarioTruth, calibration: StrapCalibration?) {
        let r = ScenarioRenderer(scenario).render()
        let readings = try Recording(bytes: Array(r.evemuText().utf8), path: scenario.name).readAll().readings
        var pipeline = SessionPipeline(estimator: OrientationFilter(), exercise: try ExerciseLibrary.named(scenario.exercise),
                                       side: scenario.side)
        var events: [SessionEvent] = []
        for reading in readings { pipeline.consume(reading, into: &events) }
        let summary = pipeline.finish(into: &events)
        return (summary, r.truth, pipeline.angles.tracker.calibration)
    }

    @Test(arguments: ScenarioLibrary.moreStrengthSuite.map(\.name))
    func everyRepAndEveryErrorAsTheTruthHasThem(_ name: String) throws {
        let s = try #require(ScenarioLibrary.named(name))
        let (summary, truth, calibration) = try Self.run(s)
        // Calibrated live (a sure mounting), lying on the side the sensor leg's side says.
        let c = try #require(calibration, "\(name): never calibrated")
        #expect(c.posture == (try ExerciseLibrary.named(s.exercise)).posture.withSensorLegOnTop(s.side), "\(name)")
        let reps = summary.reps ?? []
        let expected = try #require(truth.reps)
        #expect(reps.count == expected.count, "\(name): \(reps.count) reps vs \(expected.count)")
        for (rep, t) in zip(reps, expected) {
            #expect(abs(rep.start - t.start) <= Self.boundaryTolerance, "\(name) rep \(t.rep): start \(rep.start) vs \(t.start)")
            #expect(abs(rep.end - t.end) <= Self.boundaryTolerance, "\(name) rep \(t.rep): end \(rep.end) vs \(t.end)")
            #expect(rep.complete == t.complete, "\(name) rep \(t.rep): complete \(rep.complete) vs \(t.complete)")
            #expect(rep.set == t.set, "\(name) rep \(t.rep): set \(rep.set) vs \(t.set)")
        }
        let found = summary.formErrors.map { "\($0.kind.rawValue)/\($0.rep.map(String.init) ?? "-")" }.sorted()
        let wanted = truth.formErrors.map { "\($0.kind)/\($0.rep.map(String.init) ?? "-")" }.sorted()
        #expect(found == wanted, "\(name)")
    }

    /// The strap calibration lying on the side, over random strap orientations (12 seeds, each
    /// side): three clamshells (the hips bent 45°, opening 25° of abduction). With the exercise's
    /// movement axis (abduction) the whole mounting is found within 7° (the angle requirement for
    /// rests; measured 0.3–5.3°) and the adduction follows the truth within 3° RMS (measured
    /// 0.15–2.06°). Taken as flexion — the solver's old assumption — the femur is still found (the
    /// side-lying terms see abduction from gravity alone) but the strap is read turned about it by
    /// some 90° (measured 87.7–91.6°): its roll and flexion would be wrong.
    @Test(arguments: 0..<12)
    func sideLyingMountingFromRandomStraps(_ k: Int) throws {
        for side in Side.allCases {
            let s = Scenario(name: "clamshell-seed-\(k)", summary: "three clamshells, random strap", exercise: "clamshell", side: side,
                             posture: side == .right ? .sideLying : .sideLyingRight, device: k % 2 == 0 ? .dualSenseUSB : .joyConLeft,
                             seed: 4100 + UInt64(k), steps: [.move(flexion: 45, adduction: nil, rotation: nil, duration: 1.5), .rest(4)]
                                 + (0..<3).flatMap { _ in
                                     [ScenarioStep.move(flexion: nil, adduction: -25, rotation: nil, duration: 2), .hold(duration: 1.2, sway: 0.3),
                                      .move(flexion: nil, adduction: 0, rotation: nil, duration: 2), .rest(1.5)]
                                 } + [.rest(2)])
            let r = ScenarioRenderer(s).render()
            let readings = try Recording(bytes: Array(r.evemuText().utf8), path: s.name).readAll().readings
            let m = r.truth.mounting
            let truth = Quaternion(w: m[0], x: m[1], y: m[2], z: m[3])
            func solve(_ movement: MovementAxis) -> (mounting: Double, rms: Double)? {
                let series = AngleSeries.compute(readings: readings, mode: .live, side: side, posture: s.posture, axis: movement)
                guard let c = series.calibration, !series.angles.isEmpty else { return nil }
                var sum = 0.0
                for a in series.angles {
                    let i = min(r.truth.angles.t.count - 1, Int((a.time * ScenarioRenderer.truthRate).rounded()))
                    let d = a.angles.adduction - r.truth.angles.adduction[i]
                    sum += d * d
                }
                return ((c.mounting * truth.conjugate).normalized.angle.degrees, (sum / Double(series.angles.count)).squareRoot())
            }
            let right = try #require(solve(.abduction), "seed \(k) \(side): never calibrated")
            #expect(right.mounting < 7 && right.rms < 3, "seed \(k) \(side): mounting \(right.mounting)° off, adduction RMS error \(right.rms)°")
            let wrong = solve(.flexion)
            #expect(wrong.map { $0.mounting > 45 } ?? true, "seed \(k) \(side): as flexion the mounting is \(wrong?.mounting ?? -1)° off")
        }
    }
}
