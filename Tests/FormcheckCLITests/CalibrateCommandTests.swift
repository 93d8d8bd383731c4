import Foundation
import Testing

/// `formcheck calibrate` from everyday recordings (simulated with full sensor errors and a random
/// strap), its refusals, and the warnings when a stored calibration does not fit a session.
@Suite struct CalibrateCommandTests {
    static func simulate(_ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name + ".evemu").path
        let r = try ExitStatusTests.run(["simulate", name, "-o", path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        return path
    }

    @Test func aSeatedStartStandingUpAndAWalkIsEnough() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let session = try Self.simulate("start-seated", in: dir)
        let cal = dir.appendingPathComponent("cal.json").path
        let r = try ExitStatusTests.run(["calibrate", session, "-o", cal])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("sure"))
        // The rests and their postures, in order: seated first, then standing.
        let rests = r.stderr.split(separator: "\n").filter { $0.contains("  rest ") }
        #expect(rests.first?.contains("sitting") == true)
        #expect(rests.dropFirst().first?.contains("standing") == true)
        #expect(r.stderr.contains("walking"))
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cal))) as? [String: Any])
        #expect((stored["mounting"] as? [Double])?.count == 4)
    }

    @Test func aLyingDownSessionIsNotAStandingOne() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let r = try ExitStatusTests.run(["calibrate", CoachingCommandTests.scenarios + "/hamstring-shallow.evemu",
                                         "-o", dir.appendingPathComponent("cal.json").path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("no calibration"))
        #expect(r.stderr.contains("fix:"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("cal.json").path))
    }

    @Test func aCalibrationFromAnotherDeviceOrStrapIsQuestioned() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let cal = dir.appendingPathComponent("cal.json").path
        // Made on a DualSense (start-seated), applied to a Joy-Con L on the left leg (another strap).
        #expect(try ExitStatusTests.run(["calibrate", try Self.simulate("start-seated", in: dir), "-o", cal]).status == 0)
        let other = try Self.simulate("seated-start-left", in: dir)
        let r = try ExitStatusTests.run(["angles", other, "--side", "left", "--calibration", cal])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("another kind of device"))
        #expect(r.stderr.contains("from where it was calibrated"))
        // Applied to the recording it was made from: no warning.
        let same = try ExitStatusTests.run(["angles", dir.appendingPathComponent("start-seated.evemu").path, "--calibration", cal])
        #expect(same.status == 0)
        #expect(!same.stderr.contains("warning"), "stderr: \(same.stderr)")
    }
}
