import ArgumentParser
import FormcheckDevices
import FormcheckFormats

extension CSVUnits.Acceleration: ExpressibleByArgument {}
extension CSVUnits.AngularRate: ExpressibleByArgument {}
extension CSVUnits.Time: ExpressibleByArgument {}

/// The units of a CSV recording's columns, for every command that reads recordings. Unset, each is
/// told from the data (and converted with a warning when it is not s, m/s² or rad/s).
struct CSVUnitOptions: ParsableArguments {
    @Option(name: .customLong("accel-unit"), help: "Unit of a CSV file's ax, ay, az (default: told from the data).")
    var acceleration: CSVUnits.Acceleration?

    @Option(name: .customLong("gyro-unit"), help: "Unit of a CSV file's gx, gy, gz (default: told from the data).")
    var angularRate: CSVUnits.AngularRate?

    @Option(name: .customLong("time-unit"), help: "Unit of a CSV file's t (default: told from the data).")
    var time: CSVUnits.Time?

    var units: CSVUnits { CSVUnits(acceleration: acceleration, angularRate: angularRate, time: time) }

    /// Opens a recording in these units and prints what reading it involved, one
    /// `formcheck: FILE: warning: …` line each on standard error.
    func open(_ path: String) throws(InputError) -> Recording {
        let recording = try Recording(path: path, units: units)
        for w in recording.warnings { printError("formcheck: \(path): warning: \(w)") }
        return recording
    }
}
