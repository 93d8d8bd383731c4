import ArgumentParser
import Foundation
import FormcheckDevices
import FormcheckFormats
import MotionCore
import ThighSimulator

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Render a simulated thigh-IMU session to an evemu recording with its ground truth.",
        discussion: """
            SCENARIO is a built-in scenario (see --list) or a scenario file (JSON; --print NAME shows one \
            to start from). The recording is what the device's kernel driver would send, and reads like \
            any recording; the truth file says what really happened (hip angles, holds, steps, errors).
            """)

    @Argument(help: "Built-in scenario name or scenario file (.json).", completion: .file(extensions: ["json"]))
    var scenario: String?

    @Option(name: .shortAndLong, help: "Where to write the evemu recording.", completion: .file())
    var output: String?

    @Option(help: "Where to write the ground truth (JSON).", completion: .file())
    var truth: String?

    @Option(help: "Where to write the calibration recording, for scenarios that have one (stand still, raise the knee).")
    var calibration: String?

    @Option(help: "Use this seed instead of the scenario's.")
    var seed: UInt64?

    @Flag(help: "Ideal sensor: no bias, noise or scale error.")
    var noErrors = false

    @Flag(help: "List the built-in scenarios.")
    var list = false

    @Flag(name: .customLong("print"), help: "Print the scenario as JSON instead of rendering it.")
    var printScenario = false

    @Option(help: ArgumentHelp("Render the whole built-in suite into this folder (make fixtures).", visibility: .hidden))
    var writeFixtures: String?

    func validate() throws {
        if list || writeFixtures != nil { return }
        guard scenario != nil else { throw ValidationError("name a scenario (see --list) or a scenario file") }
        if !printScenario && output == nil { throw ValidationError("--output FILE.evemu is required") }
    }

    func run() async throws {
        if let folder = writeFixtures {
            for (name, text) in try ScenarioFixtures.render().sorted(by: { $0.key < $1.key }) {
                try write(text, to: folder + "/" + name)
            }
            printError("formcheck: wrote the scenario suite to \(folder)")
            return
        }
        if list {
            for s in ScenarioLibrary.builtIn {
                print(s.name.padding(26) + s.summary)
            }
            return
        }
        if let name = scenario, let pair = ScenarioLibrary.namedPair(name) { return try simulatePair(pair) }
        var s = try loadScenario()
        if let seed { s.seed = seed }
        if noErrors { s.imuErrors = false }
        if printScenario {
            print(try jsonText(s))
            return
        }
        let rendering = ScenarioRenderer(s).render()
        try write(rendering.evemuText(), to: output!)
        if let truth { try write(try jsonText(rendering.truth) + "\n", to: truth) }
        if let calibration {
            guard s.calibration else {
                throw fail(InputError(.malformed, path: self.scenario!, "scenario '\(s.name)' has no calibration recording",
                                      fix: "set \"calibration\": true in the scenario, or leave out --calibration"))
            }
            try write(ScenarioRenderer(s.calibrationScenario).render().evemuText(), to: calibration)
        }
        let holds = rendering.truth.holds.map { "\(String(format: "%.1f", $0.duration)) s at \(Int($0.flexion))°" }
        printError("formcheck: \(s.name): \(rendering.sampleTimes.count) samples, \(String(format: "%.1f", rendering.truth.duration)) s"
            + (holds.isEmpty ? "" : "; holds: " + holds.joined(separator: ", ")) + " → \(output!)")
    }

    /// A pair scenario (a sensor on each thigh): `-o NAME.json` writes the session file and the
    /// recordings `NAME.left.evemu` and `NAME.right.evemu` beside it; `--truth T.json` each thigh's
    /// truth as `T.left.json` and `T.right.json`.
    func simulatePair(_ pair: ScenarioPair) throws {
        guard let output, SessionFile.isSessionPath(output) else {
            throw ValidationError("\(pair.name) has a sensor on each thigh: -o names its session file, NAME.json (the recordings go beside it)")
        }
        if printScenario || calibration != nil || seed != nil || noErrors {
            throw ValidationError("\(pair.name) is rendered as it is: leave out --print, --calibration, --seed and --no-errors")
        }
        let rendering = pair.render(sessionName: output)
        for side in [Side.left, .right] {
            try write(rendering.rendering(side).evemuText(), to: SessionFile.recordingPath(side, sessionPath: output))
            if let truth {
                let base = truth.hasSuffix(".json") ? String(truth.dropLast(5)) : truth
                try write(try jsonText(rendering.rendering(side).truth) + "\n", to: base + "." + side.rawValue + ".json")
            }
        }
        do { try rendering.session.write(to: output) } catch { throw fail(error) }
        printError("formcheck: \(pair.name): \(rendering.left.sampleTimes.count) + \(rendering.right.sampleTimes.count) samples, "
                   + "\(String(format: "%.1f", rendering.left.truth.duration)) s → \(output)")
    }

    func loadScenario() throws -> Scenario {
        let name = scenario!
        if let builtIn = ScenarioLibrary.named(name) { return builtIn }
        guard name.hasSuffix(".json") || name.contains("/") else {
            printError("formcheck: no built-in scenario '\(name)'\n  fix: 'formcheck simulate --list' shows them; a scenario file ends in .json")
            throw ExitCode(64)
        }
        let bytes: [UInt8]
        do { bytes = try SystemFile.read(name) } catch { throw fail(error) }
        let decoded: Scenario
        do {
            decoded = try JSONDecoder().decode(Scenario.self, from: Data(bytes))
        } catch {
            throw fail(ScenarioFileError.describe(error, path: name, bytes: bytes))
        }
        if let problem = decoded.problems.first {
            throw fail(InputError(.malformed, path: name, "\(problem.path): \(problem.message)",
                                  fix: "see 'formcheck simulate --print piriformis-dualsense' for a complete scenario"))
        }
        return decoded
    }

    func write(_ text: String, to path: String) throws {
        do {
            try SystemFile.write(Array(text.utf8), toNewFile: path)
        } catch {
            throw fail(error)
        }
    }
}
