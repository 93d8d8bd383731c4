import Foundation
import Testing

/// CSV units and re-timing through the binary: warnings on stderr, refusals with exit 65, the
/// options overriding detection, and what `inspect` says about them.
@Suite struct CSVUnitsCommandTests {
    static func fixture(_ name: String) -> String { ExitStatusTests.packageRoot + "/Fixtures/csv/geotec-s01-\(name).csv" }

    @Test func inspectConvertsGWithAWarning() throws {
        let path = Self.fixture("g")
        let r = try ExitStatusTests.run(["inspect", path])
        #expect(r.status == 0)
        let warnings = r.stderr.split(separator: "\n")
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("formcheck: \(path): warning: ax, ay, az are in g") == true, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("units     acceleration g → m/s² (detected, converted), angular rate rad/s (detected), time s (detected)"),
                "stdout: \(r.stdout)")
        let json = try ExitStatusTests.jsonReport(ExitStatusTests.run(["inspect", "--format", "json", path]))
        let gravity = try #require(json["gravityAtStart"] as? [Double])
        let norm: Double = gravity.map { $0 * $0 }.reduce(0, +).squareRoot()
        #expect(abs(norm - 9.81) < 0.3, "gravity \(gravity)")
        let units = try #require(json["fileUnits"] as? [String: [String: Any]])
        #expect(units["acceleration"]?["unit"] as? String == "g")
        #expect(units["acceleration"]?["converted"] as? Bool == true)
        #expect(units["acceleration"]?["source"] as? String == "detected")
    }

    @Test func statedUnitsSilenceTheWarning() throws {
        let r = try ExitStatusTests.run(["inspect", "--accel-unit", "g", "--gyro-unit", "deg/s", Self.fixture("degs")])
        // --gyro-unit is right; --accel-unit g is wrong for this file (m/s²) and is believed: 9.81 × 9.81.
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("acceleration g → m/s² (given), angular rate °/s → rad/s (given), time s (detected)"), "stdout: \(r.stdout)")
        #expect(r.stdout.contains("gravity (-39.41, -11.96, -89.06) m/s²"), "stdout: \(r.stdout)")
    }

    @Test func androidLogIsRetimedWithOneWarning() throws {
        let path = Self.fixture("android-ms")
        let r = try ExitStatusTests.run(["inspect", "--time-unit", "ms", path])
        #expect(r.status == 0)
        let warnings = r.stderr.split(separator: "\n")
        #expect(warnings.count == 1, "stderr: \(r.stderr)")
        #expect(warnings.first?.hasPrefix("formcheck: \(path): warning: times re-timed on a fitted uniform clock of 102.") == true)
        #expect(r.stdout.contains("samples   600\n"))
        #expect(r.stdout.contains("gaps      none\n"))
    }

    @Test func unitThatCannotBeToldExits65() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let path = dir.appendingPathComponent("mg.csv").path
        let rows = (0..<50).map { "\(Double($0) * 0.01),0,1000,0,0,0,0" }
        try (["t,ax,ay,az,gx,gy,gz"] + rows).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        for command in [["inspect"], ["orientation"], ["angles"], ["replay", "--exercise", "piriformis"]] {
            let r = try ExitStatusTests.run(command + [path])
            #expect(r.status == 65, "\(command)")
            #expect(r.stderr.hasPrefix("formcheck: \(path): cannot tell the accelerometer's unit: median |a| at rest"), "stderr: \(r.stderr)")
            #expect(r.stderr.contains("fix: check that ax, ay, az are the accelerometer"), "stderr: \(r.stderr)")
            #expect(r.stdout.isEmpty || command == ["angles"])
        }
        // Stated, it reads (and the same file is then 1000 g: the user is believed).
        let r = try ExitStatusTests.run(["inspect", "--accel-unit", "m/s2", path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
    }

    @Test func timeGoingBackALotExits65WithTheLine() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let path = dir.appendingPathComponent("back.csv").path
        var rows = (0..<40).map { "\($0 * 10),0,0,9.81,0,0,0" }
        rows[30] = "100,0,0,9.81,0,0,0"
        try (["t,ax,ay,az,gx,gy,gz"] + rows).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        let r = try ExitStatusTests.run(["inspect", path])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("formcheck: \(path):32: time goes back 0.190 s"), "stderr: \(r.stderr)")
    }

    @Test func helpListsTheUnits() throws {
        for command in ["inspect", "orientation", "angles", "replay", "calibrate"] {
            let r = try ExitStatusTests.run([command, "--help"])
            #expect(r.stdout.contains("--accel-unit"), "\(command)")
            #expect(r.stdout.contains("(values: g, m/s2)"), "\(command)")
            #expect(r.stdout.contains("(values: deg/s, rad/s)"), "\(command)")
            #expect(r.stdout.contains("(values: s, ms, us)"), "\(command)")
        }
    }
}
