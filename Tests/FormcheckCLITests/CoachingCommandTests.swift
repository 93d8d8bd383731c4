import Foundation
import Testing

/// angles, calibrate and replay through the built binary.
@Suite struct CoachingCommandTests {
    static let scenarios = ExitStatusTests.packageRoot + "/Fixtures/scenarios"

    @Test func anglesPrintsFlexionAndAdductionPerSample() throws {
        let r = try ExitStatusTests.run(["angles", Self.scenarios + "/hamstring-shallow.evemu", "--side", "left", "--posture", "supine"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.first == "t,flexion,adduction")
        // 43 s at 200 Hz, every sample from the first.
        #expect(rows.count > 8000)
        let values = rows.dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
        #expect(values.first?[0] == 0)
        // The hold at 35° (truth: about 10–40 s).
        let mid = values.first { $0[0] >= 25 }!
        #expect(abs(mid[1] - 35) < 1.0)
    }

    @Test func aStoredCalibrationRevealsTheWrongPosture() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let cal = dir.appendingPathComponent("cal.json").path
        // A still stand and a knee raise: read two ways without being told how it starts.
        let unsure = try ExitStatusTests.run(["calibrate", Self.scenarios + "/piriformis-standing.calibration.evemu", "-o", cal])
        #expect(unsure.status == 65)
        #expect(unsure.stderr.contains("--posture standing"))
        let c = try ExitStatusTests.run(["calibrate", Self.scenarios + "/piriformis-standing.calibration.evemu", "-o", cal,
                                         "--posture", "standing"])
        #expect(c.status == 0, "stderr: \(c.stderr)")
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cal))) as? [String: Any])
        #expect((stored["mounting"] as? [Double])?.count == 4)
        // The session was done standing; the protocol says lying.
        let session = dir.appendingPathComponent("s.evemu").path
        #expect(try ExitStatusTests.run(["simulate", "piriformis-standing", "-o", session]).status == 0)
        let with = try ExitStatusTests.run(["replay", session, "--exercise", "piriformis", "--calibration", cal, "--format", "json"])
        #expect(with.status == 0, "stderr: \(with.stderr)")
        #expect(with.stdout.contains("\"posture\":\"standing\""))
        #expect(with.stdout.contains("\"kind\":\"wrongPosture\""))
        let without = try ExitStatusTests.run(["replay", session, "--exercise", "piriformis", "--format", "json"])
        #expect(!without.stdout.contains("wrongPosture"))
    }

    @Test(arguments: [
        (["replay", "x.evemu"], 64),
        (["replay", "x.evemu", "--exercise", "yoga"], 64),
        (["replay", "no-such-file.evemu", "--exercise", "piriformis"], 66),
    ])
    func replayErrors(_ arguments: [String], _ status: Int) throws {
        let r = try ExitStatusTests.run(arguments)
        #expect(Int(r.status) == status, "stderr: \(r.stderr)")
        #expect(r.stderr.hasPrefix("formcheck: ") || r.stderr.hasPrefix("Error: "))
    }

    @Test func protocolWithExerciseIsUsage() throws {
        let r = try ExitStatusTests.run(["replay", Self.scenarios + "/hamstring-shallow.evemu", "--exercise", "hamstring", "--protocol", "x.json"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("not both"), "stderr: \(r.stderr)")
    }

    @Test func aProtocolWithAnUnknownKeyIsBadDataWithItsLine() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let path = dir.appendingPathComponent("mine.json").path
        let text = try ExitStatusTests.run(["exercises", "--json", "hamstring"]).stdout.replacingOccurrences(of: "\"holdAngle\"", with: "\"holdAngel\"")
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        let r = try ExitStatusTests.run(["replay", Self.scenarios + "/hamstring-shallow.evemu", "--protocol", path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("mine.json:"), "stderr: \(r.stderr)")
        #expect(r.stderr.contains("holdAngel: unknown key; did you mean holdAngle?"), "stderr: \(r.stderr)")
    }

    /// A recording with no samples, and one that is not the exercise, say so and exit 65.
    @Test func nothingToCoachIsBadData() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let header = try String(contentsOfFile: Self.scenarios + "/hamstring-shallow.evemu", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("E:") }.joined(separator: "\n") + "\n"
        let empty = dir.appendingPathComponent("empty.evemu").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data(header.utf8))
        let r = try ExitStatusTests.run(["replay", empty, "--exercise", "hamstring", "--format", "json"])
        #expect(r.status == 65, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("no usable samples"), "stderr: \(r.stderr)")
        // A stretch replayed as walking: nothing recognisable.
        let w = try ExitStatusTests.run(["replay", Self.scenarios + "/hamstring-shallow.evemu", "--exercise", "walk"])
        #expect(w.status == 65)
        #expect(w.stderr.contains("nothing recognisable as walk: no walking found"), "stderr: \(w.stderr)")
    }

    @Test func aBrokenCalibrationFileIsBadData() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let cal = dir.appendingPathComponent("cal.json").path
        _ = FileManager.default.createFile(atPath: cal, contents: Data("{\"mounting\": [1, 0]}".utf8))
        let r = try ExitStatusTests.run(["replay", Self.scenarios + "/hamstring-shallow.evemu", "--exercise", "hamstring", "--calibration", cal])
        #expect(r.status == 65)
        #expect(r.stderr.contains("not a formcheck calibration"))
    }
}
