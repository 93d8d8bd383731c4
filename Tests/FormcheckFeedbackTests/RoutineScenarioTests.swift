import FormcheckFeedback
import FormcheckFormats
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// The whole sciatica-daily routine (short doses: Fixtures/routines/sciatica-daily-short.json) end to
/// end on the simulator, twice: with one Joy-Con moved between the legs (`routine-daily`: four strap
/// moves) and with a Joy-Con on each thigh (`routine-daily-pair`: two recordings on one kernel
/// clock, tied by their session file). Each is rendered and replayed once per test run (about 10 s
/// of rendering each; shared by the tests below). Held against the truth: every exercise and side in
/// the plan's order, each exercise coached as when it is done alone (its holds and reps within the
/// single-exercise tests' tolerances, no form error — none is in the scenarios), the strap moves
/// where they are, the symmetry figures, and the two recordings' alignment.
@Suite struct RoutineScenarioTests {
    /// The target for the symmetry figures, degrees: each leg's peak (a stretch's highest
    /// held flexion, a strengthening exercise's largest rep range) against its truth, and the left −
    /// right difference against the truth's — met by every exercise in both routines with the
    /// routine summary's figures, re-read at the end with each sensor's final accelerometer
    /// correction and the gyroscope bias each exercise's own session ended with
    /// (`RoutineStepRun.reread`; README "Daily routine"). As coached, each sensor's first exercise
    /// misses it (`theFirstExerciseIsReReadWithTheFinalCorrection`); re-read without the bias, the
    /// one-sensor piriformis's difference missed it too (1.33°: each leg's fresh filter tilted its
    /// strap calibration's rest its own way).
    static let peakTolerance = 1.0
    /// Walking steps against the truth: one thigh sees every other step, so its count is two per
    /// stride of its own, and at a start or a stop the other leg makes one step more or fewer: one
    /// stride (two steps) either way.
    static let stepTolerance = 2
    /// Two sensors' samples on the pair's clock against the simulator's common clock: the
    /// requirement is one sample period (a Joy-Con's 5 ms).
    static let alignmentTolerance = 0.005

    struct Run {
        /// Each leg's truth (one sensor: the same truth for both).
        var truth: [Side: ScenarioTruth]
        var plan: RoutinePlan
        var events: [RoutineEvent]
        var summary: RoutineSummary
    }

    static func plan(_ sensors: RoutinePlan.Sensors) throws -> RoutinePlan {
        try RoutinePlan(RoutineLibrary.load(RoutineSessionTests.routines + "/sciatica-daily-short.json"), sensors: sensors) {
            try ExerciseLibrary.named($0)
        }
    }

    static let oneSensor = Result { () throws -> Run in
        let s = try #require(ScenarioLibrary.named("routine-daily"))
        let r = ScenarioRenderer(s).render()
        let readings = try Recording(bytes: Array(r.evemuText().utf8), path: s.name).readAll().readings
        let plan = try Self.plan(.one)
        var events: [RoutineEvent] = []
        let summary = try #require(RoutineSession.replay(readings, plan: plan, estimator: OrientationFilter()) { events.append($0) })
        return Run(truth: [.left: r.truth, .right: r.truth], plan: plan, events: events, summary: summary)
    }

    struct PairRun {
        var run: Run
        var pair: ScenarioPair
        var rendering: ScenarioPair.Rendering
        var readings: [Side: [PairedReading]]
    }

    /// Each recording's readings as `replay SESSION.json` gets them: the evemu text read back and put
    /// on the kernel clock by the session file's start.
    static func pairedReadings(_ r: ScenarioPair.Rendering, path: String) throws -> [Side: [PairedReading]] {
        var out: [Side: [PairedReading]] = [:]
        for side in [Side.left, .right] {
            let recording = try Recording(bytes: Array(r.rendering(side).evemuText().utf8), path: "\(path).\(side.rawValue).evemu")
            out[side] = try PairedFeed.readings(of: recording, side: side, start: r.session.entry(side)?.start)
        }
        return out
    }

