import FormcheckFormats
import Foundation

/// The scenario suite as files: NAME.truth.json for every built-in scenario, NAME.evemu for the
/// few small enough to commit (the rest render at test time from their seeds), calibration
/// recordings, and MANIFEST.json with a digest of every recording, so a change in what the
/// simulator renders is caught and golden files are rewritten only on request (`make fixtures`).
public enum ScenarioFixtures {
    /// Recordings committed under Fixtures/scenarios (the Fixtures folder stays under ~30 MB).
    public static let committedRecordings: Set<String> = [
        "piriformis-joycon", "hamstring-shallow", "strap-upside-down",
        "piriformis-standing.calibration",
    ]

    public struct Entry: Codable, Hashable, Sendable {
        public var name: String
        public var summary: String
        public var device: String
        public var duration: Double
        /// FNV-1a 64-bit digest of the evemu text, and its size in bytes.
        public var digest: String
        public var bytes: Int
        /// Whether NAME.evemu is in the folder (otherwise render it: `formcheck simulate NAME`).
        public var committed: Bool
    }

    /// Every file of the suite, by file name, as text.
    public static func render(_ scenarios: [Scenario] = ScenarioLibrary.builtIn) throws -> [String: String] {
        var files: [String: String] = [:]
        var manifest: [Entry] = []
        for s in scenarios {
            var todo = [s]
            if s.calibration { todo.append(s.calibrationScenario) }
            for scenario in todo {
                let rendering = ScenarioRenderer(scenario).render()
                let text = rendering.evemuText()
                let committed = committedRecordings.contains(scenario.name)
                if committed { files[scenario.name + ".evemu"] = text }
                if scenario.exercise != "calibration" { files[scenario.name + ".truth.json"] = try json(rendering.truth) }
                manifest.append(Entry(name: scenario.name, summary: scenario.summary, device: scenario.device.rawValue,
                                      duration: rendering.truth.duration, digest: digest(text), bytes: text.utf8.count,
                                      committed: committed))
            }
        }
        files["MANIFEST.json"] = try json(manifest)
        return files
    }

    /// Pretty, key-sorted JSON with a final newline.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        try JSONDocument.text(value) + "\n"
    }

    /// FNV-1a 64-bit digest, as "fnv1a64:" and 16 hex digits.
    public static func digest(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
