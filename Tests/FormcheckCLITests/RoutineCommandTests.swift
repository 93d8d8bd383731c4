import Foundation
import Testing

/// `formcheck routine NAME [DEVICE]` through the built binary, without a device: the routine is
/// checked first (unknown 64, a bad file 65, missing 66), then the device (none: 69), and nothing
/// is recorded when there is nothing to record. The live path itself is LiveRoutineTests.
@Suite struct RoutineCommandTests {
    @Test(arguments: [
        (["routine", "yoga"], 64),
        (["routine", "/no/such/routine.json"], 66),
        (["routine", "stretches", "--height", "17"], 64),
        (["routine"], 64),
    ])
    func routineErrors(_ arguments: [String], _ status: Int) throws {
        let r = try ExitStatusTests.run(arguments)
        #expect(Int(r.status) == status, "stderr: \(r.stderr)")
        #expect(r.stderr.hasPrefix("formcheck: ") || r.stderr.hasPrefix("Error: "))
    }

    @Test func aBadRoutineFileIsBadDataWithItsLine() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let file = dir.appendingPathComponent("mine.json")
        try Data("{\n  \"name\": \"mine\",\n  \"exercises\": [],\n  \"colour\": 3\n}\n".utf8).write(to: file)
        let r = try ExitStatusTests.run(["routine", file.path])
        #expect(r.status == 65, "stderr: \(r.stderr)")
        #expect(r.stderr.contains(file.path), "stderr: \(r.stderr)")
    }

    @Test func noDeviceIsStatus69AndRecordsNothing() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let record = dir.appendingPathComponent("r.evemu").path
        let r = try ExitStatusTests.run(["routine", "stretches", "--record", record,
                                         "--sysfs-root", dir.path, "--dev-root", dir.path, "--udev-root", dir.path])
        #expect(r.status == 69, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("no motion-sensor node found") && r.stderr.contains("fix: "), "stderr: \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: record))
    }
}
