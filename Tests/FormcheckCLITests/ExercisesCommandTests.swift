import Foundation
import Testing

/// `formcheck exercises`: the bundled protocols, as text and as JSON.
@Suite struct ExercisesCommandTests {
    static let names = ["piriformis", "hamstring", "knee-to-chest", "walk", "bridge", "straight-leg-raise", "clamshell",
                          "side-lying-abduction", "bird-dog", "sit-to-stand"]

    @Test func listsTheExercisesWithTheirParameters() throws {
        let r = try ExitStatusTests.run(["exercises"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let headings = r.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.split(separator: " ")[0]) }
        #expect(headings == Self.names)
        #expect(r.stdout.contains("piriformis — Supine piriformis stretch\n  posture        supine\n  start band     45° ± 10°\n"
                                  + "  hold angle     60° or more\n  hold time      60 s\n  reps per side  2\n"))
        #expect(r.stdout.contains("  brisk cadence  100 steps/min or more\n"))
        #expect(r.stdout.contains("clamshell — Clamshell\n  posture        sideLying\n  reps           3 × 10 per side, 30 s rest between sets\n"
                                  + "  movement       0° ± 10° → 25°, 1.5 s at the top; up ≥ 0.6 s, down ≥ 0.6 s\n  axis           abduction\n"
                                  + "  compensation   roll or out of plane more than 15° from the rep's start\n"))
        #expect(r.stdout.contains("sit-to-stand — Sit-to-stand\n  posture        sitting\n  reps           1 × 10 (both legs at once), 60 s rest between sets\n"
                                  + "  movement       90° ± 15° → 0°; up ≥ 0 s, down ≥ 1 s\n  how"))
    }

    @Test func jsonIsTheProtocolFiles() throws {
        let r = try ExitStatusTests.run(["exercises", "--json"])
        #expect(r.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(array.compactMap { $0["name"] as? String } == Self.names)
        let piriformis = try #require(array.first)
        #expect(piriformis["holdSeconds"] as? Double == 60)
        #expect(piriformis["holdAngle"] as? Double == 60)
        #expect(piriformis["repsPerSide"] as? Int == 2)
        #expect((piriformis["startBand"] as? [String: Any])?["flexion"] as? Double == 45)
        #expect(array.first { $0["name"] as? String == "walk" }?["briskCadence"] as? Double == 100)
        // The same content as the bundled file.
        let file = ExitStatusTests.packageRoot + "/Sources/FormcheckFeedback/Protocols/piriformis.json"
        let bundled = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? NSDictionary)
        #expect(NSDictionary(dictionary: piriformis).isEqual(bundled))
    }

    @Test func yourOwnProtocolsFromTheConfigurationFolder() throws {
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let folder = dir.path + "/formcheck/protocols"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let hamstring = try String(contentsOfFile: ExitStatusTests.packageRoot + "/Sources/FormcheckFeedback/Protocols/hamstring.json",
                                   encoding: .utf8)
        try hamstring.replacingOccurrences(of: "\"hamstring\"", with: "\"my-hamstring\"")
            .write(toFile: folder + "/my-hamstring.json", atomically: true, encoding: .utf8)
        let env = ["XDG_CONFIG_HOME": dir.path]
        let list = try ExitStatusTests.run(["exercises", "--json"], environment: env)
        #expect(list.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(array.compactMap { $0["name"] as? String } == Self.names + ["my-hamstring"])
        let replay = try ExitStatusTests.run(["replay", ExitStatusTests.packageRoot + "/Fixtures/scenarios/hamstring-shallow.evemu",
                                              "--exercise", "my-hamstring", "--format", "json"], environment: env)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("\"exercise\":\"my-hamstring\""), "\(replay.stdout.prefix(300))")
        // A broken file of yours: exit 65, naming it and the fix.
        try "{\"name\": ".write(toFile: folder + "/broken.json", atomically: true, encoding: .utf8)
        let broken = try ExitStatusTests.run(["exercises"], environment: env)
        #expect(broken.status == 65)
        #expect(broken.stderr.hasPrefix("formcheck: \(folder)/broken.json:1: "), "\(broken.stderr)")
        #expect(broken.stderr.contains("fix: correct that file"))
    }

    /// `exercises --json NAME` prints exactly the bundled file, which `--protocol` loads; the text
    /// shows every number of it.
    @Test(arguments: names)
    func jsonOfOneIsExactlyALoadableProtocolFile(_ name: String) throws {
        let r = try ExitStatusTests.run(["exercises", "--json", name])
        #expect(r.status == 0)
        let file = ExitStatusTests.packageRoot + "/Sources/FormcheckFeedback/Protocols/\(name).json"
        #expect(r.stdout == (try String(contentsOfFile: file, encoding: .utf8)))
        let text = try ExitStatusTests.run(["exercises", name]).stdout
        // Every key holding a number (or a list of numbers).
        let numbers = r.stdout.split(separator: "\n").filter { line in
            guard let value = line.split(separator: "\" : ").dropFirst().first?.first else { return false }
            return value.isNumber || value == "-" || value == "["
        }
        #expect(!numbers.isEmpty)
        for line in numbers {
            let key = line.split(separator: "\"")[1]
            #expect(text.contains(key), "\(name): \(key) is not shown")
        }
    }

    @Test func unknownOptionIsUsage() throws {
        let r = try ExitStatusTests.run(["exercises", "--yaml"])
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
    }
}
