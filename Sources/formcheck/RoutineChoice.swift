import ArgumentParser
import FormcheckFeedback
import MotionCore

/// A routine named on the command line (`--routine NAME|FILE`, `formcheck routine NAME`,
/// `formcheck routines NAME`), laid out as its plan; a bad name or file is reported with its fix
/// and exit status.
enum RoutineChoice {
    static func plan(_ name: String, sensors: RoutinePlan.Sensors = .one) throws -> RoutinePlan {
        try plan(of: routine(name), sensors: sensors)
    }

    /// The routine named (a built-in, the user's own, or a file).
    static func routine(_ name: String) throws -> Routine {
        try loading { try RoutineLibrary.named(name) }
    }

    /// A routine laid out (its exercises' protocols looked up) for one sensor or two.
    static func plan(of routine: Routine, sensors: RoutinePlan.Sensors = .one) throws -> RoutinePlan {
        try loading { try RoutinePlan(routine, sensors: sensors) { try ExerciseLibrary.named($0) } }
    }

    /// One exercise with a sensor on each thigh, as a routine of it (`live LEFT RIGHT --exercise X`,
    /// `replay SESSION.json --exercise X`): a stretch or a one-legged strengthening exercise on each
    /// leg in turn (`firstSide` first), a bridge, a sit-to-stand or a walk on both legs at once; `hold`
    /// replaces the protocol's hold time.
    static func pairPlan(_ exercise: ExerciseProtocol, hold: Double?, firstSide: Side) -> RoutinePlan {
        var dosed = exercise
        if let hold { dosed.holdSeconds = hold }
        let both: Bool = switch exercise.kind {
        case .stretch: true
        case .strength: exercise.reps?.perSide ?? true
        case .walk: false
        }
        let routine = Routine(name: exercise.name, title: exercise.title, description: exercise.instructions, firstSide: firstSide,
                              entries: [Routine.Entry(exercise: exercise.name, sides: both ? .both : .one)])
        return RoutinePlan(routine, sensors: .two) { _ in dosed }
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
