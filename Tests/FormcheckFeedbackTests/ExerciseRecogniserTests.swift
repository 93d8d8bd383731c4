import FormcheckFeedback
import FormcheckInput
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// Exercise recognition on the simulator's scenarios (rendered, read back, one live-filter pass):
/// every scenario of the coaching and strengthening suites whose exercise is a protocol is
/// recognised as its own exercise — surely when done right, at least likely with a form error —
/// and never as clearly another one (so `--exercise` with the right name never says
/// `wrongExercise`); the confusable pairs are told apart by the terms that should tell them apart,
/// with at least the sure margin.
@Suite struct ExerciseRecogniserTests {
    /// The built-in protocols only (no user folder: a test must not read the tester's files).
    static let library: [ExerciseProtocol] = {
        let env = ["XDG_CONFIG_HOME": "/nonexistent/formcheck-tests"]
        return ExerciseLibrary.names.compactMap { try? ExerciseLibrary.named($0, environment: env) }
    }()

    static let rules = RecognitionRules()

    /// Every scenario of the suites whose exercise is a protocol (new scenarios join by themselves).
    static let scenarios = (ScenarioLibrary.all + ScenarioLibrary.strengthSuite)
        .filter { s in library.contains { $0.name == s.exercise } }.map(\.name)

    static func readings(_ s: Scenario) throws -> [SensorReading] {
        let r = ScenarioRenderer(s).render()
        return try Recording(bytes: Array(r.evemuText().utf8), path: s.name).readAll().readings
    }

    static func recognise(_ s: Scenario, stored: Quaternion? = nil) throws -> ExerciseRecognition {
        ExerciseRecogniser.recognise(readings: try readings(s), side: s.side, storedMounting: stored, among: library)
    }

    static let memo = RecognitionMemo()

    /// A built-in scenario's recognition (rendered once for the whole suite).
    static func recognise(_ name: String) throws -> ExerciseRecognition {
        let s = try #require(ScenarioLibrary.named(name))
        return try memo.recognition(name) { try recognise(s) }
    }

