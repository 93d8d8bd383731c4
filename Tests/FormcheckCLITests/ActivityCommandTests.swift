import Foundation
import Testing

/// `formcheck activity` as a user runs it: the bouts and totals of a simulated walk, text and JSON;
/// exit 65 for a recording without samples.
@Suite struct ActivityCommandTests {
    @Test func simulatedBriskWalk() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let file = dir.appendingPathComponent("walk.evemu").path
        let sim = try ExitStatusTests.run(["simulate", "walk-brisk", "-o", file])
        #expect(sim.status == 0, "\(sim.stderr)")
        let json = try ExitStatusTests.run(["activity", file, "--height", "175", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        // 60 s at 112 steps/min after a 3 s rest: one walking bout, steps within 2 %.
        let steps = try #require(object["steps"] as? Int)
        #expect(abs(steps - 112) <= 2)
        #expect(abs(try #require(object["cadence"] as? Double) - 112) <= 2)
        #expect(abs(try #require(object["walkingSeconds"] as? Double) - 60) <= 1.5)
        // The pendulum model: 56 strides × 4 × 0.93 m × sin 20° = 71 m, within 10 %.
        #expect(abs(try #require(object["distanceMeters"] as? Double) - 71.1) <= 7.1)
        let bouts = try #require(object["bouts"] as? [[String: Any]])
        #expect(bouts.count == 1)
        #expect(bouts.first?["activity"] as? String == "walking")
        #expect(abs((bouts.first?["start"] as? Double ?? 0) - 3) < 1.2)
        let text = try ExitStatusTests.run(["activity", file])
        #expect(text.status == 0)
        #expect(text.stdout.contains("  walking     \(steps)   "), "\(text.stdout)")
        #expect(text.stdout.contains("distance  — (give --height)"))
        // Without --height the JSON says null.
        let plain = try ExitStatusTests.run(["activity", file, "--format", "json"])
        #expect(plain.stdout.contains("\"distanceMeters\" : null"), "\(plain.stdout)")
    }

    @Test func noSamplesIsAMalformedRecording() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let file = dir.appendingPathComponent("empty.csv").path
        try "t,ax,ay,az,gx,gy,gz\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try ExitStatusTests.run(["activity", file])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("no samples"))
        let bad = try ExitStatusTests.run(["activity", file, "--height", "1.75"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("centimetres"))
    }
}
