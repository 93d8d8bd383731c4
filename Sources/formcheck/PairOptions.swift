import ArgumentParser

/// `--left DEVICE --right DEVICE`: a sensor on each thigh, each named for its thigh outright (no
/// assignment from the devices' identities, `PairDevices`); the positional `LEFT RIGHT` is the other way.
struct PairOptions: ParsableArguments {
    @Option(name: .customLong("left"), help: ArgumentHelp("With a sensor on each thigh: the left thigh's device, as given (with --right).", valueName: "device"))
    var left: String?

    @Option(name: .customLong("right"), help: ArgumentHelp("With a sensor on each thigh: the right thigh's device, as given (with --left).", valueName: "device"))
    var right: String?

    func validate() throws {
        if (left == nil) != (right == nil) {
            throw ValidationError("give --left and --right together (each thigh's device), or the two devices in order, the left thigh's first")
        }
    }

    /// The pair asked for — the positional devices (`explicit` false: assigned by identity where it
    /// can be) or `--left`/`--right` (`explicit`) — or nil for one sensor.
    func pair(_ device: String?, _ rightDevice: String?) throws -> (first: String, second: String, explicit: Bool)? {
        if let left, let right {
            if device != nil { throw ValidationError("give the devices either in order (LEFT RIGHT) or with --left and --right, not both") }
            return (left, right, true)
        }
        if let device, let rightDevice { return (device, rightDevice, false) }
        return nil
    }
}