    static func describe(_ r: ExerciseRecognition) -> String {
        r.candidates.map { c in
            "\(c.exercise) \(String(format: "%.2f", c.cost)) [" + c.terms.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \(String(format: "%.2f", $0.value))" }.joined(separator: ", ") + "]"
        }.joined(separator: "; ")
    }

    @Test func theSuitesHaveScenariosOfEveryKind() {
        // The parameterised test below covers holds, reps and walking.
        let kinds = Set(Self.scenarios.compactMap { n in Self.library.first { $0.name == ScenarioLibrary.named(n)?.exercise }?.kind })
        #expect(kinds == [.stretch, .strength, .walk])
    }

    @Test(arguments: scenarios)
    func eachScenarioIsItsOwnExercise(_ name: String) throws {
        let s = try #require(ScenarioLibrary.named(name))
        let r = try Self.recognise(name)
        #expect(r.exercise == s.exercise, "\(name): \(Self.describe(r))")
        // Done right: sure. With a form error (not crossed, sagging, the wrong posture…) the
        // movement is partly another's: at least likely.
        let wanted: ExerciseRecognition.Confidence = s.expectedErrors.isEmpty ? .sure : .likely
        #expect(r.confidence >= wanted, "\(name): \(r.confidence), margin \(r.margin): \(Self.describe(r))")
        #expect(!r.isClearlyNot(s.exercise), "\(name)")
        // The words name the exercise and the confidence.
        #expect(CueCatalogue.english.recognition(r).hasPrefix("\(s.exercise) (\(r.confidence.rawValue): "))
    }

    /// The piriformis done standing is the piriformis in the wrong posture (`wrongPosture`, which
    /// the strap's calibration shows), not another exercise — with the calibration too.
    @Test func theWrongPostureIsNotTheWrongExercise() throws {
        let s = try #require(ScenarioLibrary.named("piriformis-standing"))
        let cal = ScenarioRenderer(s.calibrationScenario).render()
        let readings = try Recording(bytes: Array(cal.evemuText().utf8), path: "cal").readAll().readings
        var pipeline = AnglePipeline(estimator: OrientationFilter(), posture: .standing, side: s.side)
        var angles: [HipAngleSample] = []
        for r in readings { _ = pipeline.consume(r, into: &angles) }
        let mounting = try #require(pipeline.tracker.calibration).mounting
        let r = try Self.recognise(s, stored: mounting)
        #expect(r.exercise == "piriformis", "\(Self.describe(r))")
        #expect(r.confidence >= .likely)
        #expect(!r.isClearlyNot("piriformis"))
    }

    /// Hamstring stretch against straight-leg raise: both lift the straight leg lying on the back;
    /// the stretch holds, the raise repeats. Each is told from the other by the hold (the raise's
    /// `top` term, the stretch's `noHolds` term), by at least the sure margin.
    @Test func aHoldIsNotARep() throws {
        let stretch = try Self.recognise("hamstring-good")
        let asRaise = try #require(stretch.candidate("straight-leg-raise"))
        #expect(stretch.exercise == "hamstring")
        #expect(asRaise.cost - stretch.best!.cost >= Self.rules.sureMargin, "\(Self.describe(stretch))")
        // The hold is a top far longer than the raise's second: the term at its cap.
        #expect(asRaise.terms[.top] == Self.rules.termCap * Self.rules.weights.top, "\(Self.describe(stretch))")

        // Ten straight-leg raises to 35° with a second's pause (the protocol's numbers; no such
        // scenario in the suites yet).
        let rep: [ScenarioStep] = [.move(flexion: 35, adduction: nil, rotation: nil, duration: 1.5), .hold(duration: 1, sway: 0.3),
                                   .move(flexion: 0, adduction: nil, rotation: nil, duration: 2), .rest(1.5)]
        let raises = Scenario(name: "slr-test", summary: "ten straight-leg raises", exercise: "straight-leg-raise", posture: .supine,
                              device: .dualSenseUSB, seed: 901, steps: [.rest(4)] + (0..<10).flatMap { _ in rep } + [.rest(3)])
        let reps = try Self.recognise(raises)
        #expect(reps.exercise == "straight-leg-raise", "\(Self.describe(reps))")
        #expect(reps.confidence == .sure, "\(Self.describe(reps))")
        let asStretch = try #require(reps.candidate("hamstring"))
        #expect(asStretch.cost - reps.best!.cost >= Self.rules.sureMargin)
        #expect(asStretch.terms.max { $0.value < $1.value }?.key == .noHolds, "\(Self.describe(reps))")
    }

    /// Piriformis against knee-to-chest: both pull the thigh towards the chest lying on the back;
    /// the piriformis pauses at 45° and crosses the leg over, and holds lower (60° against 90°).
    @Test func aCrossedLegIsThePiriformis() throws {
        let piriformis = try Self.recognise("piriformis-dualsense")
        let asKneeToChest = try #require(piriformis.candidate("knee-to-chest"))
        #expect(piriformis.exercise == "piriformis")
        #expect(asKneeToChest.cost - piriformis.best!.cost >= 2 * Self.rules.sureMargin, "\(Self.describe(piriformis))")
        #expect((asKneeToChest.terms[.crossed] ?? 0) > 0 && (asKneeToChest.terms[.pauseOnTheWay] ?? 0) > 0)
        let crossing = try #require(piriformis.best?.observed.crossing)
        #expect(abs(crossing - 20) < 3, "crossing \(crossing)°: the scenario crosses 20°")

        let kneeToChest = try Self.recognise("knee-to-chest")
        let asPiriformis = try #require(kneeToChest.candidate("piriformis"))
        #expect(kneeToChest.exercise == "knee-to-chest")
        #expect(asPiriformis.cost - kneeToChest.best!.cost >= 2 * Self.rules.sureMargin, "\(Self.describe(kneeToChest))")
        #expect((asPiriformis.terms[.notCrossed] ?? 0) > 0 && (asPiriformis.terms[.noStartBand] ?? 0) > 0)
        // Held at 110°: knee-to-chest's 90° is nearer below it than the hamstring's 45°.
        let hamstring = try #require(kneeToChest.candidate("hamstring"))
        #expect((hamstring.terms[.holdAngle] ?? 0) - (kneeToChest.best!.terms[.holdAngle] ?? 0) >= Self.rules.sureMargin)
        let held = try #require(kneeToChest.best?.observed.holdAngle)
        #expect(abs(held - 110) < 3, "held at \(held)°: the scenario holds 110°")
    }

    /// Bridge against straight-leg raise: with the posture unseen, a bridge's thigh falling 33° from
    /// 45° reads like a raise of 33° from 0°; the 2 s pause at the top (against 1 s) tells them apart.
    @Test func aBridgeIsToldFromALegRaiseByItsPause() throws {
        let r = try Self.recognise("bridge-good")
        let asRaise = try #require(r.candidate("straight-leg-raise"))
        #expect(r.exercise == "bridge")
        #expect(asRaise.cost - r.best!.cost >= Self.rules.sureMargin, "\(Self.describe(r))")
        #expect(asRaise.terms.max { $0.value < $1.value }?.key == .top)
        let range = try #require(r.best?.observed.range)
        #expect(abs(range - 33) < 2, "range \(range)°: the scenario goes from 45° to 12°")
    }

    /// Lying still: nothing to tell the exercises apart by — unsure, and no `wrongExercise` for any.
    @Test func stillnessIsUnsure() throws {
        let still = Scenario(name: "still-test", summary: "lying still", exercise: "hamstring", posture: .supine,
                             device: .dualSenseUSB, seed: 902, steps: [.rest(20)])
        let r = try Self.recognise(still)
        #expect(r.confidence == .unsure, "\(Self.describe(r))")
        #expect(Self.library.allSatisfy { !r.isClearlyNot($0.name) })
    }

    /// `wrongExercise` is said when the named exercise does not fit and another one surely does: a
    /// bridge named as a hamstring stretch, walking named as a bridge — not a hamstring stretch
    /// named knee-to-chest (a shallow knee-to-chest: its own `shallow` error says so).
    @Test func theWrongExerciseIsOnlyTheClearlyWrongOne() throws {
        let bridge = try Self.recognise("bridge-good")
        #expect(bridge.isClearlyNot("hamstring") && bridge.isClearlyNot("piriformis") && bridge.isClearlyNot("walk"))
        let walk = try Self.recognise("walk-brisk")
        #expect(walk.isClearlyNot("bridge") && walk.isClearlyNot("knee-to-chest"))
        let hamstring = try Self.recognise("hamstring-good")
        #expect(!hamstring.isClearlyNot("knee-to-chest"), "\(Self.describe(hamstring))")
        #expect(hamstring.isClearlyNot("bridge"))
    }

    /// In a session: walking named as a hamstring stretch is `wrongExercise` once (the steps and the
    /// recogniser both say so), the recognition is one `exerciseRecognised` line just before the
    /// summary, and the lines keep the contract.
    @Test func aSessionSaysTheWrongExerciseOnce() throws {
        let s = try #require(ScenarioLibrary.named("walk-brisk"))
        let readings = try Self.readings(s)
        let r = ExerciseRecogniser.recognise(readings: readings, side: s.side, among: Self.library)
        var pipeline = SessionPipeline(estimator: OrientationFilter(), exercise: try #require(Self.library.first { $0.name == "hamstring" }),
                                       side: s.side)
        var events: [SessionEvent] = []
        for reading in readings { pipeline.consume(reading, into: &events) }
        let before = events.count
        pipeline.recognised(r, announce: true, into: &events)
        let summary = pipeline.finish(into: &events)
        #expect(summary.formErrors.filter { $0.kind == .wrongExercise }.count == 1)
        let lines = events.map(\.jsonLine)
        try SessionEventJSON.validate(session: lines)
        let recognised = lines.filter { $0.contains(#""type":"exerciseRecognised""#) }
        #expect(recognised.count == 1)
        #expect(recognised.first?.contains(#""exercise":"walk""#) == true && recognised.first?.contains(#""confidence":"sure""#) == true)
        #expect(events[before...].contains { if case .exerciseRecognised = $0 { true } else { false } })
    }
}
