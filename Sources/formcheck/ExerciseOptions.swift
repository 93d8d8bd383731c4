import ArgumentParser
import FormcheckFeedback
import FormcheckFormats
import MotionCore

extension Side: ExpressibleByArgument {}
extension Posture: ExpressibleByArgument {}
extension AngleSeries.Mode: ExpressibleByArgument {}

/// What `replay` and `live` coach: the exercise, the side, the hold time, a stored calibration.
struct ExerciseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The exercise: \(ExerciseLibrary.names.joined(separator: ", ")), or one of yours in ~/.config/formcheck/protocols ('formcheck exercises' lists them); replay recognises it when left out."))
    var exercise: String?

    @Option(name: .customLong("protocol"), help: "Your own exercise protocol (JSON, like 'formcheck exercises --json').",
            completion: .file(extensions: ["json"]))
    var protocolFile: String?

    @Option(name: .customLong("side"),
            help: ArgumentHelp("The leg wearing the sensor (default right). replay: once for every file, or once per file in the files' order (replay LEFT.evemu RIGHT.evemu --side left --side right: a left and a right file of one exercise are then compared).",
                               valueName: "side"))
    var sides: [Side] = []

    /// The leg wearing the sensor: the one `--side` (right when none is given).
    var side: Side { sides.first ?? .right }

    /// The side of the `index`th of `count` files: the one `--side` for all, or that file's own.
    func side(file index: Int) -> Side {
        sides.count > 1 && index < sides.count ? sides[index] : side
    }

    @Option(help: "Hold time in seconds, instead of the protocol's.")
    var hold: Double?

    @Option(help: "Your height in centimetres (walking: the distance walked).")
    var height: Double?

    @Option(help: "A strap calibration from 'formcheck calibrate' (then the posture is checked too).",
            completion: .file(extensions: ["json"]))
    var calibration: String?

    func validate() throws {
        if exercise != nil && protocolFile != nil {
            throw ValidationError("give --exercise NAME or --protocol FILE, not both (a protocol file names its exercise)")
        }
        if let hold, !(hold > 0 && hold <= 3600) { throw ValidationError("--hold must be between 0 and 3600 seconds") }
        if let height, !(50...250).contains(height) {
            throw ValidationError("--height is in centimetres, between 50 and 250 (for example --height 175)")
        }
    }

    /// True when the exercise was named (`--exercise` or `--protocol`).
    var named: Bool { exercise != nil || protocolFile != nil }

    /// Refuses a command line that does not name the exercise (`live`: it cannot be recognised
    /// before it is done).
    func requireExercise() throws {
        if !named { throw ValidationError("name the exercise: --exercise \(ExerciseLibrary.names.joined(separator: "|")) (or --protocol FILE)") }
    }

    /// The protocol to coach.
    func loadProtocol() throws -> ExerciseProtocol {
        guard let p = try loadNamedProtocol() else {
            throw ValidationError("name the exercise: --exercise \(ExerciseLibrary.names.joined(separator: "|")) (or --protocol FILE)")
        }
        return p
    }

    /// The protocol named on the command line, nil when none was.
    func loadNamedProtocol() throws -> ExerciseProtocol? {
        try Self.loading {
            if let protocolFile { return try ExerciseLibrary.load(protocolFile) }
            return try exercise.map { try ExerciseLibrary.named($0) }
        }
    }

    /// A built-in or own protocol by name, or a protocol file; a clear error and exit status 64
    /// (unknown name) or 65 (a bad file) otherwise.
    static func loadProtocol(exercise: String?, protocolFile: String?) throws -> ExerciseProtocol {
        try loading {
            if let protocolFile { return try ExerciseLibrary.load(protocolFile) }
            guard let exercise else {
                throw ValidationError("name the exercise: --exercise \(ExerciseLibrary.names.joined(separator: "|")) (or --protocol FILE)")
            }
            return try ExerciseLibrary.named(exercise)
        }
    }

    /// Every protocol recognition compares with: the library's (built-in and the user's), `named`
    /// in place of its namesake (or added).
    func loadCandidates(with named: ExerciseProtocol?) throws -> [ExerciseProtocol] {
        var all = try Self.loading { try ExerciseLibrary.all() }
        if let named {
            if let i = all.firstIndex(where: { $0.name == named.name }) { all[i] = named } else { all.append(named) }
        }
        return all
    }

    /// Runs `load`, turning a protocol's load error into its message, fix and exit status.
    private static func loading<T>(_ load: () throws -> T) throws -> T {
        do {
            return try load()
        } catch let error as ExerciseLibrary.LoadError {
            if case .unknown = error {
                printError("formcheck: \(error)\n  fix: 'formcheck exercises' lists them")
                throw ExitCode(64)
            }
            printError("formcheck: \(error)\n  fix: compare with 'formcheck exercises --json'")
            throw ExitCode(65)
        }
    }

    /// The stored mounting, if a calibration file was given.
    func loadCalibration() throws -> StoredCalibration? {
        guard let calibration else { return nil }
        do { return try StoredCalibration.load(calibration) } catch {
            printError("formcheck: \(error)\n  fix: make one with 'formcheck calibrate RECORDING-or-DEVICE -o \(calibration)'")
            throw ExitCode(error is StoredCalibration.FileError && "\(error)".contains("cannot read") ? 66 : 65)
        }
    }
}
