import ArgumentParser
import FormcheckFormats

@main
struct Formcheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formcheck",
        abstract: "Checks the form of stretching and rehab exercises from a thigh-worn IMU read through evdev.",
        discussion: """
            Exit status: 0 success, 64 bad usage, 65 malformed recording or a node that is not a \
            usable motion sensor (replay: or nothing to coach, or an exercise it cannot recognise), 66 missing or unreadable file, 69 no motion-sensor device, \
            73 the history database cannot be created or written, \
            74 device disappeared or I/O error (what was read is kept; live, routine: the summary is printed), or the disk is full, \
            75 another formcheck is writing to the history, 77 permission denied; 65 also for a history database that is \
            damaged, another program's, or made by a newer formcheck (it is left as it is).
            """,
        version: Version.text,
        subcommands: [
            DevicesCommand.self, RecordCommand.self, InspectCommand.self, OrientationCommand.self, AnglesCommand.self,
            CalibrateCommand.self, ExercisesCommand.self, ReplayCommand.self, LiveCommand.self, SimulateCommand.self,
            EvalBroadCommand.self, EvalRealCommand.self, ActivityCommand.self, RoutinesCommand.self, RoutineCommand.self,
            HistoryCommand.self, ExportCommand.self, ReportCommand.self, PlanCommand.self,
        ]
    )
}

/// Prints an input error the way formcheck reports every failure, and exits with its status.
func fail(_ error: InputError) -> ExitCode {
    printError("formcheck: " + error.description)
    return ExitCode(error.exitStatus)
}
