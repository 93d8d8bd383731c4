import Foundation
import Testing

/// `formcheck routines`: the bundled routines with every step, side and dose; bad names and files.
@Suite struct RoutinesCommandTests {
    @Test func listsTheRoutinesWithTheirSteps() throws {
        let r = try ExitStatusTests.run(["routines", "core-strength"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            core-strength — Core and glutes
              Gentle strengthening, about 12 minutes: bridges, then straight-leg raises on both legs.
              strap starts on the right thigh; 1 strap move (60 s allowed for each)
               1. bridge              right  2 × 10 reps, 30 s rest between sets
               2. straight-leg-raise  right  3 × 10 reps, 30 s rest between sets
                 → move the strap to the left thigh
               3. straight-leg-raise  left   3 × 10 reps, 30 s rest between sets

            """)
        let all = try ExitStatusTests.run(["routines"])
        #expect(all.status == 0)
        let names: [String] = all.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.split(separator: " ")[0]) }
        #expect(names == ["sciatica-daily", "stretches", "core-strength"])
        #expect(all.stdout.contains("  10. walk                right  20 min at 100 steps/min or more\n"))
    }

    @Test func jsonIsTheRoutineFile() throws {
        let r = try ExitStatusTests.run(["routines", "--json", "stretches"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? NSDictionary)
        let file = ExitStatusTests.packageRoot + "/Sources/FormcheckFeedback/Routines/stretches.json"
        let bundled = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? NSDictionary)
        #expect(json.isEqual(bundled))
    }

    @Test func unknownRoutineAndBadFile() throws {
        let unknown = try ExitStatusTests.run(["routines", "yoga"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no routine 'yoga'; the built-in ones are sciatica-daily, stretches, core-strength"))
        let dir = try ExitStatusTests.scratch()
        defer { ExitStatusTests.cleanUp(dir) }
        let path = dir.path + "/bad.json"
        try #"{ "name": "b", "title": "B", "description": "d", "exercises": [ { "exercise": "bridge", "sides": "one", "set": 2 } ] }"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let bad = try ExitStatusTests.run(["routines", path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("\(path):1: set: unknown key; did you mean sets?"))
        let missing = try ExitStatusTests.run(["routines", dir.path + "/none.json"])
        #expect(missing.status == 66)
    }
}
