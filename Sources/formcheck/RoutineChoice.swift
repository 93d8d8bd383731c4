import ArgumentParser
import FormcheckFeedback

/// A routine named on the command line (`--routine NAME|FILE`, `formcheck routine NAME`), laid out
/// as its plan; a bad name or file is reported with its fix and exit status.
enum RoutineChoice {
    static func plan(_ name: String) throws -> RoutinePlan {
        do {
            return try RoutinePlan(RoutineLibrary.named(name)) { try ExerciseLibrary.named($0) }
        } catch let error as RoutineLibrary.LoadError {
            switch error {
            case .unknown:
                printError("formcheck: \(error)\n  fix: 'formcheck routines' lists them")
                throw ExitCode(64)
            case .invalid:
                printError("formcheck: \(error)\n  fix: correct that file (compare with 'formcheck routines --json stretches')")
                throw ExitCode(65)
            case .unreadable:
                printError("formcheck: \(error)")
                throw ExitCode(66)
            }
        }
    }
}
