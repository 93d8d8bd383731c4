import FormcheckFeedback
import FormcheckFormats
import Foundation
import ThighSimulator

/// The parsers libFuzzer feeds, one per run (FORMCHECK_FUZZ_TARGET). Each takes any bytes and must
/// either read them or reject them with its error: a crash, a trap (overflow, out-of-range index,
/// force unwrap) or a sanitizer report is a bug, to be turned into a malformed-input test.
enum FuzzTarget: String, CaseIterable {
    /// `EvemuReader` and the sample decoder (frames, units, the sample clock) behind it.
    case evemu
    /// `CSVIMUReader`: header, rows, unit detection, the logger-clock fit.
    case csv
    /// Exercise protocol files (`--protocol FILE`): JSON decoded as `ExerciseProtocol`.
    case `protocol`
    /// Scenario files (`formcheck simulate FILE`): JSON decoded as `Scenario`, then validated.
    case scenario

    /// The target named by FORMCHECK_FUZZ_TARGET; the run stops, saying which exist, when it is
    /// missing or unknown.
    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["FORMCHECK_FUZZ_TARGET"] ?? ""
        guard let t = FuzzTarget(rawValue: name) else {
            let known = allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("formcheck-fuzz: set FORMCHECK_FUZZ_TARGET to one of \(known) (it is \"\(name)\")\n".utf8))
            exit(64)
        }
        return t
    }()

    /// Feeds one input.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .evemu:
            guard let r = try? Recording(bytes: bytes, path: "fuzz.evemu") else { return }
            _ = try? r.readAll()
        case .csv:
            guard let r = try? Recording(bytes: bytes, path: "fuzz.csv") else { return }
            _ = try? r.readAll()
        case .protocol:
            _ = try? JSONDecoder().decode(ExerciseProtocol.self, from: Data(bytes))
        case .scenario:
            guard let s = try? JSONDecoder().decode(Scenario.self, from: Data(bytes)) else { return }
            _ = s.problems
        }
    }
}
