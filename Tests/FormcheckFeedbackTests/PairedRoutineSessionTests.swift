import FormcheckFeedback
import FormcheckDevices
import FormcheckFormats
import MotionCore
import Testing
import ThighSimulator

/// `PairedRoutineSession` as the user hears it, on simulated pairs: the pair-short scenario (a
/// hamstring stretch on each leg, then two bridges on both; the left leads the bridge) with the
/// right thigh's first bridge dropping back down too fast (0.5 s, under the protocol's
/// `minimumDownSeconds` 1 s) — the other leg's form error is said with its side, the reps counted
/// once (the leading leg's), nothing else of the other leg said.
@Suite struct PairedRoutineSessionTests {
    /// pair-short with the right thigh's first bridge rep lowered in `down` seconds (the time
    /// saved added to its rest, so both thighs stay in step).
    static func pairShort(rightDown down: Double) throws -> ScenarioPair {
        let base = try #require(ScenarioLibrary.namedPair("routine-pair-short"))
        var right = base.right
        let bridge = try #require(right.steps.firstIndex { if case .exercise("bridge") = $0 { return true } else { return false } })
        // The first rep's way down: the first move back to the start angle (45°) after the bridge begins.
        let downIndex = try #require(right.steps.indices.first { i in
            guard i > bridge, case .move(flexion: 45, _, _, let duration) = right.steps[i], duration == 2 else { return false }
            return true
        })
        right.steps[downIndex] = .move(flexion: 45, adduction: nil, rotation: nil, duration: down)
        right.steps.insert(.rest(2 - down), at: downIndex + 1)
        return ScenarioPair(name: base.name, summary: base.summary, left: base.left, right: right)
    }

    static func replay(_ pair: ScenarioPair) throws -> [RoutineEvent] {
        let r = pair.render()
        let readings = try RoutineScenarioTests.pairedReadings(r, path: pair.name)
        let plan = try RoutinePlan(RoutineLibrary.load(RoutineSessionTests.routines + "/pair-short.json"), sensors: .two) { try ExerciseLibrary.named($0) }
        var events: [RoutineEvent] = []
        PairedRoutineSession.replay(left: readings[.left] ?? [], right: readings[.right] ?? [], plan: plan,
                                    estimator: OrientationFilter()) { events.append($0) }
        return events
    }

    /// The cues said while step `step` was under way (between its first `exerciseStarted` and `exerciseEnded`).
    static func cues(_ events: [RoutineEvent], step: Int) -> [Cue] {
        var inside = false
        var out: [Cue] = []
        for e in events {
            switch e {
            case .exerciseStarted(_, let s, _, _): inside = s == step
            case .exerciseEnded: inside = false
            case .session(.cue(_, let cue)) where inside: out.append(cue)
            case .session, .strapMoved, .summary: break
            }
        }
        return out
    }

    @Test func theOtherLegsFormErrorIsSaidWithItsSide() throws {
        let events = try Self.replay(try Self.pairShort(rightDown: 0.5))
        let bridge = Self.cues(events, step: 3)
        let words = bridge.map { CueCatalogue.english.text($0) }
        // The transcript of the bridge: the lead's (left's) set and count, the right leg's drop said once with its side.
        #expect(words.filter { $0 == "Right leg: lower slowly" }.count == 1, "\(words)")
        #expect(bridge.contains(.otherLeg(.right, .correctRep(.tooFast, .down))))
        #expect(bridge.filter { $0.kind == .repCount } == [.repCount(1), .repCount(2)], "\(words)")
        #expect(!bridge.contains { if case .otherLeg = $0 { $0.kind != .formError } else { false } }, "\(words)")
        #expect(!words.contains("Lower slowly"), "the left leg lowered in 2 s: \(words)")
        // Its summary has the error, the lead's none.
        let ends = events.compactMap { e -> (Side, SessionSummary)? in
            if case .exerciseEnded(_, 3, _, let s) = e { return (s.side, s) }
            return nil
        }
        #expect(ends.map(\.0) == [.left, .right])
        #expect(ends.first?.1.formErrors.isEmpty == true)
        #expect(ends.last?.1.formErrors.map(\.kind) == [.tooFast])
    }

    /// The rule probed on the other leg: lowered in a 1.5 s move (measured 0.985 s down, just under
    /// the protocol's `minimumDownSeconds` 1 s: said) and a 1.6 s one (1.03 s: nothing of the right
    /// leg said); the lead's count the same either way. (The rep's start is its rest's median since
    /// the bridge's start-position fix, which moved these from 0.95/1.06 s at 1.3/1.5 s.)
    @Test(arguments: [(1.5, true), (1.6, false)]) func theOtherLegAtTheRulesThreshold(down: Double, said: Bool) throws {
        let events = try Self.replay(try Self.pairShort(rightDown: down))
        let bridge = Self.cues(events, step: 3)
        let right = events.compactMap { e -> SessionSummary? in
            if case .exerciseEnded(_, 3, _, let s) = e, s.side == .right { return s }
            return nil
        }
        let measured = try #require(right.first?.reps?.first?.downSeconds)
        #expect(said ? measured < 1 : measured >= 1, "measured \(measured) s down")
        #expect(bridge.contains(.otherLeg(.right, .correctRep(.tooFast, .down))) == said, "\(bridge.map { CueCatalogue.english.text($0) })")
        #expect(bridge.filter { if case .otherLeg = $0 { true } else { false } }.count == (said ? 1 : 0))
        #expect(bridge.filter { $0.kind == .repCount } == [.repCount(1), .repCount(2)])
    }

    @Test func theOtherLegsCueWords() {
        #expect(CueCatalogue.english.text(.otherLeg(.left, .correctRep(.tooFast, .down))) == "Left leg: lower slowly")
        #expect(CueCatalogue.english.text(.otherLeg(.right, .strapSlipped(degrees: 20))) == "Right leg: the strap has moved — re-seat it")
        #expect(Cue.otherLeg(.left, .correct(.sagging)).kind == .formError)
    }
}
