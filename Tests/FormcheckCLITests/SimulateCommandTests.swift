import Foundation
import Testing

@Suite struct SimulateCommandTests {
    static func write(_ text: String, _ name: String, in dir: URL) -> String {
        let path = dir.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    static let userScenario = """
        {
          "name": "my-knee-raise",
          "summary": "a short knee raise written by a user",
          "exercise": "knee-to-chest",
          "side": "left",
          "posture": "supine",
          "device": "dualshock4-bt",
          "seed": 7,
          "mounting": {"random": {}},
          "leverArm": [0.2, 0.05, 0.07],
          "imuErrors": true,
          "calibration": false,
          "expectedErrors": [],
          "steps": [
            {"rest": 2},
            {"move": {"flexion": 60, "duration": 2}},
            {"hold": {"duration": 6, "sway": 0.2}},
            {"move": {"flexion": 0, "duration": 2}},
            {"rest": 2}
          ]
        }
        """

    @Test func listsTheBuiltInSuite() throws {
        let r = try ExitStatusTests.run(["simulate", "--list"])
        #expect(r.status == 0)
        let names = r.stdout.split(separator: "\n").map { $0.split(separator: " ")[0] }
        #expect(names.contains("piriformis-dualsense") && names.contains("walk-brisk") && names.contains("strap-slip"))
        #expect(names.contains("start-seated") && names.contains("no-rest"))
        #expect(names.count == 23)  // the coaching suite and the calibration suite
    }

    @Test func rendersAScenarioFileAUserWrote() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let scenario = Self.write(Self.userScenario, "mine.json", in: dir)
        let evemu = dir.appendingPathComponent("mine.evemu").path
        let truth = dir.appendingPathComponent("mine.truth.json").path
        let r = try ExitStatusTests.run(["simulate", scenario, "-o", evemu, "--truth", truth])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let inspect = try ExitStatusTests.run(["inspect", evemu, "--format", "json"])
        #expect(inspect.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [[String: Any]]).first!
        #expect(report["samples"] as? Int == 3501)  // 14 s at 250 Hz, both ends
        let t = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truth))) as? [String: Any])
        let holds = try #require(t["holds"] as? [[String: Any]])
        #expect(holds.count == 1)
        #expect(holds.first?["flexion"] as? Double == 60)
        #expect(t["side"] as? String == "left")
    }

    @Test func printsABuiltInScenarioAsATemplate() throws {
        let r = try ExitStatusTests.run(["simulate", "piriformis-dualsense", "--print"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "piriformis-dualsense")
        #expect((object["steps"] as? [Any])?.count ?? 0 > 10)
    }

    @Test(arguments: [
        ("{\n  \"name\": \"x\",\n  \"steps\": [\n    {\"rest\" 2}\n  ]\n}", ":4: ", "not valid JSON"),
        (userScenario.replacingOccurrences(of: "\"seed\": 7,", with: ""), ": ", "missing key \"seed\""),
        (userScenario.replacingOccurrences(of: "{\"rest\": 2},", with: "{\"rest\": -2},"), ": ", "steps[0]: duration -2.0 s is outside"),
        (userScenario.replacingOccurrences(of: "{\"rest\": 2},", with: "{\"jump\": 2},"), ": ", "steps[0]"),
        (userScenario.replacingOccurrences(of: "\"dualshock4-bt\"", with: "\"wiimote\""), ": ", "device"),
        (userScenario.replacingOccurrences(of: "\"posture\": \"supine\"", with: "\"posture\": \"supine\"").replacingOccurrences(of: "{\"rest\": 2},", with: "{\"walk\": {\"duration\": 10, \"cadence\": 100}},"), ": ", "walking needs"),
    ])
    func badScenarioFilesExit65(_ text: String, _ separator: String, _ message: String) throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let path = Self.write(text, "bad.json", in: dir)
        let r = try ExitStatusTests.run(["simulate", path, "-o", dir.appendingPathComponent("x.evemu").path])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("formcheck: \(path)\(separator)"), "stderr: \(r.stderr)")
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.evemu").path))
    }

    @Test func unknownBuiltInIsBadUsage() throws {
        let r = try ExitStatusTests.run(["simulate", "no-such-scenario", "-o", "/tmp/x.evemu"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--list"))
    }
}
