import Foundation
import Testing

/// angles, calibrate and replay through the built binary.
@Suite struct CoachingCommandTests {
    static let scenarios = ExitStatusTests.packageRoot + "/Fixtures/scenarios"

    @Test func anglesPrintsFlexionAndAdductionPerSample() throws {
        let r = try ExitStatusTests.run(["angles", Self.scenarios + "/hamstring-shallow.evemu", "--side", "left", "--posture", "supine"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.first == "t,flexion,adduction")
        // 43 s at 200 Hz, every sample from the first.
        #expect(rows.count > 8000)
        let values = rows.dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
        #expect(values.first?[0] == 0)
        // The hold at 35° (truth: about 10–40 s).
        let mid = values.first { $0[0] >= 25 }!
        #expect(abs(mid[1] - 35) < 1.0)
    }

    /// A bridge's angles as the coach reads them: `--exercise bridge` gives the posture and the way
    /// the reps move, so the thigh rests at 45° (truth) and the tops reach 12°; `--posture hookLying`
    /// alone cannot tell the bridge from its mirror (unsure), and both with --posture is refused.
    @Test func anglesOfAnExerciseUseItsMovement() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let session = dir.appendingPathComponent("b.evemu").path
        #expect(try ExitStatusTests.run(["simulate", "bridge-short-hold", "-o", session]).status == 0)
        let r = try ExitStatusTests.run(["angles", session, "--exercise", "bridge"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let values = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
        // Resting in hook-lying for the first 4 s; the first rep's top (12°) at about 5.8–8 s.
        let rest = try #require(values.first { $0[0] >= 3 })
        #expect(abs(rest[1] - 45) < 2, "rest at \(rest[1])°")
        let top = try #require(values.filter { $0[0] >= 4 && $0[0] <= 10 }.map { $0[1] }.min())
        #expect(abs(top - 12) < 2.5, "top at \(top)°")
        let blind = try ExitStatusTests.run(["angles", session, "--posture", "hookLying"])
        #expect(blind.stderr.contains("unsure"))
        let both = try ExitStatusTests.run(["angles", session, "--posture", "hookLying", "--exercise", "bridge"])
        #expect(both.status == 64 && both.stderr.contains("not both"))
    }

    @Test func aStoredCalibrationRevealsTheWrongPosture() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let cal = dir.appendingPathComponent("cal.json").path
        // A still stand and a knee raise: read two ways without being told how it starts.
        let unsure = try ExitStatusTests.run(["calibrate", Self.scenarios + "/piriformis-standing.calibration.evemu", "-o", cal])
        #expect(unsure.status == 65)
        #expect(unsure.stderr.contains("--posture standing"))
        let c = try ExitStatusTests.run(["calibrate", Self.scenarios + "/piriformis-standing.calibration.evemu", "-o", cal,
                                         "--posture", "standing"])
        #expect(c.status == 0, "stderr: \(c.stderr)")
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cal))) as? [String: Any])
        #expect((stored["mounting"] as? [Double])?.count == 4)
        // The session was done standing; the protocol says lying.
        let session = dir.appendingPathComponent("s.evemu").path
        #expect(try ExitStatusTests.run(["simulate", "piriformis-standing", "-o", session]).status == 0)
        let with = try ExitStatusTests.run(["replay", session, "--exercise", "piriformis", "--calibration", cal, "--format", "json"])
        #expect(with.status == 0, "stderr: \(with.stderr)")
        #expect(with.stdout.contains("\"posture\":\"standing\""))
        #expect(with.stdout.contains("\"kind\":\"wrongPosture\""))
        let without = try ExitStatusTests.run(["replay", session, "--exercise", "piriformis", "--format", "json"])
        #expect(!without.stdout.contains("wrongPosture"))
    }

    @Test(arguments: [
        // Without --exercise replay recognises it: the missing file is what is wrong.
        (["replay", "x.evemu"], 66),
        // live cannot recognise an exercise before it is done.
        (["live"], 64),
        (["replay", "x.evemu", "--exercise", "yoga"], 64),
        (["replay", "no-such-file.evemu", "--exercise", "piriformis"], 66),
        (["replay", "a.evemu", "b.evemu", "--exercise", "piriformis", "--speak-to", "x.wav"], 64),
    ])
    func replayErrors(_ arguments: [String], _ status: Int) throws {
        let r = try ExitStatusTests.run(arguments)
        #expect(Int(r.status) == status, "stderr: \(r.stderr)")
        #expect(r.stderr.hasPrefix("formcheck: ") || r.stderr.hasPrefix("Error: "))
    }

    @Test func protocolWithExerciseIsUsage() throws {
        let r = try ExitStatusTests.run(["replay", Self.scenarios + "/hamstring-shallow.evemu", "--exercise", "hamstring", "--protocol", "x.json"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("not both"), "stderr: \(r.stderr)")
    }

    @Test func aProtocolWithAnUnknownKeyIsBadDataWithItsLine() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let path = dir.appendingPathComponent("mine.json").path
        let text = try ExitStatusTests.run(["exercises", "--json", "hamstring"]).stdout.replacingOccurrences(of: "\"holdAngle\"", with: "\"holdAngel\"")
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        let r = try ExitStatusTests.run(["replay", Self.scenarios + "/hamstring-shallow.evemu", "--protocol", path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("mine.json:"), "stderr: \(r.stderr)")
        #expect(r.stderr.contains("holdAngel: unknown key; did you mean holdAngle?"), "stderr: \(r.stderr)")
    }

    /// A recording with no samples, and one that is not the exercise, say so and exit 65.
    @Test func nothingToCoachIsBadData() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let header = try String(contentsOfFile: Self.scenarios + "/hamstring-shallow.evemu", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("E:") }.joined(separator: "\n") + "\n"
        let empty = dir.appendingPathComponent("empty.evemu").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data(header.utf8))
        let r = try ExitStatusTests.run(["replay", empty, "--exercise", "hamstring", "--format", "json"])
        #expect(r.status == 65, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("no usable samples"), "stderr: \(r.stderr)")
        // A stretch replayed as walking: nothing recognisable.
        let w = try ExitStatusTests.run(["replay", Self.scenarios + "/hamstring-shallow.evemu", "--exercise", "walk"])
        #expect(w.status == 65)
        #expect(w.stderr.contains("nothing recognisable as walk: no walking found"), "stderr: \(w.stderr)")
    }

    /// Without `--exercise` replay names the exercise it recognised (stderr; an `exerciseRecognised`
    /// line in JSON) and coaches it; when it cannot tell it says what to pass and exits 65.
    @Test func replayRecognisesTheExercise() throws {
        let file = Self.scenarios + "/hamstring-shallow.evemu"
        let text = try ExitStatusTests.run(["replay", file, "--side", "left"])
        #expect(text.status == 0, "stderr: \(text.stderr)")
        #expect(text.stderr.contains("hamstring-shallow.evemu: recognised: hamstring (sure: a hold of "), "stderr: \(text.stderr)")
        #expect(text.stdout.contains("summary   hamstring, left side"), "stdout: \(text.stdout)")
        let json = try ExitStatusTests.run(["replay", file, "--side", "left", "--format", "json"])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let lines = json.stdout.split(separator: "\n")
        let recognised = lines.filter { $0.contains(#""type":"exerciseRecognised""#) }
        #expect(recognised.count == 1 && recognised[0].hasPrefix(#"{"confidence":"sure","exercise":"hamstring","reason":"hamstring (sure: "#),
                "\(recognised)")
        #expect(lines.last?.contains(#""exercise":"hamstring""#) == true)
        #expect(!json.stdout.contains("wrongExercise"))

        // Three seconds of lying still: nothing to tell the exercises apart by.
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let all = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let firstTime = all.first { $0.hasPrefix("E:") }.flatMap { Double($0.split(separator: " ")[1]) } ?? 0
        let still = all.filter { line in
            guard line.hasPrefix("E:") else { return true }
            return (Double(line.split(separator: " ")[1]) ?? .infinity) < firstTime + 3
        }.joined(separator: "\n")
        let path = dir.appendingPathComponent("still.evemu").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(still.utf8))
        let unsure = try ExitStatusTests.run(["replay", path, "--side", "left"])
        #expect(unsure.status == 65, "stderr: \(unsure.stderr)")
        #expect(unsure.stderr.contains("still.evemu: cannot tell which exercise this is: "), "stderr: \(unsure.stderr)")
        #expect(unsure.stderr.contains("fix: name it with --exercise NAME"), "stderr: \(unsure.stderr)")
        #expect(unsure.stdout.isEmpty)
    }

    /// Named as another exercise, a recording that clearly is not it: `wrongExercise`, once.
    @Test func replaySaysTheWrongExercise() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let bridge = dir.appendingPathComponent("bridge.evemu").path
        #expect(try ExitStatusTests.run(["simulate", "bridge-sagging", "-o", bridge]).status == 0)
        let r = try ExitStatusTests.run(["replay", bridge, "--exercise", "hamstring", "--format", "json"])
        let errors = r.stdout.split(separator: "\n").filter { $0.contains(#""type":"formError""#) }
        #expect(errors.count == 1 && errors[0].contains(#""kind":"wrongExercise""#), "stdout: \(r.stdout)")
        #expect(!r.stdout.contains("exerciseRecognised"))
        // Bridges hold no stretch: nothing to coach (README "Exit status").
        #expect(r.status == 65)
        #expect(r.stderr.contains("nothing recognisable as hamstring: no hold found (it looks like bridge)"), "stderr: \(r.stderr)")
    }

    @Test func aBrokenCalibrationFileIsBadData() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let cal = dir.appendingPathComponent("cal.json").path
        _ = FileManager.default.createFile(atPath: cal, contents: Data("{\"mounting\": [1, 0]}".utf8))
        let r = try ExitStatusTests.run(["replay", Self.scenarios + "/hamstring-shallow.evemu", "--exercise", "hamstring", "--calibration", cal])
        #expect(r.status == 65)
        #expect(r.stderr.contains("not a formcheck calibration"))
    }

    /// `replay --speak-to`: one WAVE file as long as the session, each cue's sound beginning within
    /// 50 ms of its `t` (cues said while the one before is still sounding are not separable: skipped).
    @Test func replaySpeaksItsCuesIntoOneWaveFile() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let wav = dir.appendingPathComponent("cues.wav").path
        let r = try ExitStatusTests.run(["replay", Self.scenarios + "/hamstring-shallow.evemu", "--exercise", "hamstring",
                                         "--format", "json", "--speak-to", wav])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = try r.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let cues = lines.filter { $0["type"] as? String == "cue" }.compactMap { $0["t"] as? Double }
        let duration = try #require(lines.last?["t"] as? Double)
        #expect(cues.count >= 3)
        #expect(r.stderr.contains("\(cues.count) cues spoken into \(wav)"))

        // The file, read by hand: RIFF/WAVE, PCM mono 16-bit, then the data.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: wav)))
        func u32(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24 }
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        #expect(String(decoding: bytes[0..<4], as: UTF8.self) == "RIFF" && String(decoding: bytes[8..<16], as: UTF8.self) == "WAVEfmt ")
        #expect(u32(4) == bytes.count - 8)
        #expect(u16(20) == 1 && u16(22) == 1 && u16(34) == 16)  // PCM, mono, 16 bits
        let rate = u32(24)
        #expect(String(decoding: bytes[36..<40], as: UTF8.self) == "data" && u32(40) == bytes.count - 44)
        let samples = stride(from: 44, to: bytes.count - 1, by: 2).map { abs(Int(Int16(bitPattern: UInt16(u16($0))))) }

        // The envelope: peak of 5 ms windows; sound is a window above 1 % of full scale.
        let window = rate / 200
        let loud = stride(from: 0, to: samples.count, by: window).map { samples[$0..<min($0 + window, samples.count)].max()! > 330 }
        func time(_ w: Int) -> Double { Double(w * window) / Double(rate) }
        // As long as the session, or — when the last cue is still being said at the end — until its sound ends.
        let length = Double(samples.count) / Double(rate)
        if abs(length - duration) >= 0.05 {
            #expect(length > duration && cues.last! > duration - 5, "\(length) s of audio, session \(duration) s")
            #expect(length - time(try #require(loud.lastIndex(of: true))) < 0.05)
        }
        var checked = 0
        for t in cues {
            let at = Int(t * Double(rate)) / window
            // Separable: silent for the 100 ms before the cue.
            guard at >= 20, !loud[(at - 20)..<(at - 10)].contains(true) else { continue }
            let onset = try #require(loud[(at - 10)...].firstIndex(of: true), "no sound after the cue at \(t) s")
            #expect(abs(time(onset) - t) <= 0.05, "cue at \(t) s, sound from \(time(onset)) s")
            checked += 1
        }
        #expect(checked >= 3)
    }

    /// Ctrl-C during `replay --realtime` (--speak implies it): the session ends with its summary,
    /// paced — only what was played is in it — and exit 0. Ctrl-C comes once the cue at 2.0 s of
    /// session time is printed (not after a fixed wait: a busy machine starts the binary later), so
    /// the session lasted at least 2 s, and — paced — no longer than the process ran.
    @Test func ctrlCEndsARealtimeReplayWithItsSummary() throws {
        let r = try Self.interrupted(["replay", Self.scenarios + "/hamstring-shallow.evemu", "--exercise", "hamstring", "--speak"],
                                     when: { $0.contains("   2.0 s  ") })
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let summary = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("summary") })
        // `summary   hamstring, right side, 2.5 s`: the session ran for as long as it was let; the
        // recording lasts 43 s, which an unpaced replay would report at once.
        let seconds = try #require(Double(summary.split(separator: " ").dropLast().last ?? ""))
        #expect(seconds >= 2 && seconds <= r.seconds + 0.05, "\(summary) after \(r.seconds) s")
        #expect(r.stdout.contains("\"Lie flat on your back"))
    }

    /// On a terminal (a pty from util-linux `script`), `replay --realtime` draws the live view:
    /// the screen cleared once, frames drawn over it at 4 Hz of session time (`LiveViewPacer`: one
    /// at the start, then one at each quarter second), no colour under NO_COLOR; Ctrl-C (once a
    /// frame shows 0:02) clears it for the summary.
    @Test func realtimeReplayOnATerminalDrawsTheLiveView() throws {
        guard let binary = ExitStatusTests.binary else { throw ExitStatusTests.BinaryMissing() }
        let command = "stty cols 80 rows 24; exec '\(binary)' replay '\(Self.scenarios)/hamstring-shallow.evemu' --exercise hamstring --realtime"
        let r = try Self.interrupted(["-qec", command, "/dev/null"], when: { $0.contains(" 0:02") }, program: "/usr/bin/script",
                                     environment: ["TERM": "xterm", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"], child: true)
        let start = "\u{1B}[2J\u{1B}[H\u{1B}[?25l", end = "\u{1B}[?25h\u{1B}[2J\u{1B}[H"
        #expect(r.stdout.components(separatedBy: start).count == 2, "\(r.stdout.prefix(300))")
        let frames = r.stdout.components(separatedBy: "\u{1B}[H").count - 3  // less the start's and the end's
        #expect(r.stdout.contains("Hamstring") || r.stdout.contains("hamstring"))
        #expect(r.stdout.contains("Ctrl-C ends the session"))
        #expect(!r.stdout.contains("\u{1B}[0m"))  // NO_COLOR
        let tail = try #require(r.stdout.components(separatedBy: end).last)
        #expect(tail.contains("summary   hamstring, right side"))
        // 4 Hz of session time: a session of T seconds drew the frame at 0 and one at each quarter
        // second up to T, ⌊4·T⌋ + 1; the summary gives T to 0.1 s (4·T to ±0.2), so 4·T − 0.2 to 4·T + 1.2.
        let line = try #require(tail.components(separatedBy: .newlines).first { $0.contains("summary   hamstring") })  // a pty's lines end in \r\n
        let seconds = try #require(Double(line.split(separator: " ").dropLast().last ?? ""), "\(line)")
        #expect(seconds >= 2)
        #expect(Double(frames) >= 4 * seconds - 0.2 && Double(frames) <= 4 * seconds + 1.2, "\(frames) frames in \(seconds) s of session")
    }

    /// What `interrupted` saw: the run, and how long the process ran (wall time from its start to
    /// its end, seconds; a paced replay cannot have played more session time than that).
    struct InterruptedRun {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// Runs `program` (formcheck by default), sends SIGINT — to its only child when `child`
    /// (formcheck under `script`) — once its output so far satisfies `ready` (read every 10 ms:
    /// what the process has done, not how long it has run, decides), and waits for it to end.
    static func interrupted(_ arguments: [String], when ready: (String) -> Bool, program: String? = nil,
                            environment: [String: String]? = nil, child: Bool = false) throws -> InterruptedRun {
        guard let binary = ExitStatusTests.binary else { throw ExitStatusTests.BinaryMissing() }
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let out = dir.appendingPathComponent("stdout"), err = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program ?? binary)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let started = Date()
        try process.run()
        // A generous bound for a process that never gets there (it is a failure, not a wait).
        let readyBy = Date().addingTimeInterval(60)
        while !ready(String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self)) {
            guard process.isRunning, Date() < readyBy else {
                if process.isRunning { process.terminate() }
                process.waitUntilExit()
                Issue.record("the output never became ready: \(String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self).suffix(500))")
                throw ExitStatusTests.Timeout()
            }
            usleep(10_000)
        }
        if child {
            let pid = process.processIdentifier
            let children = try String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)
            let kid = try #require(Int32(children.trimmingCharacters(in: .whitespacesAndNewlines)), "children: \(children)")
            kill(kid, SIGINT)
        } else {
            process.interrupt()
        }
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw ExitStatusTests.Timeout()
            }
            usleep(5_000)
        }
        let seconds = Date().timeIntervalSince(started)
        try outHandle.close()
        try errHandle.close()
        return .init(status: process.terminationStatus,
                     stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                     stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self), seconds: seconds)
    }
}
