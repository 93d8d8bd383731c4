import Foundation
import Testing

/// Two sensors at once through the built binary: a simulated pair (`simulate routine-pair-short -o
/// P.json` writes the session file and a recording per thigh) replayed as a routine and as one
/// exercise, and the errors with their exit statuses (a bad session file 65 with its line, a
/// missing recording 66, bad usage 64, no device 69 with nothing recorded). The live path itself is
/// LivePairTests; the real nodes, the VM test `pair-routine`.
@Suite struct PairCommandTests {
    static let routine = ExitStatusTests.packageRoot + "/Fixtures/routines/pair-short.json"

    static func simulated(_ dir: URL) throws -> String {
        let session = dir.appendingPathComponent("p.json").path
        let r = try ExitStatusTests.run(["simulate", "routine-pair-short", "-o", session, "--truth", dir.appendingPathComponent("p.truth.json").path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        for name in ["p.left.evemu", "p.right.evemu", "p.truth.left.json", "p.truth.right.json"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)")
        }
        return session
    }

    @Test func aSessionReplaysAsTheRoutine() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let session = try Self.simulated(dir)
        let r = try ExitStatusTests.run(["replay", session, "--routine", Self.routine, "--format", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        func of(_ type: String) -> [[String: Any]] { lines.filter { $0["type"] as? String == type } }
        // One leg after the other, then the bridge on both (the right's attempt after the left's).
        #expect(of("exerciseStarted").map { "\($0["step"] as? Int ?? 0) \($0["exercise"] as? String ?? "") \($0["side"] as? String ?? "")" }
                == ["1 hamstring right", "2 hamstring left", "3 bridge left", "3 bridge right"])
        #expect(of("exerciseEnded").map { $0["ending"] as? String } == ["done", "done", "done", "done"])
        #expect(of("strapMoved").isEmpty)
        let summary = try #require(lines.last)
        #expect(summary["type"] as? String == "routineSummary" && summary["complete"] as? Bool == true)
        #expect((summary["symmetry"] as? [[String: Any]])?.map { $0["exercise"] as? String } == ["hamstring", "bridge"])
        let cues = of("cue").compactMap { $0["text"] as? String }
        #expect(cues.contains("Next: Glute bridge, both legs. Lie on your back, knees bent, feet flat, and keep still"))
        #expect(!cues.contains { $0.hasPrefix("Move the strap") })
        // Text: the other leg's attempt and the routine's summary.
        let text = try ExitStatusTests.run(["replay", session, "--routine", Self.routine])
        #expect(text.status == 0)
        #expect(text.stdout.contains("== step 3: bridge, right leg\n"))
        #expect(text.stdout.contains("symmetry  bridge: peak left "))
        // One exercise: the hamstring, coached on the right leg first.
        let one = try ExitStatusTests.run(["replay", session, "--exercise", "hamstring", "--format", "json"])
        #expect(one.status == 0, "stderr: \(one.stderr)")
        #expect(one.stdout.contains("{\"exercise\":\"hamstring\",\"side\":\"right\",\"step\":1,"))
    }

    /// The session file given the wrong way round (the right thigh's recording as the left's):
    /// `"sides" : "given"` (two that nothing tells apart) is told from the first step's movement —
    /// swapped and said, the routine then as given the right way; `"named"` keeps the sides and
    /// only says it.
    @Test func aSessionGivenTheWrongWayRoundIsToldFromTheMovement() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let session = try Self.simulated(dir)
        let text = try String(contentsOfFile: session, encoding: .utf8)
        let crossed = text.replacingOccurrences(of: "\"side\" : \"left\"", with: "\"side\" : \"x\"")
            .replacingOccurrences(of: "\"side\" : \"right\"", with: "\"side\" : \"left\"")
            .replacingOccurrences(of: "\"side\" : \"x\"", with: "\"side\" : \"right\"")
        #expect(crossed != text && text.hasSuffix("  ]\n}\n"))
        func replayed(_ sides: String) throws -> (status: Int32, lines: [[String: Any]]) {
            let path = dir.appendingPathComponent("crossed-\(sides).json").path
            try (String(crossed.dropLast(3)) + ",\n  \"sides\" : \"\(sides)\"\n}\n").write(toFile: path, atomically: true, encoding: .utf8)
            let r = try ExitStatusTests.run(["replay", path, "--routine", Self.routine, "--format", "json"])
            return (r.status, try r.stdout.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            })
        }
        func said(_ lines: [[String: Any]]) -> [String] {
            lines.filter { $0["type"] as? String == "cue" && $0["kind"] as? String == "sensor" }.compactMap { $0["text"] as? String }
        }
        let given = try replayed("given")
        #expect(given.status == 0)
        #expect(said(given.lines) == ["The first sensor is on your right thigh, the second on your left — carrying on so"])
        #expect(given.lines.filter { $0["type"] as? String == "exerciseEnded" }.map { $0["ending"] as? String } == ["done", "done", "done", "done"])
        #expect(given.lines.last?["complete"] as? Bool == true)
        let named = try replayed("named")
        #expect(said(named.lines) == ["The left sensor seems to be on your right thigh — check the straps"])
    }

    @Test func sessionFileErrors() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let session = try Self.simulated(dir)
        let text = try String(contentsOfFile: session, encoding: .utf8)
        // An unknown key: bad data, with its line and the fix.
        let bad = dir.appendingPathComponent("bad.json").path
        try Data(text.replacingOccurrences(of: "\"uniq\" : null\n    },", with: "\"uniq\" : null,\n      \"rate\" : 200\n    },").utf8)
            .write(to: URL(fileURLWithPath: bad))
        let r = try ExitStatusTests.run(["replay", bad, "--routine", Self.routine])
        #expect(r.status == 65, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("\(bad):10: rate: unknown key in a recording") && r.stderr.contains("fix: "), "stderr: \(r.stderr)")
        // A recording missing: cannot open it.
        try FileManager.default.removeItem(atPath: dir.appendingPathComponent("p.right.evemu").path)
        let missing = try ExitStatusTests.run(["replay", session, "--routine", Self.routine])
        #expect(missing.status == 66, "stderr: \(missing.stderr)")
        #expect(missing.stderr.contains("p.right.evemu"))
        // Bad usage.
        for args in [["replay", session, CoachingCommandTests.scenarios + "/hamstring-shallow.evemu", "--routine", Self.routine],
                     ["replay", session, "--routine", Self.routine, "--realtime"]] {
            #expect(try ExitStatusTests.run(args).status == 64, "\(args)")
        }
    }

    @Test func liveCommandsWithTwoDevices() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let roots = ["--sysfs-root", dir.path, "--dev-root", dir.path, "--udev-root", dir.path]
        // With two devices, --record and -o name the session file.
        for args in [["record", "event1", "event2", "-o", dir.appendingPathComponent("x.evemu").path],
                     ["routine", "stretches", "event1", "event2", "--record", dir.appendingPathComponent("x.evemu").path],
                     ["live", "event1", "event2", "--exercise", "bridge", "--record", dir.appendingPathComponent("x.evemu").path]] {
            let r = try ExitStatusTests.run(args + roots)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("session file"), "\(r.stderr)")
        }
        // No such device: 69, and nothing recorded.
        let record = dir.appendingPathComponent("s.json").path
        let r = try ExitStatusTests.run(["routine", "stretches", "98:b6:e9:00:00:11", "98:b6:e9:00:00:22", "--record", record] + roots)
        #expect(r.status == 69, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("no motion-sensor node has this uniq"))
        #expect(!FileManager.default.fileExists(atPath: record) && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("s.left.evemu").path))
    }

    /// Which thigh each node goes on (the fake tree's nodes are plain files: each command then fails
    /// to open them, after saying it): a Joy-Con R given first and an L second go on their own
    /// sides, said; `--left`/`--right` as given; two DualSense as given, said; `--left` alone is bad usage.
    @Test func theSensorsAreAssignedToTheirThighs() throws {
        let tree = try FakeDeviceTree()
        defer { tree.remove() }
        try tree.addJoyConIMU(event: 8, left: true, uniq: "98:b6:e9:00:00:11")
        try tree.addJoyConIMU(event: 9, left: false, uniq: "98:b6:e9:00:00:22")
        try tree.addDualSenseMotionSensors(event: 21, uniq: "a0:ab:51:5e:10:7c")
        try tree.addDualSenseMotionSensors(event: 24, uniq: "a0:ab:51:5e:10:7d")
        let l = tree.dev + "/input/event8", r = tree.dev + "/input/event9"
        for command in [["routine", Self.routine], ["live", "--exercise", "bridge"], ["record", "-o", tree.root.path + "/s.json"]] {
            let swapped = try ExitStatusTests.run(command + ["event9", "event8", "--no-save"].filter { command[0] != "record" || $0 != "--no-save" } + tree.options)
            #expect(swapped.stderr.hasPrefix("formcheck: the Joy-Con L (\(l)) on the left thigh, the Joy-Con R (\(r)) on the right, as their names say (given the other way round;"),
                    "\(command[0]): \(swapped.stderr)")
            #expect(swapped.stderr.contains("formcheck: \(l): "), "\(command[0]): the left's node opened first: \(swapped.stderr)")
            #expect(swapped.status != 0 && swapped.status != 64)
            let inOrder = try ExitStatusTests.run(command + ["event8", "event9"] + tree.options)
            #expect(inOrder.stderr.hasPrefix("formcheck: the Joy-Con L (\(l)) on the left thigh, the Joy-Con R (\(r)) on the right, as their names say\n"),
                    "\(command[0]): \(inOrder.stderr)")
            let dualSense = try ExitStatusTests.run(command + ["event24", "event21"] + tree.options)
            #expect(dualSense.stderr.hasPrefix("formcheck: \(tree.dev)/input/event24 (Sony Interactive Entertainment DualSense Wireless Controller Motion Sensors) on the left thigh, \(tree.dev)/input/event21 ("),
                    "\(command[0]): \(dualSense.stderr)")
            #expect(dualSense.stderr.contains("as given: nothing tells them apart"))
        }
        for command in [["routine", Self.routine], ["live", "--exercise", "bridge"]] {
            let explicit = try ExitStatusTests.run(command + ["--left", "event9", "--right", "event8"] + tree.options)
            #expect(explicit.stderr.hasPrefix("formcheck: \(r) on the left thigh, \(l) on the right (--left, --right)\n"), "\(explicit.stderr)")
            #expect(explicit.stderr.contains("formcheck: \(r): "), "the named left opened first: \(explicit.stderr)")
            for bad in [["--left", "event9"], ["--left", "event9", "--right", "event8", "event21"]] {
                let usage = try ExitStatusTests.run(command + bad + tree.options)
                #expect(usage.status == 64, "\(bad): \(usage.stderr)")
            }
        }
    }
}
