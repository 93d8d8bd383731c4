import FormcheckFeedback
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// The JSON Lines of every scenario's session: each line validates against the contract, and the
/// whole output equals the golden file Fixtures/coaching/NAME.jsonl. Golden files are rewritten
/// only on request: `make golden` (FORMCHECK_UPDATE_GOLDEN=1); review the diff.
@Suite struct CoachingGoldenTests {
    static let folder: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Fixtures/coaching"
    }()

    static let update = ProcessInfo.processInfo.environment["FORMCHECK_UPDATE_GOLDEN"] == "1"

    @Test(arguments: ScenarioLibrary.all.map(\.name).filter { $0 != "piriformis-standing" })
    func jsonLinesMatchTheGoldenFile(_ name: String) throws {
        let (events, _, _) = try CoachingScenarioTests.run(ScenarioLibrary.named(name)!)
        let lines = events.map(\.jsonLine)
        for line in lines { _ = try SessionEventJSON.validate(line: line) }
        #expect(lines.filter { $0.contains("\"type\":\"summary\"") }.count == 1)
        #expect(lines.last?.contains("\"type\":\"summary\"") == true)
        let text = lines.joined(separator: "\n") + "\n"
        let path = Self.folder + "/" + name + ".jsonl"
        if Self.update {
            try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let golden = try #require(try? String(contentsOfFile: path, encoding: .utf8),
                                  "Fixtures/coaching/\(name).jsonl is missing: run 'make golden' and review it")
        #expect(golden == text, "the session output of \(name) changed; if intended run 'make golden' and review the diff")
    }
}
