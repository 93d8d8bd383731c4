import FormcheckFeedback
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// The JSON Lines of every scenario's session (recorded samples → live filter → session): each
/// keeps the contract (`SessionEventJSON.validate(session:)`: t never decreases, kinds, holds with
/// an overshoot, shallow or sagging error not complete, summary last), the first guidance comes
/// before the first movement, a slipped strap is reported, and the whole output equals the golden
/// file Fixtures/coaching/NAME.jsonl. Golden files are rewritten only on request: `make golden`
/// (FORMCHECK_UPDATE_GOLDEN=1) rewrites them and fails the suite, so an update run can never pass.
@Suite struct CoachingGoldenTests {
    static let folder: String = Fixtures.path("coaching")

    static let update = ProcessInfo.processInfo.environment["FORMCHECK_UPDATE_GOLDEN"] == "1"
    static let names = ScenarioLibrary.all.map(\.name).filter { $0 != "piriformis-standing" }

    /// When the thigh first moves in the truth: the end of the first still rest (every scenario
    /// begins with one).
    static func firstMovement(_ truth: ScenarioTruth) -> Double? {
        truth.rests.first.map(\.end)
    }

    @Test(arguments: names)
    func jsonLinesKeepTheContractAndMatchTheGoldenFile(_ name: String) throws {
        let (events, _, truth) = try CoachingScenarioTests.run(ScenarioLibrary.named(name)!)
        let lines = events.map(\.jsonLine)
        try SessionEventJSON.validate(session: lines)
        // The first guidance (setup, then the start position) comes before the first movement.
        let cues = events.compactMap { if case .cue(let t, let cue) = $0 { (t, cue.kind) } else { nil } }
        #expect(cues.first?.1 == .setup && cues.first?.0 == 0, "\(name): \(cues.prefix(2))")
        let start = try #require(cues.first { $0.1 == .startPosition }, "\(name): no start-position cue")
        let moved = try #require(Self.firstMovement(truth))
        #expect(start.0 < moved, "\(name): start position at \(start.0) s, the thigh moved at \(moved) s")
        // A slip in the truth is reported (once), and only then.
        let slips = events.filter { if case .strapSlipped = $0 { true } else { false } }
        #expect(slips.count == truth.slips.count, "\(name): \(slips)")
        for (e, s) in zip(slips, truth.slips) { #expect(e.time >= s.end, "\(name): slip reported at \(e.time) s, before it ended") }
        // Walking hears from the coach during the walk, not only at the end.
        if truth.exercise == "walk" {
            let pace = cues.filter { $0.1 == .pace }
            #expect(!pace.isEmpty && pace[0].0 < (truth.walks.first?.end ?? 0), "\(name): \(pace)")
        }

        let text = lines.joined(separator: "\n") + "\n"
        let path = Self.folder + "/" + name + ".jsonl"
        if Self.update {
            try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("rewrote Fixtures/coaching/\(name).jsonl (FORMCHECK_UPDATE_GOLDEN=1): review the diff, then run the tests without it")
            return
        }
        let golden = try #require(try? String(contentsOfFile: path, encoding: .utf8),
                                  "Fixtures/coaching/\(name).jsonl is missing: run 'make golden' and review it")
        #expect(golden == text, "the session output of \(name) changed; if intended run 'make golden' and review the diff")
    }

    /// The golden files themselves keep the contract (whatever wrote them).
    @Test(arguments: names)
    func goldenFileKeepsTheContract(_ name: String) throws {
        let text = try String(contentsOfFile: Self.folder + "/" + name + ".jsonl", encoding: .utf8)
        try SessionEventJSON.validate(session: text.split(separator: "\n").map(String.init))
    }
}
