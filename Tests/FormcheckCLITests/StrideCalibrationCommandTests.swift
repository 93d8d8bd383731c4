import FormcheckHistory
import Foundation
import Testing

/// `formcheck calibrate --walk DISTANCE FILE` on simulated walks (full sensor errors, a random
/// strap): the walker's stride is declared — every step 0.70 m, so a walk of the truth's N steps
/// covered N × 0.70 m — and the stride calibrated from one walk measures the others. The
/// requirement: the step counter's on the simulator's walks (2 %), so the stride within 2 % and a
/// walk's distance (its strides × that stride) within 2 + 2 %.
@Suite struct StrideCalibrationCommandTests {
    static let step = 0.70

    /// A level walk: still `3` s, `seconds` walking at `cadence`, still 4 s.
    static func walk(_ name: String, device: String, seed: Int, seconds: Double, cadence: Double, in dir: URL) throws -> (path: String, steps: Int) {
        let scenario = """
            {"name": "\(name)", "summary": "a level walk", "exercise": "walk", "side": "right", "posture": "standing",
             "device": "\(device)", "seed": \(seed), "mounting": {"random": {}}, "leverArm": [0.2, 0.05, 0.07], "imuErrors": true,
             "calibration": false, "expectedErrors": [],
             "steps": [{"rest": 3}, {"walk": {"duration": \(seconds), "cadence": \(cadence)}}, {"rest": 4}]}
            """
        let file = dir.appendingPathComponent(name + ".json"), out = dir.appendingPathComponent(name + ".evemu").path
        let truth = dir.appendingPathComponent(name + ".truth.json")
        try Data(scenario.utf8).write(to: file)
        let r = try ExitStatusTests.run(["simulate", file.path, "-o", out, "--truth", truth.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: truth)) as? [String: Any])
        return (out, try #require(object["steps"] as? Int))
    }

    static func stride(in db: String) throws -> Double? { try HistoryStore(path: db).profile().strideMetres }

    @Test func theStrideFromOneWalkMeasuresTheOthers() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.appendingPathComponent("history.sqlite").path
        // The calibration walk: 80 s at 108 steps/min, 144 steps: 100.8 m.
        let cal = try Self.walk("calibration", device: "joycon-right", seed: 501, seconds: 80, cadence: 108, in: dir)
        let distance = Double(cal.steps) * Self.step
        let r = try ExitStatusTests.run(["calibrate", "--walk", "\(distance)m", cal.path, "--db", db])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("your stride is 1.42 m"), "stderr: \(r.stderr)")  // measured: 71 strides
        let stride = try #require(try Self.stride(in: db))
        #expect(abs(stride / (2 * Self.step) - 1) <= 0.02, "stride \(stride) m")

        // Other walks, other devices and paces, replayed with the history's profile.
        for (name, device, seed, seconds, cadence) in [("brisk", "dualsense-usb", 502, 120.0, 116.0), ("steady", "dualshock4-bt", 503, 150.0, 96.0)] {
            let w = try Self.walk(name, device: device, seed: seed, seconds: seconds, cadence: cadence, in: dir)
            let json = try ExitStatusTests.run(["replay", w.path, "--exercise", "walk", "--db", db, "--format", "json"])
            #expect(json.status == 0, "stderr: \(json.stderr)")
            let summary = try #require(json.stdout.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }.last { $0["type"] as? String == "summary" })
            let metres = try #require(summary["distanceMeters"] as? Double)
            let truth = Double(w.steps) * Self.step
            #expect(abs(metres / truth - 1) <= 0.04, "\(name): \(metres) m against \(truth) m")
            // The text summary says where the distance came from.
            let text = try ExitStatusTests.run(["replay", w.path, "--exercise", "walk", "--db", db])
            #expect(text.stdout.contains("(from your calibrated stride \(String(format: "%.2f", stride)) m)"), "\(text.stdout)")
        }
        // Without the history the same replay has no distance, and with --height the model's.
        let brisk = dir.appendingPathComponent("brisk.evemu").path
        #expect(try ExitStatusTests.run(["replay", brisk, "--exercise", "walk"]).stdout.contains("distance") == false)
        #expect(try ExitStatusTests.run(["replay", brisk, "--exercise", "walk", "--height", "175"]).stdout.contains("(from your height 1.75 m)"))
    }

    @Test func aWalkThatCannotGiveAStrideIsRefusedWithWhyAndNothingIsSaved() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let db = dir.appendingPathComponent("history.sqlite").path
        let walk = try Self.walk("short", device: "joycon-right", seed: 504, seconds: 30, cadence: 110, in: dir)
        // 27 strides: 10 m is 0.37 m a stride, 200 m is 7.4 m.
        for (distance, words) in [("10m", "shorter than a walking stride"), ("200m", "longer than a walking stride")] {
            let r = try ExitStatusTests.run(["calibrate", "--walk", distance, walk.path, "--db", db])
            #expect(r.status == 65, "stderr: \(r.stderr)")
            #expect(r.stderr.contains(words) && r.stderr.contains("fix: check the distance"), "stderr: \(r.stderr)")
        }
        // A stretch has no walk.
        let stretch = try ExitStatusTests.run(["calibrate", "--walk", "100m", CoachingCommandTests.scenarios + "/hamstring-shallow.evemu", "--db", db])
        #expect(stretch.status == 65 && stretch.stderr.contains("the recording has no walking"), "stderr: \(stretch.stderr)")
        // Running is not a level walk.
        let run = try Self.walk("run", device: "dualsense-usb", seed: 505, seconds: 40, cadence: 176, in: dir)
        let running = try ExitStatusTests.run(["calibrate", "--walk", "100m", run.path, "--db", db])
        #expect(running.status == 65 && running.stderr.contains("not a level walk"), "stderr: \(running.stderr)")
        #expect(try HistoryStore(path: db).profile().strideMetres == nil)
    }

    @Test(arguments: [
        (["--walk", "100"], "has no unit: give one of m, km, mi, ft or yd"),
        (["--walk", "100furlongs"], "'furlongs' is not a unit"),
        (["--walk", "m"], "is not a distance"),
        (["--walk", "0m"], "must be more than 0"),
        (["--walk", "100m", "-o", "cal.json"], "leave out -o and --posture"),
    ])
    func aBadDistanceIsBadUsage(_ extra: [String], _ message: String) throws {
        let r = try ExitStatusTests.run(["calibrate", CoachingCommandTests.scenarios + "/hamstring-shallow.evemu"] + extra)
        #expect(r.status == 64, "stderr: \(r.stderr)")
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
    }

    @Test func unitsAreConverted() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let walk = try Self.walk("units", device: "joycon-right", seed: 506, seconds: 40, cadence: 110, in: dir)
        var strides: [Double] = []
        // The same 100.584 m in four units (0.0625 mi, 110 yd, 330 ft; m).
        for distance in ["100.584m", "0.0625mi", "110yd", "330 ft"] {
            let db = dir.appendingPathComponent("h-\(strides.count).sqlite").path
            let r = try ExitStatusTests.run(["calibrate", "--walk", distance, walk.path, "--db", db])
            #expect(r.status == 0, "stderr: \(r.stderr)")
            strides.append(try #require(try Self.stride(in: db)))
        }
        #expect(strides.allSatisfy { abs($0 - strides[0]) < 1e-9 }, "\(strides)")
        let km = dir.appendingPathComponent("km.sqlite").path
        #expect(try ExitStatusTests.run(["calibrate", "--walk", "0.100584km", walk.path, "--db", km]).status == 0)
        #expect(abs(try #require(try Self.stride(in: km)) - strides[0]) < 1e-9)
    }
}
