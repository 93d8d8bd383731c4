import ArgumentParser
import FormcheckFeedback

/// A routine named on the command line (`--routine NAME|FILE`, `formcheck routine NAME`,
/// `formcheck routines NAME`), laid out as its plan; a bad name or file is reported with its fix
/// and exit status.
enum RoutineChoice {
    static func plan(_ name: String) throws -> RoutinePlan {
        try plan(of: routine(name))
    }

    /// The routine named (a built-in, the user's own, or a file).
    static func routine(_ name: String) throws -> Routine {
        try loading { try RoutineLibrary.named(name) }
    }

    /// A routine laid out (its exercises' protocols looked up).
    static func plan(of routine: Routine) throws -> RoutinePlan {
        try loading { try RoutinePlan(routine) { try ExerciseLibrary.named($0) } }
    }

    /// Runs `load`, turning a routine's load error into its message, fix and exit status (64
    /// unknown name, 65 bad file, 66 unreadable).
    static func loading<T>(_ load: () throws -> T) throws -> T {
        do {
            return try load()
        } catch let error as RoutineLibrary.LoadError {
            switch error {
            case .unknown:
                printError("formcheck: \(error)\n  fix: 'formcheck routines' lists them")
                throw ExitCode(64)
            case .invalid:
                printError("formcheck: \(error)\n  fix: correct that file (compare with 'formcheck routines --json sciatica-daily')")
                throw ExitCode(65)
            case .unreadable:
                printError("formcheck: \(error)")
                throw ExitCode(66)
            }
        }
    }
}