    static let twoSensors = Result { () throws -> PairRun in
        let pair = try #require(ScenarioLibrary.namedPair("routine-daily-pair"))
        let r = pair.render()
        let readings = try pairedReadings(r, path: pair.name)
        let plan = try Self.plan(.two)
        var events: [RoutineEvent] = []
        let summary = try #require(PairedRoutineSession.replay(left: readings[.left] ?? [], right: readings[.right] ?? [], plan: plan,
                                                               estimator: OrientationFilter()) { events.append($0) })
        return PairRun(run: Run(truth: [.left: r.left.truth, .right: r.right.truth], plan: plan, events: events, summary: summary),
                       pair: pair, rendering: r, readings: readings)
    }

    /// The truth's segment of `exercise` on `side` (each is done once per leg in these routines).
    static func segment(_ truth: ScenarioTruth, _ exercise: String, _ side: Side) -> ScenarioTruth.Exercise? {
        truth.exercises?.first { $0.exercise == exercise && $0.side == side }
    }

    /// Every attempt against the truth of its leg: done, its holds (stretches) or reps (strengthening)
    /// or steps (walking) as the truth's in its segment, no form error.
    static func checkAttempts(_ run: Run, _ name: String) throws {
        #expect(run.summary.complete, "\(name): the routine is complete")
        for a in run.summary.steps {
            let what = "\(name) step \(a.number) \(a.exercise) \(a.side)"
            let truth = try #require(run.truth[a.side])
            let seg = try #require(segment(truth, a.exercise, a.side), "\(what): no truth segment")
            let exercise = try ExerciseLibrary.named(a.exercise)
            #expect(a.ending == .done, "\(what)")
            #expect(a.summary.formErrors.isEmpty, "\(what): \(a.summary.formErrors)")
            switch exercise.kind {
            case .stretch:
                let expected = truth.holds.filter { $0.start >= seg.start && $0.end <= seg.end }
                #expect(a.summary.holds.count == expected.count, "\(what): \(a.summary.holds.map { ($0.start, $0.end) }) vs \(expected.map { ($0.start, $0.end) })")
                for (h, t) in zip(a.summary.holds, expected) {
                    #expect(abs(h.start - t.start) <= TruthAngleSessionTests.boundaryTolerance, "\(what): hold start \(h.start) vs \(t.start)")
                    #expect(abs(h.end - t.end) <= TruthAngleSessionTests.boundaryTolerance, "\(what): hold end \(h.end) vs \(t.end)")
                    #expect(h.complete && h.side == a.side, "\(what)")
                }
            case .strength:
                let reps = a.summary.reps ?? []
                let expected = (truth.reps ?? []).filter { $0.start >= seg.start && $0.end <= seg.end }
                #expect(reps.count == expected.count, "\(what): \(reps.map { ($0.start, $0.end) }) vs \(expected.map { ($0.start, $0.end) })")
                for (r, t) in zip(reps, expected) {
                    #expect(abs(r.start - t.start) <= StrengthScenarioTests.boundaryTolerance, "\(what) rep \(t.rep): start \(r.start) vs \(t.start)")
                    #expect(abs(r.end - t.end) <= StrengthScenarioTests.boundaryTolerance, "\(what) rep \(t.rep): end \(r.end) vs \(t.end)")
                    #expect(r.complete && r.side == a.side, "\(what) rep \(t.rep)")
                }
            case .walk:
                let walks = truth.walks.filter { $0.start >= seg.start && $0.end <= seg.end }
                let expected = walks.reduce(0) { $0 + $1.steps }
                let steps = try #require(a.summary.steps, "\(what): no steps")
                #expect(walks.count == 1 && abs(steps - expected) <= stepTolerance, "\(what): \(steps) steps vs \(expected)")
            }
        }
    }

    /// Each exercise's session calibrated the strap in that exercise's own start posture (lying on
    /// the side the leg says), as alone: the posture changes between exercises were waited for.
    static func checkCalibrations(_ run: Run, _ name: String) {
        var step: RoutinePlan.Step?
        var postures: [Int: [Posture]] = [:]
        for e in run.events {
            switch e {
            case .exerciseStarted(_, let number, _, _): step = run.plan.steps.first { $0.number == number }
            case .session(.calibrated(_, let posture)): if let step { postures[step.number, default: []].append(posture) }
            case .exerciseEnded: step = nil
            default: break
            }
        }
        for s in run.plan.steps where s.exercise.kind != .walk {
            #expect(postures[s.number] == [s.startPosture], "\(name) step \(s.number) \(s.exercise.name): calibrated \(postures[s.number] ?? [])")
        }
    }

    /// The truth's figures of one leg's exercise: the highest flexion reached in a hold (the
    /// angles' series, sway included) or the largest range of a rep.
    static func truthPeak(_ truth: ScenarioTruth, _ exercise: String, _ side: Side) throws -> Double {
        let seg = try #require(segment(truth, exercise, side))
        if ScenarioTruth.repExercises.contains(exercise) {
            return try #require((truth.reps ?? []).filter { $0.start >= seg.start && $0.end <= seg.end }.map(\.range).max())
        }
        let holds = truth.holds.filter { $0.start >= seg.start && $0.end <= seg.end }
        var peak = -Double.infinity
        for (t, f) in zip(truth.angles.t, truth.angles.flexion) where holds.contains(where: { t >= $0.start && t <= $0.end }) {
            peak = max(peak, f)
        }
        return peak
    }

    /// With FORMCHECK_PRINT_SYMMETRY=1 each symmetry figure's error against the truth is printed (the
    /// README's table).
    static let printsSymmetry = ProcessInfo.processInfo.environment["FORMCHECK_PRINT_SYMMETRY"] == "1"

    /// Left against right in the routine's summary, each figure against its leg's truth.
    static func checkSymmetry(_ run: Run, _ name: String, expected: [String]) throws {
        #expect(run.summary.symmetry.map(\.exercise) == expected, "\(name)")
        for c in run.summary.symmetry {
            if printsSymmetry {
                let l = try truthPeak(try #require(run.truth[.left]), c.exercise, .left)
                let r = try truthPeak(try #require(run.truth[.right]), c.exercise, .right)
                let e = [(c.left.peak ?? .nan) - l, (c.right.peak ?? .nan) - r, (c.peakDifference ?? .nan) - (l - r)]
                print("symmetry \(name) \(c.exercise): left \(DecimalText.fixed(e[0], 2))°, right \(DecimalText.fixed(e[1], 2))°, left − right \(DecimalText.fixed(e[2], 2))° off the truth")
            }
            let tolerance = peakTolerance
            var truthPeaks: [Side: Double] = [:]
            for side in [Side.left, .right] {
                let figures = side == .left ? c.left : c.right
                let truth = try #require(run.truth[side])
                let peak = try #require(figures.peak)
                let truthPeak = try truthPeak(truth, c.exercise, side)
                truthPeaks[side] = truthPeak
                let error = abs(peak - truthPeak)
                #expect(error <= tolerance, "\(name) \(c.exercise) \(side): peak \(peak)° is \(error)° off the truth")
                let seg = try #require(segment(truth, c.exercise, side))
                if let seconds = figures.secondsUnderStretch {
                    let holds = truth.holds.filter { $0.start >= seg.start && $0.end <= seg.end }
                    let expected = holds.reduce(0) { $0 + $1.duration }
                    #expect(abs(seconds - expected) <= 2 * TruthAngleSessionTests.boundaryTolerance * Double(holds.count),
                            "\(name) \(c.exercise) \(side): \(seconds) s vs \(expected) s")
                }
                if let reps = figures.reps {
                    #expect(reps == (truth.reps ?? []).filter { $0.start >= seg.start && $0.end <= seg.end }.count, "\(name) \(c.exercise) \(side)")
                }
                #expect(figures.formErrors == 0)
            }
            // The difference, as the truth's (both legs did the same: nothing flagged).
            let difference = try #require(c.peakDifference)
            let truthDifference = (truthPeaks[.left] ?? 0) - (truthPeaks[.right] ?? 0)
            #expect(abs(difference - truthDifference) <= tolerance,
                    "\(name) \(c.exercise): left − right \(difference)° vs the truth's \(truthDifference)°")
            #expect(c.flags.isEmpty, "\(name) \(c.exercise): \(c.flags)")
        }
    }

    static func started(_ events: [RoutineEvent]) -> [String] {
        events.compactMap { if case .exerciseStarted(_, let step, let exercise, let side) = $0 { "\(step) \(exercise) \(side)" } else { nil } }
    }

    @Test func theWholeRoutineWithOneSensor() throws {
        let run = try Self.oneSensor.get()
        let truth = try #require(run.truth[.right])
        // Every exercise and side in the plan's order — as the truth did them.
        let order = run.plan.steps.map { "\($0.number) \($0.exercise.name) \($0.side)" }
        #expect(Self.started(run.events) == order)
        #expect(try #require(truth.exercises).map { "\($0.exercise) \($0.side)" } == run.plan.steps.map { "\($0.exercise.name) \($0.side)" })
        try Self.checkAttempts(run, "one sensor")
        Self.checkCalibrations(run, "one sensor")
        // No "the sensor seems to be on your other leg", no "this does not look like the exercise".
        #expect(!run.events.contains { if case .session(.cue(_, .wrongSide)) = $0 { true } else { false } })
        // The four strap moves, where the truth has them, each asked for first.
        let moves = run.events.compactMap { if case .strapMoved(_, let side, let off, let on) = $0 { (side, off, on) } else { nil } }
        let truthMoves = try #require(truth.strapMoves)
        #expect(moves.map(\.0) == truthMoves.map(\.side) && moves.count == 4)
        for (m, t) in zip(moves, truthMoves) {
            #expect(RoutineSessionTests.strapOffWindow.contains(m.1 - t.start), "strap off at \(m.1), the strap step \(t.start)–\(t.end)")
            #expect(abs(m.2 - t.end) <= RoutineSessionTests.strapOnTolerance, "strap on at \(m.2), the strap step ends at \(t.end)")
        }
        let asked = run.events.compactMap { if case .session(.cue(_, .moveStrap(let side))) = $0 { side } else { nil } }
        #expect(asked == truthMoves.map(\.side))
        #expect(run.summary.strapMoves.count == 4)
        // Left against right (the bridge is on one leg only: the strap's).
        try Self.checkSymmetry(run, "one sensor", expected: ["piriformis", "hamstring", "knee-to-chest", "clamshell"])
        #expect(throws: Never.self) { try SessionEventJSON.validate(routine: run.events.map(\.jsonLine)) }
    }

    @Test func theWholeRoutineWithTwoSensors() throws {
        let p = try Self.twoSensors.get()
        let run = p.run
        #expect(p.pair.problems.isEmpty)
        // The plan's order, no strap moves: each two-sided exercise on one leg after the other, the
        // bridge and the walk on both legs at once (the other leg's attempt follows the lead's).
        var expected: [String] = []
        for s in run.plan.steps {
            expected.append("\(s.number) \(s.exercise.name) \(s.side)")
            if s.bothLegs { expected.append("\(s.number) \(s.exercise.name) \(s.side.opposite)") }
        }
        #expect(Self.started(run.events) == expected)
        #expect(run.plan.steps.filter(\.bothLegs).map(\.exercise.name) == ["bridge", "walk"])
        #expect(run.summary.strapMoves.isEmpty && run.summary.steps.count == 12)
        #expect(!run.events.contains { if case .session(.cue(_, .moveStrap)) = $0 { true } else { false } })
        #expect(!run.events.contains { if case .session(.cue(_, .wrongSide)) = $0 { true } else { false } })
        try Self.checkAttempts(run, "two sensors")
        Self.checkCalibrations(run, "two sensors")
        try Self.checkSymmetry(run, "two sensors", expected: ["piriformis", "hamstring", "knee-to-chest", "bridge", "clamshell"])
        // The walk: each thigh counts its own strides.
        let walks = run.summary.steps.filter { $0.exercise == "walk" }
        #expect(walks.map(\.side) == [.right, .left] && walks.allSatisfy { $0.summary.steps != nil })
        #expect(throws: Never.self) { try SessionEventJSON.validate(routine: run.events.map(\.jsonLine)) }
    }

    /// The routine's summary re-reads each exercise done with its sensor's final accelerometer
    /// correction; what was said as each exercise ended used the one known then. Each sensor's first
    /// exercise (the piriformis) was coached before any rest of its sensor was seen: as coached it
    /// misses the target (measured: the left leg 1.8° off with one sensor, the right 2.3° with two),
    /// re-read it meets it, its holds' times as coached. Without the re-read the summary's figures
    /// would be the coached ones, and this fails.
    @Test func theFirstExerciseIsReReadWithTheFinalCorrection() throws {
        let one = try Self.oneSensor.get(), two = try Self.twoSensors.get().run
        for (name, run, side) in [("one sensor", one, Side.left), ("two sensors", two, .right)] {
            let coached = try #require(run.events.compactMap { e -> SessionSummary? in
                if case .exerciseEnded(_, _, .done, let s) = e, s.exercise == "piriformis", s.side == side { s } else { nil }
            }.last)
            let truth = try Self.truthPeak(try #require(run.truth[side]), "piriformis", side)
            let said = try #require(coached.holds.map(\.peakFlexion).max())
            #expect(abs(said - truth) > Self.peakTolerance, "\(name): as coached, \(said)° against the truth's \(truth)°")
            let c = try #require(run.summary.symmetry.first { $0.exercise == "piriformis" })
            let reread = try #require(side == .left ? c.left.peak : c.right.peak)
            #expect(abs(reread - truth) <= Self.peakTolerance, "\(name): re-read, \(reread)° against the truth's \(truth)°")
            let step = try #require(run.summary.steps.last { $0.exercise == "piriformis" && $0.side == side && $0.ending == .done })
            #expect(step.summary.holds.map(\.start) == coached.holds.map(\.start) && step.summary.holds.map(\.end) == coached.holds.map(\.end))
            #expect(step.summary.formErrors == coached.formErrors)
        }
    }

    /// Each sensor's samples on the pair's clock against the simulator's common clock: sample k of a
    /// thigh happened k sample periods after the common 0, and the kernel clock read `kernelEpoch`
    /// there. The offset (pair clock − truth) must be the same for both thighs within a sample
    /// period, from the second second on (the lower envelope of the kernel times needs a few reports
    /// to find: the first report's three samples are 10, 5 and 0 ms late).
    @Test func theTwoRecordingsAreAlignedOnTheKernelClock() throws {
        let p = try Self.twoSensors.get()
        var offsets: [Side: [Double]] = [:]
        for side in [Side.left, .right] {
            let times = p.rendering.rendering(side).sampleTimes
            let lost = p.rendering.rendering(side).lostSamples
            let kept = times.indices.filter { !lost.contains($0) }.map { times[$0] }
            let samples = (p.readings[side] ?? []).compactMap { r -> Double? in if case .sample = r.reading { r.time } else { nil } }
            #expect(samples.count == kept.count, "\(side): \(samples.count) samples, \(kept.count) rendered")
            offsets[side] = zip(samples, kept).compactMap { t, truth in truth >= 1 ? t - Double(p.pair.kernelEpoch) / 1e6 - truth : nil }
        }
        let left = try #require(offsets[.left]), right = try #require(offsets[.right])
        // Within one thigh the offset is constant (the device clock is the sample clock).
        for (side, o) in [(Side.left, left), (.right, right)] {
            let spread = (o.max() ?? 0) - (o.min() ?? 0)
            #expect(spread < 1e-4, "\(side): the offset spreads over \(spread) s")
        }
        let worst = max(abs((left.max() ?? 0) - (right.min() ?? 0)), abs((right.max() ?? 0) - (left.min() ?? 0)))
        #expect(worst <= Self.alignmentTolerance, "the thighs are \(worst) s apart")
        // The session file says where each recording starts, and reads back as written.
        let back = try SessionFile.decode(Array(p.rendering.session.text.utf8), path: "routine-daily-pair.json")
        #expect(back == p.rendering.session)
        #expect(back.entry(.left)?.file == "routine-daily-pair.left.evemu" && back.entry(.right)?.device == DeviceModel.joyConRight.description.name)
    }
}
