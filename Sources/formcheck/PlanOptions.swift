import ArgumentParser
import FormcheckHistory

/// `--plan NAME|FILE`: the progression rule (`plan`, `routine`): the built-in `gradual`, or a plan
/// file (JSON, like `formcheck plan --rules`).
struct PlanOptions: ParsableArguments {
    @Option(name: .customLong("plan"),
            help: ArgumentHelp("The progression rule: \(PlanLibrary.names.joined(separator: ", ")) (built in), or a plan file (JSON, like 'formcheck plan --rules').",
                               valueName: "name-or-file"),
            completion: .file(extensions: ["json"]))
    var plan: String = PlanLibrary.defaultName

    /// The rule; a bad name or file is reported with its fix and exit status (64 unknown, 65 bad
    /// file, 66 unreadable).
    func load() throws -> PlanRules {
        do {
            return try PlanLibrary.named(plan)
        } catch let error as PlanLibrary.LoadError {
            switch error {
            case .unknown:
                printError("formcheck: \(error)")
                throw ExitCode(64)
            case .invalid:
                printError("formcheck: \(error)\n  fix: correct that file (compare with 'formcheck plan --rules')")
                throw ExitCode(65)
            case .unreadable:
                printError("formcheck: \(error)")
                throw ExitCode(66)
            }
        }
    }
}
