@testable import FormcheckFeedback
import Foundation
import MotionCore
import Testing

/// Routines as data: the built-in ones, the plan a routine makes for one sensor (sides and strap
/// moves), doses applied to the protocols, and bad files refused with their line.
@Suite struct RoutineLibraryTests {
    static let none: [String: String] = ["HOME": "/nonexistent-formcheck-home"]

    static func plan(_ name: String) throws -> RoutinePlan {
        try RoutinePlan(try RoutineLibrary.named(name, environment: none)) { try ExerciseLibrary.named($0, environment: none) }
    }

    static func order(_ plan: RoutinePlan) -> [String] {
        plan.steps.map { ($0.moveStrapFirst ? "→" : "") + $0.exercise.name + " " + $0.side.rawValue }
    }

    @Test func builtInRoutines() throws {
        #expect(RoutineLibrary.names == ["sciatica-daily", "stretches", "core-strength"])
        for name in RoutineLibrary.names { _ = try Self.plan(name) }
    }

    /// Each two-sided exercise starts on the leg the strap is on; one-sided ones are done there.
    @Test func sciaticaDailyMovesTheStrapOncePerTwoSidedExercise() throws {
        let plan = try Self.plan("sciatica-daily")
        #expect(Self.order(plan) == [
            "piriformis right", "→piriformis left", "hamstring left", "→hamstring right", "knee-to-chest right", "→knee-to-chest left",
            "bridge left", "clamshell left", "→clamshell right", "walk right",
        ])
        #expect(plan.strapMoves == 4)
        #expect(plan.steps.last?.walkSeconds == 1200.0)
    }

    @Test func startingOnTheLeftMirrorsTheOrder() throws {
        var routine = try RoutineLibrary.named("core-strength", environment: Self.none)
        routine.firstSide = .left
        let plan = try RoutinePlan(routine) { try ExerciseLibrary.named($0, environment: Self.none) }
        #expect(Self.order(plan) == ["bridge left", "straight-leg-raise left", "→straight-leg-raise right"])
    }

    /// The routine's dose replaces the protocol's; what it leaves out stays the protocol's.
    @Test func theDoseIsApplied() throws {
        let bridge = try ExerciseLibrary.named("bridge", environment: Self.none)
        let dosed = Routine.Entry(exercise: "bridge", sides: .one, sets: 3, perSet: 12).applied(to: bridge)
        #expect(dosed.reps?.sets == 3 && dosed.reps?.perSet == 12)
        #expect(dosed.reps?.restSeconds == bridge.reps?.restSeconds)
        let piriformis = try ExerciseLibrary.named("piriformis", environment: Self.none)
        let held = Routine.Entry(exercise: "piriformis", sides: .both, holds: 3, holdSeconds: 30).applied(to: piriformis)
        #expect(held.repsPerSide == 3 && held.holdSeconds == 30)
        #expect(held.holdAngle == piriformis.holdAngle)
        let stretches = try Self.plan("stretches")
        #expect(stretches.steps.map(\.exercise.holdSeconds) == [60, 60, 30, 30, 30, 30])
        #expect(stretches.steps.map(\.exercise.repsPerSide) == [2, 2, 3, 3, 3, 3])
    }

    static let good = """
        {
          "name": "mine",
          "title": "Mine",
          "description": "Two things.",
          "exercises": [
            { "exercise": "bridge", "sides": "one", "sets": 2 },
            { "exercise": "piriformis", "sides": "both", "holds": 2 }
          ]
        }
        """

    static func refusal(_ text: String) -> String? {
        do {
            _ = try RoutineLibrary.decode(text, path: "mine.json", environment: none)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aGoodFileWithDefaults() throws {
        let r = try RoutineLibrary.decode(Self.good, path: "mine.json", environment: Self.none)
        #expect(r.firstSide == .right && r.strapMoveSeconds == 60)
        #expect(r.entries.map(\.exercise) == ["bridge", "piriformis"])
        #expect(r.settleSeconds == 1 && r.strapMove == StrapMoveDetector.Rules())
    }

    /// The strap-move rules: each key taken, defaults for the rest, unknown keys and numbers out
    /// of range refused with their line.
    @Test func strapMoveRules() throws {
        func with(_ members: String) -> String {
            Self.good.replacingOccurrences(of: "\"exercises\": [", with: "\"strapMove\": { \(members) },\n  \"exercises\": [")
        }
        let r = try RoutineLibrary.decode(with(#""handlingRate": 250, "samePoseDegrees": 5"#), path: "mine.json", environment: Self.none)
        #expect(r.strapMove.handlingRate == 250 && r.strapMove.samePoseDegrees == 5)
        #expect(r.strapMove.handlingSeconds == StrapMoveDetector.Rules().handlingSeconds)
        #expect(Self.refusal(with(#""handlingRat": 250"#)) == "mine.json:5: handlingRat: unknown key; did you mean handlingRate?")
        #expect(Self.refusal(with(#""onRestSeconds": 0"#)) == "mine.json:5: strapMove.onRestSeconds must be more than 0")
        #expect(Self.refusal(with(#""samePoseDegrees": 90"#)) == "mine.json:5: strapMove.samePoseDegrees must be from 0 to less than 90 degrees")
        #expect(Self.refusal(Self.good.replacingOccurrences(of: "\"exercises\": [", with: "\"settleSeconds\": 0,\n  \"exercises\": ["))
                == "mine.json:5: settleSeconds must be more than 0")
    }

    /// The pair-sides rules (`PairSideCheck`): each key taken, defaults for the rest (20°, 0.25 s),
    /// unknown keys and numbers out of range refused with their line.
    @Test func pairSidesRules() throws {
        func with(_ members: String) -> String {
            Self.good.replacingOccurrences(of: "\"exercises\": [", with: "\"pairSides\": { \(members) },\n  \"exercises\": [")
        }
        let r = try RoutineLibrary.decode(with(#""degrees": 15"#), path: "mine.json", environment: Self.none)
        #expect(r.pairSides == PairSideCheck.Rules(degrees: 15, smoothingSeconds: 0.25))
        #expect(try RoutineLibrary.decode(Self.good, path: "mine.json", environment: Self.none).pairSides == PairSideCheck.Rules(degrees: 20, smoothingSeconds: 0.25))
        #expect(Self.refusal(with(#""degree": 15"#)) == "mine.json:5: degree: unknown key; did you mean degrees?")
        #expect(Self.refusal(with(#""degrees": 0"#)) == "mine.json:5: pairSides.degrees must be more than 0 and less than 90 degrees")
        #expect(Self.refusal(with(#""degrees": 90"#)) == "mine.json:5: pairSides.degrees must be more than 0 and less than 90 degrees")
        #expect(Self.refusal(with(#""smoothingSeconds": 0"#)) == "mine.json:5: pairSides.smoothingSeconds must be more than 0")
        // Every built-in routine says its numbers.
        for name in ["sciatica-daily", "stretches", "core-strength"] {
            #expect(try RoutineLibrary.named(name, environment: Self.none).pairSides == PairSideCheck.Rules(), "\(name)")
        }
    }

    @Test func badFilesAreRefusedWithTheirLine() {
        #expect(Self.refusal(Self.good.replacingOccurrences(of: "\"holds\": 2", with: "\"hold\": 2"))
                == "mine.json:7: hold: unknown key; did you mean holds?")
        #expect(Self.refusal(Self.good.replacingOccurrences(of: "\"holds\": 2", with: "\"perSet\": 2"))
                == "mine.json:7: exercise 2 (piriformis): perSet does not apply to a stretch exercise")
        #expect(Self.refusal(Self.good.replacingOccurrences(of: "\"sets\": 2", with: "\"minutes\": 2"))
                == "mine.json:6: exercise 1 (bridge): minutes does not apply to a strength exercise")
        #expect(Self.refusal(Self.good.replacingOccurrences(of: "\"exercise\": \"piriformis\"", with: "\"exercise\": \"yoga\""))?
                    .hasPrefix("mine.json:7: exercise 2: no exercise 'yoga'") == true)
        #expect(Self.refusal(Self.good.replacingOccurrences(of: "\"sets\": 2", with: "\"sets\": 0"))
                == "mine.json:6: exercise 1 (bridge): sets must be at least 1")
        #expect(Self.refusal(Self.good.replacingOccurrences(of: ", \"sides\": \"both\"", with: ""))
                == "mine.json:7: missing key \"sides\" in exercise 2")
        #expect(Self.refusal(Self.good.replacingOccurrences(of: "\"sides\": \"one\"", with: "\"sides\": \"left\""))?
                    .hasPrefix("mine.json:") == true)
        #expect(Self.refusal("""
            { "name": "w", "title": "W", "description": "d", "exercises": [ { "exercise": "walk", "sides": "both" } ] }
            """) == "mine.json:1: exercise 1 (walk): a walk is done once: \"sides\": \"one\"")
        #expect(Self.refusal(#"{ "name": "e", "title": "E", "description": "d", "exercises": [] }"#)
                == "mine.json:1: a routine needs at least one exercise")
        #expect(Self.refusal("[1]") == "mine.json:1: a routine is a JSON object")
    }

    @Test func yourOwnRoutinesReplaceAndAdd() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formcheck-routines-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.path + "/formcheck/routines"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.good.write(toFile: folder + "/mine.json", atomically: true, encoding: .utf8)
        let env = ["XDG_CONFIG_HOME": dir.path]
        #expect(try RoutineLibrary.all(environment: env).map(\.name) == RoutineLibrary.names + ["mine"])
        #expect(try RoutineLibrary.named("mine", environment: env).title == "Mine")
        #expect(try RoutineLibrary.named(folder + "/mine.json", environment: env).title == "Mine")
    }
}
