import Foundation
import Testing
import ThighSimulator

/// Scenario files that the fuzzer (make fuzz, target `scenario`) found crashing the validation:
/// each must decode and be refused with its problems, not trap.
@Suite struct MalformedScenarioTests {
    /// A minimal scenario with the given steps (JSON text).
    static func scenario(steps: String) throws -> Scenario {
        let json = """
        {"name": "fuzz", "summary": "", "exercise": "hamstring", "side": "left", "posture": "supine", "device": "joycon-left",
         "mounting": {"front": {}}, "leverArm": [0.2, 0.06, 0.07], "imuErrors": false, "calibration": false,
         "seed": 1, "expectedErrors": [], "steps": \(steps)}
        """
        return try JSONDecoder().decode(Scenario.self, from: Data(json.utf8))
    }

    /// make fuzz, 2026-12-01: a move lasting 2.6e26 s made the total duration too large for Int in
    /// the "at most 4 hours" message (Fatal error: Double value cannot be converted to Int).
    @Test func aHugeStepDurationIsAProblemNotATrap() throws {
        let s = try Self.scenario(steps: #"[{"rest": 4}, {"move": {"duration": 255555555555555555555555555, "flexion": 45}}]"#)
        let problems = s.problems
        #expect(problems.map(\.path) == ["steps[1]", "steps"])
        #expect(problems.first?.message == "move duration 2.5555555555555556e+26 s is outside 0…600")
        #expect(problems.last?.message == "the scenario lasts 2.5555555555555556e+26 s; at most 4 hours")
    }

    /// Just over the limit, the total is still printed in whole seconds.
    @Test func aLongScenarioSaysHowLong() throws {
        let s = try Self.scenario(steps: #"[{"rest": 3600}, {"rest": 3600}, {"rest": 3600}, {"rest": 3600}, {"rest": 1}]"#)
        #expect(s.problems.map(\.message) == ["the scenario lasts 14401 s; at most 4 hours"])
    }
}
