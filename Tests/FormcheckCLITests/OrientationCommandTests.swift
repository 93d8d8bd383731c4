import FormcheckDevices
import FormcheckEvaluation
import FormcheckFormats
import Foundation
import MotionCore
import Testing

/// `formcheck orientation` and `formcheck eval-broad`, run as a user would.
@Suite struct OrientationCommandTests {
    static let root = ExitStatusTests.packageRoot

    struct Row {
        var t: Double
        var q: Quaternion
    }

    /// Parses the CSV output; checks the header and the shape of every row.
    static func rows(_ text: String) throws -> [Row] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        lines.removeLast()
        #expect(lines.first == "t,qw,qx,qy,qz")
        return try lines.dropFirst().map { line in
            let cells = line.split(separator: ",").map(String.init)
            #expect(cells.count == 5, "row '\(line)'")
            #expect(cells[0].split(separator: ".").last?.count == 6, "t has 6 decimals: '\(line)'")
            #expect(cells[1...].allSatisfy { $0.split(separator: ".").last?.count == 9 }, "q has 9 decimals: '\(line)'")
            let v = try cells.map { try #require(Double($0), "'\($0)' in '\(line)'") }
            return Row(t: v[0], q: Quaternion(w: v[1], x: v[2], y: v[3], z: v[4]))
        }
    }

    static func samples(_ path: String) throws -> [IMUSample] {
        try Recording(path: path).readAll().readings.compactMap { if case .sample(let s) = $0 { s } else { nil } }
    }

    /// The synthetic DualSense recording turns 90° about x in 1.6 s with a gap (SYN_DROPPED): +Y
    /// is up at the start, −Z at the end. The quaternion brings the sensor's measured "up" onto
    /// earth +z at both ends, in both modes.
    @Test(arguments: ["live", "replay"])
    func evemuRecording(_ mode: String) throws {
        let path = Self.root + "/Fixtures/devices/synthetic-dualsense-usb-pitch90.evemu"
        let r = try ExitStatusTests.run(["orientation", path, "--format", "csv", "--mode", mode])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.isEmpty)
        let rows = try Self.rows(r.stdout)
        let samples = try Self.samples(path)
        #expect(rows.count == samples.count)
        #expect(rows.count == 390)
        #expect(rows.first?.t == 0)
        for (row, s) in zip(rows, samples) {
            #expect(abs(row.t - (s.time - samples[0].time)) < 1e-6)
            #expect(abs(row.q.norm - 1) < 1e-8)
        }
        for i in zip(rows.indices.dropFirst(), rows.indices) { #expect(rows[i.0].t > rows[i.1].t) }
        func upError(_ i: Int) -> Double {
            rows[i].q.rotate(samples[i].acceleration.normalized).dot(.unitZ).arcCosine.degrees
        }
        #expect(upError(0) < 0.5, "start: \(upError(0))°")
        #expect(upError(rows.count - 1) < 1.5, "end: \(upError(rows.count - 1))°")
        // Sensor +Y points up at the start, −Z at the end.
        #expect(rows[0].q.rotate(.unitY).z > 0.99)
        #expect(rows[rows.count - 1].q.rotate(-Vector3.unitZ).z > 0.99)
    }

