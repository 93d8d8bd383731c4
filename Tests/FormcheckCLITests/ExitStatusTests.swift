import Foundation
import Testing

/// The built `formcheck` binary, run as a user would: exit status (sysexits.h) and what it prints.
@Suite struct ExitStatusTests {
    /// The package root, from this file's path (Tests/FormcheckCLITests/<this file>).
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func fixture(_ name: String) -> String { packageRoot + "/Fixtures/devices/" + name }

    /// `formcheck` next to the test bundle, or under the package's .build/debug.
    static let binary: String? = {
        var candidates: [String] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("formcheck").path)
        }
        if let exe = Bundle.main.executableURL {
            candidates.append(exe.deletingLastPathComponent().appendingPathComponent("formcheck").path)
        }
        candidates.append(packageRoot + "/.build/debug/formcheck")
        return candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: path)
        }
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        var description: String {
            "the formcheck binary was not found next to the test bundle (\(CommandLine.arguments.first ?? "?")) "
                + "nor at \(ExitStatusTests.packageRoot)/.build/debug/formcheck; run 'swift build --build-tests' first"
        }
    }

    struct Timeout: Error {}

    /// A folder for this test's files, removed by `cleanUp`.
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formcheck-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func cleanUp(_ dir: URL) { try? FileManager.default.removeItem(at: dir) }

    /// Runs formcheck with `arguments`, output captured through files (no pipe can fill up).
    /// `environment` adds to (or replaces in) the test's own environment.
    static func run(_ arguments: [String], asUnprivilegedUser: Bool = false, environment: [String: String] = [:]) throws -> Run {
        guard let binary else { throw BinaryMissing() }
        let dir = try scratch()
        defer { cleanUp(dir) }
        let out = dir.appendingPathComponent("stdout"), err = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        if asUnprivilegedUser && geteuid() == 0 {
            // root reads any file whatever its mode: run as nobody (util-linux setpriv) to see EACCES.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw Timeout()
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// `inspect --format json` of one file: its report.
    static func jsonReport(_ run: Run) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let reports = try #require(parsed as? [[String: Any]], "inspect --format json prints an array of reports")
        #expect(reports.count == 1)
        return try #require(reports.first)
    }

    static func lines(of path: String) throws -> [String] {
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test func binaryIsBuilt() throws {
        #expect(Self.binary != nil, "\(BinaryMissing())")
        let r = try Self.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("0.1.0 (commit "), "\(r.stdout)")
        #expect(r.stdout.hasSuffix(")\n"))
        // The commit the binary was built from: this checkout's HEAD (rebuild after committing).
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", Self.packageRoot, "rev-parse", "HEAD"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        try git.run()
        let head = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        git.waitUntilExit()
        if git.terminationStatus == 0 {
            #expect(r.stdout.contains(String(head.prefix(12))), "--version says \(r.stdout), HEAD is \(head) (rebuild after a commit)")
        } else {
            #expect(r.stdout == "0.1.0 (commit unknown)\n")
        }
    }

    // MARK: - 65: malformed recordings

    @Test func malformedEvemuExits65WithFileAndLine() throws {
        let dir = try Self.scratch()
        defer { Self.cleanUp(dir) }
        var lines = try Self.lines(of: Self.fixture("synthetic-dualsense-usb-pitch90.evemu"))
        let firstEvent = try #require(lines.firstIndex { $0.hasPrefix("E:") })
        lines.insert("E: 0.001 0003", at: firstEvent + 5)
        let path = dir.appendingPathComponent("truncated.evemu").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)

        let r = try Self.run(["inspect", path])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("formcheck: \(path):\(firstEvent + 6): "), "stderr: \(r.stderr)")
        #expect(r.stderr.contains("the event line ends after the type"), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func malformedCSVExits65WithFileAndLine() throws {
        let dir = try Self.scratch()
        defer { Self.cleanUp(dir) }
        let path = dir.appendingPathComponent("bad.csv").path
        try "t,ax,ay,az,gx,gy,gz\n0,0,9.8,0,0,0,0\n\n0.004,0,nine,0,0,0,0\n".write(toFile: path, atomically: true, encoding: .utf8)

        let r = try Self.run(["inspect", "--format", "json", path])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("formcheck: \(path):4: column ay: 'nine' is not a number"), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func emptyFileExits65() throws {
        let dir = try Self.scratch()
        defer { Self.cleanUp(dir) }
        for name in ["empty.evemu", "empty.csv", "empty"] {
            let path = dir.appendingPathComponent(name).path
            _ = FileManager.default.createFile(atPath: path, contents: Data())
            let r = try Self.run(["inspect", path])
            #expect(r.status == 65, "\(name)")
            #expect(r.stderr.hasPrefix("formcheck: \(path):1: empty file"), "stderr: \(r.stderr)")
        }
    }

    @Test func oneBadFileAmongGoodOnesExits65() throws {
        let dir = try Self.scratch()
        defer { Self.cleanUp(dir) }
        let bad = dir.appendingPathComponent("bad.evemu").path
        try "# EVEMU 2.0\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try Self.run(["inspect", Self.fixture("dualsense-usb-motion-sensors.evemu"), bad])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("formcheck: \(bad):1: unsupported evemu format version 2.0"), "stderr: \(r.stderr)")
    }

    // MARK: - 66: files that cannot be read

    @Test func missingFileExits66() throws {
        let path = Self.packageRoot + "/Fixtures/devices/no-such-recording.evemu"
        let r = try Self.run(["inspect", path])
        #expect(r.status == 66)
        #expect(r.stderr.hasPrefix("formcheck: \(path): cannot open: No such file or directory"), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func directoryExits66() throws {
        let path = Self.packageRoot + "/Fixtures/devices"
        let r = try Self.run(["inspect", path])
        #expect(r.status == 66)
        #expect(r.stderr.hasPrefix("formcheck: \(path): is a directory"), "stderr: \(r.stderr)")
    }

    @Test func unreadableFileExits66() throws {
        let dir = try Self.scratch()
        defer { Self.cleanUp(dir) }
        let path = dir.appendingPathComponent("secret.evemu").path
        _ = FileManager.default.createFile(atPath: path, contents: Data("# EVEMU 1.3\n".utf8), attributes: [.posixPermissions: 0o000])
        // The scratch folder must be searchable by the unprivileged user.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        let r = try Self.run(["inspect", path], asUnprivilegedUser: true)
        #expect(r.status == 66)
        #expect(r.stderr.hasPrefix("formcheck: \(path): cannot open: Permission denied"), "stderr: \(r.stderr)")
    }

    // MARK: - 64: bad usage

    @Test(arguments: [
        ["inspect", "--bogus", "x.evemu"],
        ["inspect"],
        ["inspect", "--format"],
        ["inspect", "--format", "xml", "x.evemu"],
        ["no-such-command"],
    ])
    func badUsageExits64(_ arguments: [String]) throws {
        let r = try Self.run(arguments)
        #expect(r.status == 64, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("Error: "), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    // MARK: - Every fixture

    /// Each fixture and what inspecting it gives: its sample count, or nil where it must fail.
    static let fixtures: [(name: String, samples: Int?)] = [
        ("dualsense-bt-motion-sensors.evemu", 0),
        ("dualsense-reconnect-hamstring-cut.evemu", 2506),
        ("dualsense-usb-motion-sensors.evemu", 0),
        ("dualshock4-v2-bt-motion-sensors.evemu", 0),
        ("joycon-left-imu.evemu", 0),
        ("joycon-right-imu.evemu", 0),
        ("steam-deck-motion-sensors.evemu", 0),
        ("synthetic-dualsense-usb-pitch90.evemu", 390),
        ("synthetic-joycon-left-pitch90.evemu", 360),
        ("wii-remote-accelerometer.evemu", nil),
    ]

    @Test func everyFixtureIsCovered() throws {
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot + "/Fixtures/devices")
            .filter { $0.hasSuffix(".evemu") }.sorted()
        #expect(present == Self.fixtures.map(\.name).sorted())
    }

    @Test(arguments: ExitStatusTests.fixtures)
    func inspectFixture(_ name: String, _ samples: Int?) throws {
        let path = Self.fixture(name)
        let r = try Self.run(["inspect", "--format", "json", path])
        guard let samples else {
            #expect(r.status == 65)
            #expect(r.stderr.hasPrefix("formcheck: \(path): "), "stderr: \(r.stderr)")
            #expect(r.stderr.contains("INPUT_PROP_ACCELEROMETER"), "stderr: \(r.stderr)")
            #expect(r.stdout.isEmpty)
            return
        }
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.isEmpty)
        let report = try Self.jsonReport(r)
        #expect(report["file"] as? String == path)
        #expect(report["format"] as? String == "evemu")
        #expect(report["samples"] as? Int == samples)
        for key in ["duration", "gaps", "rotationAngle"] { #expect(report[key] != nil, "no \(key)") }
        if samples == 0 {
            #expect(report["duration"] as? Double == 0)
            #expect((report["gaps"] as? [Any])?.isEmpty == true)
            #expect(report["rotationAngle"] as? Double == 0)
        }
        // The text report says the same.
        let text = try Self.run(["inspect", path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("\nsamples   \(samples)\n"), "stdout: \(text.stdout)")
    }

    @Test func jsonReportOfTheSyntheticDualSense() throws {
        let r = try Self.run(["inspect", "--format", "json", Self.fixture("synthetic-dualsense-usb-pitch90.evemu")])
        #expect(r.status == 0)
        let report = try Self.jsonReport(r)
        #expect(report["samples"] as? Int == 390)
        let duration = try #require(report["duration"] as? Double)
        #expect(abs(duration - 1.596) < 1e-9)
        let rate = try #require(report["sampleRate"] as? Double)
        #expect(abs(rate - 250) < 1e-6)
        // One SYN_DROPPED, ten frames (40 ms) lost.
        let gaps = try #require(report["gaps"] as? [[String: Any]])
        #expect(gaps.count == 1)
        #expect(gaps.first?["reason"] as? String == "SYN_DROPPED")
        #expect(gaps.first?["missingSamples"] as? Int == 10)
        // +90° about +X, integrated from the gyroscope.
        let angle = try #require(report["rotationAngle"] as? Double)
        #expect(abs(angle - 90) < 1)
    }

    /// A delivery stall: from one frame on the kernel's times run 300 ms late, the device clock's
    /// do not. inspect lists it as a jump with both steps and the time formcheck gave the frame
    /// (seconds since the first sample: the kernel's step is taken, so 0.3 s later than the
    /// device clock says); the VM tests use that time to allow for the stall from then on.
    @Test func jsonReportTimesADeliveryStall() throws {
        let dir = try Self.scratch()
        defer { Self.cleanUp(dir) }
        var lines = try Self.lines(of: Self.fixture("synthetic-dualsense-usb-pitch90.evemu"))
        let events = lines.indices.filter { lines[$0].hasPrefix("E:") }
        func fields(_ i: Int) -> [Substring] { lines[i].split(whereSeparator: { $0 == " " || $0 == "\t" }) }
        // The 101st frame, and every one after it, reaches the kernel 0.3 s late.
        let reports = events.filter { fields($0)[2...3] == ["0000", "0000"] }
        let from = reports[99] + 1
        func msc(_ range: ClosedRange<Int>) throws -> Double {
            let i = try #require(range.first { fields($0)[2...3] == ["0004", "0005"] })
            return Double(UInt32(try #require(Int64(fields(i)[4]))))
        }
        // formcheck's time for it before the stall: the device clock's since the first frame.
        let deviceTime = (try msc(from...reports[100]) - msc(events[0]...reports[0])) / 1e6
        for i in events where i >= from {
            var parts = lines[i].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            parts[1] = String(format: "%.6f", try #require(Double(parts[1])) + 0.3)
            lines[i] = parts.joined(separator: " ")
        }
        let path = dir.appendingPathComponent("stall.evemu").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let r = try Self.run(["inspect", "--format", "json", path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let anomalies = try #require(try Self.jsonReport(r)["anomalies"] as? [[String: Any]])
        #expect(anomalies.count == 1, "\(anomalies)")
        let a = try #require(anomalies.first)
        #expect(a["kind"] as? String == "jump")
        #expect(a["line"] as? Int == reports[100] + 1)  // the frame's SYN_REPORT
        let device = try #require(a["deviceStep"] as? Double), kernel = try #require(a["kernelStep"] as? Double)
        #expect(abs(device - 0.004) < 1e-9 && abs(kernel - device - 0.3) < 0.001, "device step \(device) s, kernel step \(kernel) s")
        // The kernel's step is taken: the frame is as much later than the device clock says.
        let t = try #require(a["t"] as? Double)
        #expect(abs(t - (deviceTime + kernel - device)) < 1e-6, "t \(t) s, device time \(deviceTime) s")
        let text = try Self.run(["inspect", path])
        #expect(text.stdout.contains("line \(reports[100] + 1): jump at \(String(format: "%.3f", t)) s, device step 4.000 ms"), "\(text.stdout)")
    }

    @Test func jsonReportOfACSVFile() throws {
        let dir = try Self.scratch()
        defer { Self.cleanUp(dir) }
        let path = dir.appendingPathComponent("walk.csv").path
        try "t,ax,ay,az,gx,gy,gz\n0,0,9.81,0,0,0,0\n0.01,0,9.81,0,0,0,0\n0.02,0,9.81,0,0,0,0\n0.03,0,9.81,0,0,0,0\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = try Self.run(["inspect", "--format", "json", path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let report = try Self.jsonReport(r)
        #expect(report["format"] as? String == "csv")
        #expect(report["samples"] as? Int == 4)
        #expect(abs((report["duration"] as? Double ?? -1) - 0.03) < 1e-12)
        #expect(abs((report["sampleRate"] as? Double ?? -1) - 100) < 1e-6)
        #expect((report["gaps"] as? [Any])?.isEmpty == true)
        #expect(report["rotationAngle"] as? Double == 0)
    }
}
