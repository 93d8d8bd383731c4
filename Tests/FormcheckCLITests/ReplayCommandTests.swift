import Foundation
import Testing

/// `replay`'s claims that need the binary: `--protocol FILE` coaches by that file's numbers,
/// `--realtime` replays at the recorded pace and reports what the fast replay reports, and several
/// files are replayed one after the other, each as if alone.
@Suite struct ReplayCommandTests {
    static let shallow = CoachingCommandTests.scenarios + "/hamstring-shallow.evemu"

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// The bundled hamstring protocol with `holdAngle` (degrees) and its name replaced.
    static func hamstringProtocol(name: String, holdAngle: Int) throws -> String {
        let text = try ExitStatusTests.run(["exercises", "--json", "hamstring"]).stdout
        #expect(text.contains("\"holdAngle\" : 45,"))
        return text.replacingOccurrences(of: "\"holdAngle\" : 45,", with: "\"holdAngle\" : \(holdAngle),")
            .replacingOccurrences(of: "\"name\" : \"hamstring\"", with: "\"name\" : \"\(name)\"")
    }

    /// hamstring-shallow holds at 35° (truth; replay measures a mean of 34.8°): below the bundled
    /// 45° it is shallow; a protocol file asking for 30° coaches the same hold as reaching the
    /// target, under the file's name, and one asking for 40° as shallow again.
    @Test func aProtocolFileCoachesByItsNumbers() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        var summaries: [Int: [String: Any]] = [:]
        for angle in [30, 40] {
            let path = dir.appendingPathComponent("mine-\(angle).json").path
            try Self.hamstringProtocol(name: "mine", holdAngle: angle).write(toFile: path, atomically: true, encoding: .utf8)
            let r = try ExitStatusTests.run(["replay", Self.shallow, "--protocol", path, "--format", "json"])
            #expect(r.status == 0, "stderr: \(r.stderr)")
            let lines = try Self.jsonLines(r.stdout)
            let summary = try #require(lines.last)
            summaries[angle] = summary
        }
        let bundledLines = try Self.jsonLines(ExitStatusTests.run(["replay", Self.shallow, "--exercise", "hamstring", "--format", "json"]).stdout)
        let bundled = try #require(bundledLines.last)
        func shallow(_ s: [String: Any]) -> Bool {
            ((s["formErrors"] as? [[String: Any]]) ?? []).contains { $0["kind"] as? String == "shallow" }
        }
        #expect(bundled["exercise"] as? String == "hamstring" && shallow(bundled))
        let deep = try #require(summaries[30]), short = try #require(summaries[40])
        #expect(deep["exercise"] as? String == "mine" && short["exercise"] as? String == "mine")
        #expect(!shallow(deep), "\(deep)")
        #expect(shallow(short), "\(short)")
        // The same hold is found whatever the target.
        for s in [deep, short] {
            let holds = try #require(s["holds"] as? [[String: Any]])
            #expect(holds.count == 1 && holds.first?["start"] as? Double == (bundled["holds"] as? [[String: Any]])?.first?["start"] as? Double)
        }
    }

    /// A short simulated hamstring session (10.5 s: still, raise, a 3 s hold at 50°, lower) and a
    /// hamstring protocol that counts a hold from 2 s on (the bundled one: 5 s).
    static func shortSession(in dir: URL) throws -> (path: String, seconds: Double, protocolFile: String) {
        let scenario = dir.appendingPathComponent("short.json").path
        try """
            {"name": "short-hamstring", "summary": "a 3 s hold at 50°", "exercise": "hamstring", "side": "right",
             "posture": "supine", "device": "dualsense-usb", "mounting": {"random": {}}, "leverArm": [0.2, 0.06, 0.07],
             "imuErrors": true, "calibration": false, "seed": 17, "expectedErrors": [],
             "steps": [{"rest": 2}, {"move": {"duration": 2.5, "flexion": 50}}, {"hold": {"duration": 3, "sway": 0.3}},
                       {"move": {"duration": 2.5, "flexion": 0}}, {"rest": 0.5}]}
            """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("short.evemu").path
        let r = try ExitStatusTests.run(["simulate", scenario, "-o", path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let protocolFile = dir.appendingPathComponent("short-hold.json").path
        let text = try ExitStatusTests.run(["exercises", "--json", "hamstring"]).stdout
        #expect(text.contains("\"minimumSeconds\" : 5,"))
        try text.replacingOccurrences(of: "\"minimumSeconds\" : 5,", with: "\"minimumSeconds\" : 2,")
            .write(toFile: protocolFile, atomically: true, encoding: .utf8)
        return (path, 10.5, protocolFile)
    }

    /// `--realtime`: the same JSON Lines as the fast replay (the live runner against the batch
    /// pipeline), no sooner than the recording lasts. A slow machine makes it later, never fails it.
    @Test func realtimeReportsWhatTheFastReplayReportsAtTheRecordedPace() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let session = try Self.shortSession(in: dir)
        let arguments = ["replay", session.path, "--protocol", session.protocolFile, "--hold", "2", "--format", "json"]
        let fast = try ExitStatusTests.run(arguments)
        #expect(fast.status == 0, "stderr: \(fast.stderr)")
        let events = try Self.jsonLines(fast.stdout)
        #expect(events.contains { $0["type"] as? String == "holdEnded" && $0["complete"] as? Bool == true }, "\(fast.stdout)")
        let start = Date()
        let paced = try ExitStatusTests.run(arguments + ["--realtime"])
        let elapsed = Date().timeIntervalSince(start)
        #expect(paced.status == 0, "stderr: \(paced.stderr)")
        #expect(paced.stdout == fast.stdout)
        // Paced by the recording's clock: the session ends with its last sample, 10.5 s in.
        let end = try #require(events.last?["t"] as? Double)
        #expect(abs(end - session.seconds) < 0.005)
        #expect(elapsed >= end, "--realtime took \(elapsed) s for \(end) s of recording")
    }

    /// Several recordings: each replayed as if alone, in order (JSON: one summary each; text: a
    /// `== FILE` heading before each); one with nothing to coach is named and makes the status 65,
    /// the others are still reported.
    @Test func severalFilesAreEachReplayedAsIfAlone() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let session = try Self.shortSession(in: dir)
        let short = session.path
        // The hamstring with 2 s holds counting (the short session's one hold is 3 s: with the
        // built-in 5 s minimum it has none, and a lone 3 s lift looks like a straight-leg raise).
        let options = ["--protocol", session.protocolFile, "--hold", "2"]
        let one = try ExitStatusTests.run(["replay", Self.shallow] + options + ["--format", "json"])
        let two = try ExitStatusTests.run(["replay", short] + options + ["--format", "json"])
        #expect(one.status == 0 && two.status == 0)
        let both = try ExitStatusTests.run(["replay", Self.shallow, short] + options + ["--format", "json"])
        #expect(both.status == 0, "stderr: \(both.stderr)")
        #expect(both.stdout == one.stdout + two.stdout)
        #expect(try Self.jsonLines(both.stdout).filter { $0["type"] as? String == "summary" }.count == 2)

        let oneText = try ExitStatusTests.run(["replay", Self.shallow] + options)
        let twoText = try ExitStatusTests.run(["replay", short] + options)
        let bothText = try ExitStatusTests.run(["replay", Self.shallow, short] + options)
        #expect(bothText.status == 0)
        #expect(bothText.stdout == "== \(Self.shallow)\n" + oneText.stdout + "== \(short)\n" + twoText.stdout)

        // A stretch replayed with nothing in it: named, status 65, the good file still reported.
        let header = try String(contentsOfFile: short, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("E:") }
        let empty = dir.appendingPathComponent("empty.evemu").path
        try (header.joined(separator: "\n") + "\n").write(toFile: empty, atomically: true, encoding: .utf8)
        let mixed = try ExitStatusTests.run(["replay", empty, short] + options + ["--format", "json"])
        #expect(mixed.status == 65, "stderr: \(mixed.stderr)")
        #expect(mixed.stderr.hasPrefix("formcheck: \(empty): no usable samples"), "stderr: \(mixed.stderr)")
        #expect(mixed.stdout.hasSuffix(two.stdout), "\(mixed.stdout)")
    }
}
