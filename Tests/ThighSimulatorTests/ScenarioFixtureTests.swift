import Foundation
import FormcheckFormats
import MotionCore
import Testing
import ThighSimulator

/// The committed scenario suite is what the simulator renders today: golden files are compared,
/// never rewritten here (`make fixtures` rewrites them on request).
@Suite struct ScenarioFixtureTests {
    static let folder: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Fixtures/scenarios"
    }()

    static func committed(_ name: String) -> String? {
        try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }

    static let rendered: [String: String] = (try? ScenarioFixtures.render()) ?? [:]

    @Test func everyGoldenFileMatchesTheRendering() throws {
        #expect(Self.rendered.count == ScenarioLibrary.builtIn.count + ScenarioFixtures.committedRecordings.count + 1)
        let hint = "the simulator renders something else now; if that is intended run 'make fixtures' and review the diff"
        for (name, text) in Self.rendered.sorted(by: { $0.key < $1.key }) {
            let golden = try #require(Self.committed(name), "Fixtures/scenarios/\(name) is missing; \(hint)")
            #expect(golden == text, "Fixtures/scenarios/\(name) differs: \(hint)")
        }
        // Nothing stale in the folder either.
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0 != "README.md" }
        #expect(Set(present) == Set(Self.rendered.keys))
    }

    @Test func theManifestListsEveryRecordingWithItsDigest() throws {
        let manifest = try JSONDecoder().decode([ScenarioFixtures.Entry].self, from: Data(Self.rendered["MANIFEST.json"]!.utf8))
        #expect(manifest.count == ScenarioLibrary.builtIn.count + 1)
        for entry in manifest where entry.committed {
            let text = try #require(Self.committed(entry.name + ".evemu"))
            #expect(ScenarioFixtures.digest(text) == entry.digest)
            #expect(text.utf8.count == entry.bytes)
        }
    }

    static func truth(_ name: String) throws -> ScenarioTruth {
        try JSONDecoder().decode(ScenarioTruth.self, from: Data(try #require(Self.rendered[name + ".truth.json"]).utf8))
    }

    @Test func holdsFollowTheTruthConvention() throws {
        // Piriformis: two one-minute holds at 85°, each a little longer than the hold step because
        // the 2° band begins before the pull ends and ends after the release begins.
        let p = try Self.truth("piriformis-dualsense")
        #expect(p.holds.count == 2)
        for h in p.holds {
            #expect(h.flexion == 85)
            #expect(h.duration > 60 && h.duration < 62.5)
            #expect(abs(h.end - h.start - h.duration) < 0.002)
        }
        #expect(p.holds[1].start > p.holds[0].end + 15)
        #expect(p.formErrors.isEmpty)
        // Piriformis pulled too fast: the 0.6 s pull reaches the band 0.13 s before it ends.
        let fast = try Self.truth("piriformis-too-fast")
        #expect(fast.holds.count == 1 && fast.formErrors == [.init(kind: "tooFast", rep: 1)])
        let short = try Self.truth("piriformis-short-hold")
        #expect(short.holds.count == 1 && short.holds[0].duration > 25 && short.holds[0].duration < 27)
        let ham = try Self.truth("hamstring-good")
        #expect(ham.holds.map(\.flexion) == [70, 70, 70])
        #expect(try Self.truth("hamstring-shallow").holds.map(\.flexion) == [35])
        #expect(try Self.truth("knee-to-chest-overshoot").holds.map(\.flexion) == [138])
        // Bouncing does not split the hold.
        #expect(try Self.truth("piriformis-bouncing").holds.count == 1)
    }

    @Test func walkingTruthCountsSteps() throws {
        let brisk = try Self.truth("walk-brisk")
        #expect(brisk.cadence == 112)
        #expect(brisk.steps == 112)
        #expect(brisk.holds.isEmpty)
        let slow = try Self.truth("walk-slow")
        #expect(slow.cadence == 84 && slow.steps == 84)
        #expect(slow.formErrors == [.init(kind: "slowCadence")])
    }

    @Test func truthAnglesFollowTheScenario() throws {
        let p = try Self.truth("piriformis-dualsense")
        #expect(p.angles.t.count == p.angles.flexion.count)
        // Flat at the start, 45° after raising, 85° ± sway in the hold.
        #expect(abs(p.angles.flexion[0]) < 1e-9)
        let midHold = (p.holds[0].start + p.holds[0].end) / 2
        let i = Int((midHold * p.angles.rate).rounded())
        #expect(abs(p.angles.flexion[i] - 85) < 0.5)
        #expect(abs(p.angles.adduction[i] - 20) < 0.5)
        let notCrossed = try Self.truth("piriformis-not-crossed")
        let j = Int(((notCrossed.holds[0].start + notCrossed.holds[0].end) / 2 * notCrossed.angles.rate).rounded())
        #expect(notCrossed.angles.adduction[j] < 5)
        let slip = try Self.truth("strap-slip")
        #expect(slip.slips.count == 1 && slip.slips[0].angle == 15)
    }

    @Test func scenariosRoundTripThroughJSON() throws {
        for s in ScenarioLibrary.builtIn {
            let data = try JSONEncoder().encode(s)
            #expect(try JSONDecoder().decode(Scenario.self, from: data) == s)
            #expect(s.problems.isEmpty, "\(s.name): \(s.problems)")
        }
    }
}