    @Test func csvRecordingIsTheDefaultLiveMode() throws {
        let path = Self.root + "/Fixtures/broad/02_undisturbed_slow_rotation_B_first20s.csv"
        let r = try ExitStatusTests.run(["orientation", path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let rows = try Self.rows(r.stdout)
        #expect(rows.count == 5714)
        #expect(r.stdout.hasPrefix("t,qw,qx,qy,qz\n0.000000,"))
        #expect(abs(rows.last!.t - 19.9955) < 1e-9)
        // Same as the library's live filter, to the printed precision.
        let trial = try BROADTrial(path: path)
        let live = trial.liveEstimates()
        for (row, q) in zip(rows, live) {
            #expect(abs(row.q.w - q.w) <= 5e-10 && abs(row.q.x - q.x) <= 5e-10 && abs(row.q.y - q.y) <= 5e-10 && abs(row.q.z - q.z) <= 5e-10)
        }
        // At rest on the reference's inclination within a quarter of a degree.
        let e = InclinationError.angle(estimate: rows.last!.q, reference: try #require(trial.reference.last!)).degrees
        #expect(e < 0.25, "\(e)°")
    }

    @Test func errors() throws {
        let missing = Self.root + "/Fixtures/devices/no-such-file.evemu"
        let r66 = try ExitStatusTests.run(["orientation", missing])
        #expect(r66.status == 66)
        #expect(r66.stderr.hasPrefix("formcheck: \(missing): cannot open: No such file or directory"), "stderr: \(r66.stderr)")
        #expect(r66.stdout.isEmpty)

        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let bad = dir.appendingPathComponent("bad.csv").path
        try "t,ax,ay,az,gx,gy,gz\n0,0,0,9.8,0,0,0\n0.004,0,0,x,0,0,0\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r65 = try ExitStatusTests.run(["orientation", bad])
        #expect(r65.status == 65)
        #expect(r65.stderr.hasPrefix("formcheck: \(bad):3: column az: 'x' is not a number"), "stderr: \(r65.stderr)")
        #expect(r65.stdout.isEmpty)

        let good = Self.root + "/Fixtures/devices/synthetic-dualsense-usb-pitch90.evemu"
        for arguments in [["orientation"], ["orientation", good, "--mode", "sideways"], ["orientation", good, "--format", "json"]] {
            let r = try ExitStatusTests.run(arguments)
            #expect(r.status == 64, "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func evalBroadOnTheFixtures() throws {
        let folder = Self.root + "/Fixtures/broad"
        let r = try ExitStatusTests.run(["eval-broad", folder])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("live  replay     VQF VQF off  live/VQF replay/off") == true, "\(r.stdout)")
        func figures(_ prefix: String) throws -> [String] {
            let line = try #require(lines.first { $0.hasPrefix(prefix) }, "no row \(prefix) in\n\(r.stdout)")
            return line.split(separator: " ").map(String.init)
        }
        let slow = try figures("05_undisturbed_slow_rotation_with_breaks_B_28-103s")
        let live = try #require(Double(slow[1])), replay = try #require(Double(slow[2]))
        #expect(live > 0.2 && live < 0.4 && replay > 0.2 && replay < 0.31, "\(slow)")
        #expect(slow[3] == "–")  // no VQF figures for excerpts
        let rest = try figures("02_undisturbed_slow_rotation_B_first20s")
        #expect(rest[1] == "–" && rest[2] == "–")  // no movement to score
        let mean = try figures("mean")
        #expect(Double(mean[1]) != nil && Double(mean[2]) != nil)

        let liveOnly = try ExitStatusTests.run(["eval-broad", folder, "--mode", "live"])
        #expect(liveOnly.status == 0)
        let row = try #require(liveOnly.stdout.split(separator: "\n").first { $0.hasPrefix("16_") })
        let cells = row.split(separator: " ")
        #expect(Double(cells[1]) != nil && cells[2] == "–", "\(row)")

        let noBias = try ExitStatusTests.run(["eval-broad", folder, "--mode", "live", "--set", "biasEstimation=false"])
        let rowNoBias = try #require(noBias.stdout.split(separator: "\n").first { $0.hasPrefix("16_") })
        #expect(try #require(Double(rowNoBias.split(separator: " ")[1])) > 1, "\(rowNoBias)")
    }

    @Test func evalBroadErrors() throws {
        let missing = Self.root + "/Fixtures/no-such-folder"
        let r = try ExitStatusTests.run(["eval-broad", missing])
        #expect(r.status == 66)
        #expect(r.stderr.hasPrefix("formcheck: \(missing): cannot list the folder"), "stderr: \(r.stderr)")
        let noCSV = try ExitStatusTests.run(["eval-broad", Self.root + "/Fixtures/devices"])
        #expect(noCSV.status == 66)
        #expect(noCSV.stderr.contains("no .csv files in the folder"), "stderr: \(noCSV.stderr)")
        let badSet = try ExitStatusTests.run(["eval-broad", Self.root + "/Fixtures/broad", "--set", "nonsense=1"])
        #expect(badSet.status == 64)
        #expect(badSet.stderr.contains("unknown parameter 'nonsense'"), "stderr: \(badSet.stderr)")
    }
}
