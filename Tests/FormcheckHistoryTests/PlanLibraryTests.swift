@testable import FormcheckHistory
import Foundation
import Testing

/// The plan files: the built-in one is every default written out, and a file with an unknown key,
/// a wrong type or a number out of range is refused with its path, line, JSON path and the fix.
@Suite struct PlanLibraryTests {
    static let builtIn = PlanLibrary.builtInText("gradual")!

    @Test func theBuiltInPlanIsEveryDefaultAndEncodesToItsOwnText() throws {
        let rules = try PlanLibrary.named("gradual")
        #expect(rules == PlanRules(name: "gradual", description: rules.description))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(rules), as: UTF8.self) + "\n" == Self.builtIn)
        #expect(PlanLibrary.names == ["gradual"])
    }

    @Test func leftOutNumbersAreTheDefaults() throws {
        let rules = try PlanLibrary.decode(#"{"name": "mine", "description": "x", "walking": {"weeklyGrowth": 0.05}}"#, path: "mine.json")
        #expect(rules.walking.weeklyGrowth == 0.05)
        #expect(rules.walking.startMetres == 1609.344)
        #expect(rules.completion.days == 5)
    }

    static func refusal(_ text: String) -> String {
        do {
            _ = try PlanLibrary.decode(text, path: "mine.json")
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    @Test func anUnknownKeyIsRefusedWithItsPathLineAndTheNearestKey() {
        let text = """
            {
              "name": "mine", "description": "x",
              "walking": {
                "weeklyGrowt": 0.05
              }
            }
            """
        #expect(Self.refusal(text) == "mine.json:4: walking.weeklyGrowt: unknown key; did you mean weeklyGrowth?")
        #expect(Self.refusal(#"{"name": "m", "description": "x", "speed": 1}"#)
                == "mine.json:1: speed: unknown key; the keys here are name, description, walking, holds, reps, pain, completion")
    }

    @Test func aSectionThatIsNotAnObjectOrAWrongTypeIsRefused() {
        #expect(Self.refusal(#"{"name": "m", "description": "x", "pain": 2}"#) == "mine.json:1: pain: must be an object ({ … })")
        let text = """
            {"name": "m", "description": "x",
             "completion": {"days": "five"}}
            """
        #expect(Self.refusal(text).hasPrefix("mine.json:2: completion.days: "))
        #expect(Self.refusal(#"{"description": "x"}"#) == "mine.json:1: missing key \"name\"")
        #expect(Self.refusal("[1]") == "mine.json:1: a plan is a JSON object")
        #expect(Self.refusal("{").hasPrefix("mine.json:1: "))
    }

    @Test(arguments: [
        (#""completion": {"days": 8}"#, "completion.days must be from 1 to 7 days"),
        (#""completion": {"days": 0}"#, "completion.days must be from 1 to 7 days"),
        (#""walking": {"weeklyGrowth": 1.5}"#, "walking.weeklyGrowth must be from 0 to 1 (0.1 is +10 % a week)"),
        (#""walking": {"startMetres": 0}"#, "walking.startMetres must be more than 0 metres"),
        (#""holds": {"minimumSeconds": 90}"#, "holds.minimumSeconds must be more than 0 and at most holds.capSeconds"),
        (#""pain": {"sessionRise": 0}"#, "pain.sessionRise must be from 1 to 10 points"),
        (#""reps": {"growthPerSet": 0}"#, "reps.growthPerSet must be from 1 to 100"),
    ])
    func aNumberOutOfRangeIsRefusedOnItsLine(member: String, message: String) {
        let text = "{\"name\": \"m\", \"description\": \"x\",\n  \(member)\n}"
        #expect(Self.refusal(text) == "mine.json:2: \(message)")
    }

    @Test func theLimitsThemselvesAreAccepted() throws {
        let text = #"{"name": "m", "description": "x", "completion": {"days": 7, "walkingFraction": 1}, "walking": {"weeklyGrowth": 1, "stepBack": 0}}"#
        let rules = try PlanLibrary.decode(text, path: "m.json")
        #expect(rules.completion.days == 7 && rules.walking.weeklyGrowth == 1)
    }

    @Test func anUnknownNameAndAMissingFile() {
        #expect(throws: PlanLibrary.LoadError.unknown("steep")) { try PlanLibrary.named("steep") }
        #expect(throws: PlanLibrary.LoadError.self) { try PlanLibrary.named("/nonexistent/plan.json") }
    }
}
