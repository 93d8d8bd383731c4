import FormcheckFeedback
import FormcheckFormats
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

    /// Two rep protocols that one thigh sensor without a strap calibration cannot tell apart: each
    /// done exactly by its own numbers reads as the other for less than `sureMargin` (range short
    /// by `rangeTolerance` or beyond by `overshootBeyond`, top short by `holdGrace` or long by
    /// `topRoom`, as the recogniser scores them). The sensor sees neither the posture, nor which of
    /// the thigh's axes it turns about, nor the direction from the start (the strap may sit any way
    /// round: each protocol's solve fits its own posture, axis and direction at no cost), so a
    /// bridge (45° → 12°), a straight-leg raise (0° → 35°) and a side-lying leg lift (0° → 30°
    /// abduction), each with a 2 s pause, are one movement to it: a lift of 30–35° about a horizontal
    /// axis. A strap calibration tells the bridge from the others (`theStrapCalibrationShowsTheHookLying`).
    static func twins(_ a: ExerciseProtocol, _ b: ExerciseProtocol) -> Bool {
        guard a.name != b.name, let ra = a.reps, let rb = b.reps else { return false }
        func misfit(_ x: ExerciseProtocol.RepRules, as y: ExerciseProtocol.RepRules) -> Double {
            let (q, range) = (abs(x.topAngle - x.startAngle), abs(y.topAngle - y.startAngle))
            let beyond = y.overshootBeyond > 0 ? y.overshootBeyond : y.rangeTolerance
            let short = y.holdGrace > 0 ? y.holdGrace : rules.topScale
            return max(0, range - q) / y.rangeTolerance + max(0, q - range) / beyond
                + max(0, y.holdSeconds - x.holdSeconds) / short + max(0, x.holdSeconds - y.holdSeconds) / max(y.holdSeconds, rules.topRoom)
        }
        return misfit(ra, as: rb) < rules.sureMargin && misfit(rb, as: ra) < rules.sureMargin
    }

    static func twins(of name: String) -> Set<String> {
        guard let p = library.first(where: { $0.name == name }) else { return [] }
        return Set(library.filter { twins(p, $0) }.map(\.name))
    }

    /// A recording is recognised from its first `limit` seconds (`RecordingOverview.defaultLimit`:
    /// 30 min), fed reading by reading: what the recogniser keeps is bounded by the limit, not by
    /// the recording's length, and the result is exactly that of the recording cut at the limit.
    @Test func aLongRecordingIsRecognisedFromItsFirstPartInBoundedMemory() throws {
        let s = try #require(ScenarioLibrary.named("piriformis-dualsense"))
        let readings = try Self.readings(s)
        let first = try #require(readings.lazy.compactMap { r -> Double? in if case .sample(let x) = r { x.time } else { nil } }.first)
        let limit = 60.0
        var overview = RecordingOverview(side: s.side, limit: limit)
        var fed = 0
        for r in readings where !overview.isFull {
            overview.consume(r)
            fed += 1
        }
        overview.finish()
        #expect(overview.isFull && fed < readings.count)
        // One orientation every `interval` (0.05 s; 0.052 s at 250 Hz), for the limit's seconds at most.
        #expect(overview.orientations.count <= Int(limit / overview.interval) + 1)
        #expect(overview.orientations.count >= Int(limit / (overview.interval + 0.004)))
        #expect(overview.duration <= limit && overview.duration > limit - 0.1)
        // The same as recognising the recording cut at the limit.
        let cut = Array(readings.prefix { r in if case .sample(let x) = r { x.time - first <= limit } else { true } })
        let whole = RecordingOverview(readings: cut, side: s.side, limit: .infinity)
        #expect(whole.samples == overview.samples)
        #expect(ExerciseRecogniser.recognise(overview, among: Self.library) == ExerciseRecogniser.recognise(whole, among: Self.library))
        // The built-in scenarios are all shorter than the default limit: recognised whole.
        #expect(s.duration < RecordingOverview.defaultLimit)
    }

    @Test func theTwinsAreTheLyingLifts() {
        // From the protocol files' numbers: the lifts of 30–35° with a 2 s pause; not the clamshell
        // (25°, 1.5 s: a leg lift read as a clamshell misses its pause), not the 90° reps.
        #expect(Self.twins(of: "bridge") == ["straight-leg-raise", "side-lying-abduction"])
        #expect(Self.twins(of: "straight-leg-raise") == ["bridge", "side-lying-abduction"])
        #expect(Self.twins(of: "clamshell").isEmpty && Self.twins(of: "bird-dog").isEmpty && Self.twins(of: "sit-to-stand").isEmpty)
        #expect(Self.twins(of: "hamstring").isEmpty)
    }

    @Test(arguments: scenarios)
    func eachScenarioIsItsOwnExercise(_ name: String) throws {
        let s = try #require(ScenarioLibrary.named(name))
        let r = try Self.recognise(name)
        // Never clearly another exercise (so `--exercise` with the right name never says `wrongExercise`).
        #expect(!r.isClearlyNot(s.exercise), "\(name)")
        // The words name the exercise and the confidence.
        #expect(CueCatalogue.english.recognition(r).hasPrefix("\(r.exercise ?? "") (\(r.confidence.rawValue): "))
        if s.expectedErrors.contains(where: { $0.kind == "wrongPosture" }) {
            // Done in another posture the movement may be no rep of the exercise at all (the bridge
            // tried sitting: 4.5° pushes): named, or unsure — the posture is coaching's to say (with
            // the calibration: `wrongPosture`).
            #expect(r.exercise == s.exercise || r.confidence == .unsure, "\(name): \(Self.describe(r))")
            return
        }
        let twins = Self.twins(of: s.exercise)
        if !twins.isEmpty {
            // A twin's movement: the best is it or a twin, never surely a twin; done right (its own
            // numbers) it is the nearest.
            #expect(r.exercise == s.exercise || twins.contains(r.exercise ?? ""), "\(name): \(Self.describe(r))")
            if r.exercise != s.exercise { #expect(r.confidence == .unsure, "\(name): \(Self.describe(r))") }
            if s.expectedErrors.isEmpty { #expect(r.exercise == s.exercise, "\(name): \(Self.describe(r))") }
            // Done right, every exercise but the twins is told apart from it, at least likely.
            let own = try #require(r.candidate(s.exercise))
            for c in r.candidates where s.expectedErrors.isEmpty && c.exercise != s.exercise && !twins.contains(c.exercise) {
                #expect(c.cost - own.cost >= Self.rules.likelyMargin, "\(name): \(c.exercise): \(Self.describe(r))")
            }
            return
        }
        #expect(r.exercise == s.exercise, "\(name): \(Self.describe(r))")
        // Done right: sure. With a form error (not crossed, sagging…) the movement is partly
        // another's: at least likely.
        let wanted: ExerciseRecognition.Confidence = s.expectedErrors.isEmpty ? .sure : .likely
        #expect(r.confidence >= wanted, "\(name): \(r.confidence), margin \(r.margin): \(Self.describe(r))")
    }

    /// With a strap calibration (`formcheck calibrate`: standing, a knee raise) the mounting is
    /// known, so where the femur rests shows: a bridge (thigh 45° up) is told from a straight-leg
    /// raise (thigh flat) surely, both ways. Lying on the back against lying on the side is still
    /// unseen: the two differ at rest only in the thigh's turn about its own axis, which hip flexion
    /// and adduction leave out (a raise reads as 35° of abduction lying on the side).
    @Test(arguments: ["bridge-good", "bridge-left", "slr-left"])
    func theStrapCalibrationShowsTheHookLying(_ name: String) throws {
        let s = try #require(ScenarioLibrary.named(name))
        let r = try Self.recognise(s, stored: try Self.calibration(s))
        #expect(r.exercise == s.exercise, "\(name): \(Self.describe(r))")
        let other = try #require(r.candidate(s.exercise == "bridge" ? "straight-leg-raise" : "bridge"))
        #expect(other.cost - r.best!.cost >= Self.rules.sureMargin, "\(name): \(Self.describe(r))")
        // The bridge has no twin left; the raise keeps the side-lying leg lift.
        if s.exercise == "bridge" { #expect(r.confidence == .sure, "\(name): margin \(r.margin): \(Self.describe(r))") }
    }

    /// The mounting `formcheck calibrate` finds in a scenario's calibration recording.
    static func calibration(_ s: Scenario) throws -> Quaternion {
        let cal = ScenarioRenderer(s.calibrationScenario).render()
        let readings = try Recording(bytes: Array(cal.evemuText().utf8), path: "cal").readAll().readings
        var pipeline = AnglePipeline(estimator: OrientationFilter(), posture: .standing, side: s.side)
        var angles: [HipAngleSample] = []
        for r in readings { _ = pipeline.consume(r, into: &angles) }
        return try #require(pipeline.tracker.calibration).mounting
    }

    /// The piriformis done standing is the piriformis in the wrong posture (`wrongPosture`, which
    /// the strap's calibration shows), not another exercise — with the calibration too.
    @Test func theWrongPostureIsNotTheWrongExercise() throws {
        let s = try #require(ScenarioLibrary.named("piriformis-standing"))
        let mounting = try Self.calibration(s)
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

        // Ten straight-leg raises to 35° with the protocol's 2 s pause (the suites' raises are
        // lowered in 3 s; these in 2).
        let rep: [ScenarioStep] = [.move(flexion: 35, adduction: nil, rotation: nil, duration: 1.5), .hold(duration: 2, sway: 0.3),
                                   .move(flexion: 0, adduction: nil, rotation: nil, duration: 2), .rest(1.5)]
        let raises = Scenario(name: "slr-test", summary: "ten straight-leg raises", exercise: "straight-leg-raise", posture: .supine,
                              device: .dualSenseUSB, seed: 901, steps: [.rest(4)] + (0..<10).flatMap { _ in rep } + [.rest(3)])
        let reps = try Self.recognise(raises)
        // A rep, not a hold: the raise or one of its twins (the same lift to an uncalibrated sensor).
        #expect(reps.exercise == "straight-leg-raise", "\(Self.describe(reps))")
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
    /// 45° is a raise of 33° from 0° — each protocol's own solve reads its own direction, at no cost
    /// to the strap calibration, and both pause 2 s. Only the range (33° against 35°) is left: the
    /// bridge is the nearer, but unsure, and neither is ever clearly not the other.
    @Test func aBridgeAndALegRaiseAreTheSameLiftUncalibrated() throws {
        let r = try Self.recognise("bridge-good")
        let bridge = try #require(r.candidate("bridge")), asRaise = try #require(r.candidate("straight-leg-raise"))
        #expect(r.exercise == "bridge")
        #expect(r.confidence == .unsure, "\(Self.describe(r))")
        #expect(!r.isClearlyNot("straight-leg-raise"))
        // Both solves fit without cost, and read the lift in their own direction: the same range.
        #expect((bridge.terms[.posture] ?? 0) < 0.05 && (asRaise.terms[.posture] ?? 0) < 0.05, "\(Self.describe(r))")
        let range = try #require(bridge.observed.range), raised = try #require(asRaise.observed.range)
        #expect(abs(range - 33) < 2, "range \(range)°: the scenario goes from 45° to 12°")
        #expect(abs(raised - range) < 1, "\(raised)° against \(range)°")
        // The tops are one pause to both protocols (2 s).
        #expect(bridge.terms[.top] == asRaise.terms[.top])
        let raise = try Self.recognise("slr-good")
        #expect(raise.exercise == "straight-leg-raise" && raise.confidence == .unsure, "\(Self.describe(raise))")
        #expect(!raise.isClearlyNot("bridge"))
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
