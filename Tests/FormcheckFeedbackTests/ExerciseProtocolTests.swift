@testable import FormcheckFeedback
import Foundation
import Testing

/// Protocol files as honest data: defaults for what is left out, unknown keys refused with the line
/// and a "did you mean", and the bundled files exactly what encoding a protocol writes.
@Suite struct ExerciseProtocolTests {
    static let minimal = """
        {
          "name": "mine",
          "title": "My stretch",
          "instructions": "Lie down.",
          "kind": "stretch",
          "posture": "supine",
          "holdAngle": 50
        }
        """

    @Test func missingNumbersTakeTheirDefaults() throws {
        let p = try ExerciseLibrary.decode(Self.minimal, path: "mine.json")
        #expect(p.hold == .init())
        #expect(p.hold.dipGrace == 2 && p.hold.countdownMarks == [30, 10, 0] && p.hold.correctionRepeatSeconds == 8)
        #expect(p.rateSmoothingHz == 2 && p.rearmRate == 30 && p.guidance.settleSeconds == 2 && p.wrongExerciseSteps == 10)
    }

    /// The correction interval: 10 s when left out, any number from 0 (every correction said) on,
    /// refused below 0 with its line; a misspelt key is an unknown key like any other.
    @Test func theCorrectionInterval() throws {
        #expect(try ExerciseLibrary.decode(Self.minimal, path: "m.json").correctionIntervalSeconds == 10)
        let with = { (value: String) in
            Self.minimal.replacingOccurrences(of: "\"holdAngle\": 50", with: "\"holdAngle\": 50,\n  \"correctionIntervalSeconds\": \(value)")
        }
        #expect(try ExerciseLibrary.decode(with("0"), path: "m.json").correctionIntervalSeconds == 0)
        #expect(try ExerciseLibrary.decode(with("4.5"), path: "m.json").correctionIntervalSeconds == 4.5)
        do { _ = try ExerciseLibrary.decode(with("-0.1"), path: "m.json"); Issue.record("accepted") } catch {
            #expect("\(error)".hasPrefix("m.json:8: correctionIntervalSeconds must be 0"), "\(error)")
        }
        let misspelt = with("5").replacingOccurrences(of: "correctionIntervalSeconds", with: "correctionIntervalSecond")
        do { _ = try ExerciseLibrary.decode(misspelt, path: "m.json"); Issue.record("accepted") } catch {
            #expect("\(error)" == "m.json:8: correctionIntervalSecond: unknown key; did you mean correctionIntervalSeconds?", "\(error)")
        }
    }

    /// The strap slip's quiet time: 10 s when left out, any number from 0 on, refused below 0 with
    /// its line.
    @Test func theStrapSlipQuietTime() throws {
        #expect(try ExerciseLibrary.decode(Self.minimal, path: "m.json").strapSlipQuietSeconds == 10)
        let with = { (value: String) in
            Self.minimal.replacingOccurrences(of: "\"holdAngle\": 50", with: "\"holdAngle\": 50,\n  \"strapSlipQuietSeconds\": \(value)")
        }
        #expect(try ExerciseLibrary.decode(with("0"), path: "m.json").strapSlipQuietSeconds == 0)
        #expect(try ExerciseLibrary.decode(with("30"), path: "m.json").strapSlipQuietSeconds == 30)
        do { _ = try ExerciseLibrary.decode(with("-0.1"), path: "m.json"); Issue.record("accepted") } catch {
            #expect("\(error)".hasPrefix("m.json:8: strapSlipQuietSeconds must be 0"), "\(error)")
        }
    }

    @Test func anUnknownKeyIsRefusedWithItsLineAndTheNearestKey() {
        let text = Self.minimal.replacingOccurrences(of: "\"holdAngle\"", with: "\"holdAngel\"")
        #expect(throws: (any Error).self) { try ExerciseLibrary.decode(text, path: "mine.json") }
        do { _ = try ExerciseLibrary.decode(text, path: "mine.json") } catch {
            #expect("\(error)" == "mine.json:7: holdAngel: unknown key; did you mean holdAngle?")
        }
        let nested = Self.minimal.replacingOccurrences(of: "\"holdAngle\": 50", with: "\"holdAngle\": 50,\n  \"hold\": {\"dipGrase\": 1}")
        do { _ = try ExerciseLibrary.decode(nested, path: "n.json"); Issue.record("accepted") } catch {
            #expect("\(error)" == "n.json:8: dipGrase: unknown key; did you mean dipGrace?")
        }
    }

    @Test func aWrongTypeSaysItsLine() {
        let text = Self.minimal.replacingOccurrences(of: "\"holdAngle\": 50", with: "\"holdAngle\": \"50\"")
        do { _ = try ExerciseLibrary.decode(text, path: "m.json"); Issue.record("accepted") } catch {
            #expect("\(error)".hasPrefix("m.json:7: holdAngle: "), "\(error)")
        }
    }

    @Test func progressAtLeastEveryTwoMinutes() {
        let text = Self.minimal.replacingOccurrences(of: "\"holdAngle\": 50", with: "\"holdAngle\": 50,\n  \"pace\": {\"progressSeconds\": 121}")
        do { _ = try ExerciseLibrary.decode(text, path: "m.json"); Issue.record("accepted") } catch {
            #expect("\(error)".hasPrefix("m.json:8: progressSeconds must be"), "\(error)")
        }
    }

    /// The reps' axis and compensation: flexion and 0 (not checked) when left out; an axis that is
    /// not one of the two, or a negative threshold, is refused with its line.
    @Test func repAxisAndCompensation() throws {
        let strength = """
            {
              "name": "mine",
              "title": "My lift",
              "instructions": "Lift.",
              "kind": "strength",
              "posture": "sideLying",
              "reps": {"topAngle": 30}
            }
            """
        let p = try ExerciseLibrary.decode(strength, path: "m.json")
        #expect(p.reps?.axis == .flexion && p.reps?.compensationDegrees == 0)
        let abduction = try ExerciseLibrary.decode(strength.replacingOccurrences(of: "{\"topAngle\": 30}",
                                                                                with: "{\"topAngle\": 30, \"axis\": \"abduction\", \"compensationDegrees\": 12}"), path: "m.json")
        #expect(abduction.reps?.axis == .abduction && abduction.reps?.compensationDegrees == 12)
        do {
            _ = try ExerciseLibrary.decode(strength.replacingOccurrences(of: "{\"topAngle\": 30}", with: "{\"topAngle\": 30,\n \"axis\": \"abdction\"}"), path: "m.json")
            Issue.record("accepted")
        } catch {
            #expect("\(error)" == "m.json:8: axis: axis must be one of \"flexion\", \"abduction\", not \"abdction\"", "\(error)")
        }
        do {
            _ = try ExerciseLibrary.decode(strength.replacingOccurrences(of: "{\"topAngle\": 30}", with: "{\"topAngle\": 30,\n \"compensationDegrees\": -1}"), path: "m.json")
            Issue.record("accepted")
        } catch {
            #expect("\(error)".hasPrefix("m.json:8: compensationDegrees must be 0"), "\(error)")
        }
    }

    /// A bundled file is byte for byte what encoding its protocol writes (what `formcheck exercises
    /// --json NAME` prints), and reads back to the same protocol.
    @Test(arguments: ExerciseLibrary.names)
    func bundledFilesAreTheirOwnEncoding(_ name: String) throws {
        let p = try ExerciseLibrary.named(name)
        let file = try #require(ExerciseLibrary.builtInText(name))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(p), as: UTF8.self) + "\n" == file)
        #expect(try ExerciseLibrary.decode(file, path: name) == p)
    }
}
