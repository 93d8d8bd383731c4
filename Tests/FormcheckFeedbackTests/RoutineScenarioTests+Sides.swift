import FormcheckFeedback
import FormcheckFormats
import MotionCore
import Testing
import ThighSimulator

/// `routine-daily-pair` with the two sensors as ones that nothing tells apart (two DualSense:
/// `PairSideCheck.Mode.fromMovement`), given the wrong way round — the right thigh's first — and
/// the right way. The movement of the first step done on one leg (the right piriformis: the right
/// thigh rises, the left rests) tells which is which: given the wrong way round they are swapped
/// there, said once, and every leg's figures end on its own side against its truth — the same
/// summary as given the right way; given the right way nothing changes.
extension RoutineScenarioTests {
    /// The pair's readings with the sensors given in the other order: the right thigh's as the first.
    static func givenTheOtherWayRound(_ readings: [Side: [PairedReading]]) -> [Side: [PairedReading]] {
        func named(_ rs: [PairedReading], _ side: Side) -> [PairedReading] {
            rs.map { r in
                var r = r
                r.side = side
                return r
            }
        }
        return [.left: named(readings[.right] ?? [], .left), .right: named(readings[.left] ?? [], .right)]
    }

    static func replayed(_ readings: [Side: [PairedReading]], sides: PairSideCheck.Mode, truth: Run) throws -> Run {
        var events: [RoutineEvent] = []
        let summary = try #require(PairedRoutineSession.replay(left: readings[.left] ?? [], right: readings[.right] ?? [], plan: truth.plan,
                                                               estimator: OrientationFilter(), sides: sides) { events.append($0) })
        return Run(truth: truth.truth, plan: truth.plan, events: events, summary: summary)
    }

    static let swappedFromMovement = Result { () throws -> Run in
        let p = try twoSensors.get()
        return try replayed(givenTheOtherWayRound(p.readings), sides: .fromMovement, truth: p.run)
    }

    static func sideCues(_ events: [RoutineEvent]) -> [(t: Double, cue: Cue)] {
        events.compactMap { e in
            if case .session(.cue(let t, let cue)) = e, case .sensorSides = cue { (t, cue) } else { nil }
        }
    }

    @Test func twoSensorsGivenTheWrongWayRoundAreToldApartByTheMovement() throws {
        let run = try Self.swappedFromMovement.get()
        let right = try Self.twoSensors.get().run
        // Said once, in the first step (the right piriformis) as the right thigh rose: before its
        // first hold began.
        let said = Self.sideCues(run.events)
        #expect(said.map(\.cue) == [.sensorSides(firstOn: .right, swapped: true)])
        let truth = try #require(run.truth[.right])
        let seg = try #require(Self.segment(truth, "piriformis", .right))
        let firstHold = try #require(truth.holds.first { $0.start >= seg.start })
        let t = try #require(said.first?.t)
        #expect(t > seg.start && t < firstHold.start, "said at \(t) s; the step \(seg.start)–\(seg.end) s, its hold from \(firstHold.start) s")
        let stepOne = try #require(run.events.firstIndex { if case .exerciseEnded(_, 1, _, _) = $0 { true } else { false } })
        #expect(run.events[..<stepOne].contains { if case .session(.cue(_, .sensorSides)) = $0 { true } else { false } })
        #expect(CueCatalogue.english.text(.sensorSides(firstOn: .right, swapped: true))
                == "The first sensor is on your right thigh, the second on your left — carrying on so")
        // Every exercise on its leg as the truth did it, each leg's figures against its own truth.
        var expected: [String] = []
        for s in run.plan.steps {
            expected.append("\(s.number) \(s.exercise.name) \(s.side)")
            if s.bothLegs { expected.append("\(s.number) \(s.exercise.name) \(s.side.opposite)") }
        }
        #expect(Self.started(run.events) == expected)
        try Self.checkAttempts(run, "two sensors given swapped")
        Self.checkCalibrations(run, "two sensors given swapped")
        try Self.checkSymmetry(run, "two sensors given swapped", expected: ["piriformis", "hamstring", "knee-to-chest", "bridge", "clamshell"])
        // The same summary as the sensors given the right way round — the step's session after the
        // swap is the one the right sensor fed from the step's start: the same attempts, holds and
        // reps at the same times; the re-read figures the same within 0.001° (measured: the left
        // leg's 4e-5° apart, its final accelerometer correction not bit for bit the same).
        #expect(run.summary.steps.count == right.summary.steps.count)
        for (a, b) in zip(run.summary.steps, right.summary.steps) {
            let what = "step \(a.number) \(a.exercise) \(a.side)"
            #expect(a.number == b.number && a.exercise == b.exercise && a.side == b.side && a.ending == b.ending && a.start == b.start && a.end == b.end, "\(what)")
            #expect(a.summary.holds.map { [$0.start, $0.end] } == b.summary.holds.map { [$0.start, $0.end] }, "\(what)")
            #expect(zip(a.summary.holds, b.summary.holds).allSatisfy { abs($0.peakFlexion - $1.peakFlexion) < 0.001 }, "\(what)")
            #expect((a.summary.reps ?? []).map { [$0.start, $0.end] } == (b.summary.reps ?? []).map { [$0.start, $0.end] }, "\(what)")
            #expect(zip(a.summary.reps ?? [], b.summary.reps ?? []).allSatisfy { abs($0.range - $1.range) < 0.001 }, "\(what)")
            #expect(a.summary.steps == b.summary.steps && a.summary.formErrors == b.summary.formErrors, "\(what)")
        }
        #expect(zip(run.summary.symmetry, right.summary.symmetry).allSatisfy { abs(($0.peakDifference ?? .nan) - ($1.peakDifference ?? .nan)) < 0.001 })
        #expect(throws: Never.self) { try SessionEventJSON.validate(routine: run.events.map(\.jsonLine)) }
    }

    @Test func twoSensorsGivenTheRightWayRoundAreUnchanged() throws {
        let p = try Self.twoSensors.get()
        let run = try Self.replayed(p.readings, sides: .fromMovement, truth: p.run)
        #expect(Self.sideCues(run.events).isEmpty)
        #expect(run.events == p.run.events)
        #expect(run.summary == p.run.summary)
    }

    /// Named for their thighs (`--left`/`--right`), the wrong way round: kept as named, the
    /// movement's word only said ("The left sensor seems to be on your right thigh — check the
    /// straps"), once; the right piriformis, coached from the left thigh's sensor, holds nothing
    /// while the right leg held its stretch.
    @Test func namedSensorsAreKeptAndTheMovementOnlySaid() throws {
        let p = try Self.twoSensors.get()
        let run = try Self.replayed(Self.givenTheOtherWayRound(p.readings), sides: .fixed, truth: p.run)
        #expect(Self.sideCues(run.events).map(\.cue) == [.sensorSides(firstOn: .right, swapped: false)])
        #expect(CueCatalogue.english.text(.sensorSides(firstOn: .right, swapped: false))
                == "The left sensor seems to be on your right thigh — check the straps")
        let first = try #require(run.events.compactMap { e -> SessionSummary? in
            if case .exerciseEnded(_, 1, _, let s) = e { s } else { nil }
        }.first)
        let rightTruth = try #require(run.truth[.right])
        let seg = try #require(Self.segment(rightTruth, "piriformis", .right))
        let held = try #require(rightTruth.holds.first { $0.start >= seg.start })
        #expect(first.side == .right)
        #expect(first.holds.allSatisfy { $0.start > held.end || $0.end < held.start }, "\(first.holds.map { ($0.start, $0.end) }) vs \(held.start)–\(held.end)")
    }
}
