import FormcheckFormats

/// The errors and fixes of live evdev nodes, worded once.
extension InputError {
    /// How to let the logged-in user read motion-sensor nodes, and what not to do instead.
    public static let udevRuleFix =
        "install formcheck's udev rule, which gives the user at the machine read access to motion-sensor nodes only: "
        + "sudo install -m 0644 udev/70-formcheck.rules /etc/udev/rules.d/ && sudo udevadm control --reload && "
        + "sudo udevadm trigger --subsystem-match=input --action=change, then reconnect the controller. "
        + "Do not chmod 666 the node or join the 'input' group: either lets every program read every keyboard"

    /// The uaccess tag is there but grants nothing to this process.
    static let inactiveSessionFix =
        "run formcheck from the desktop session at this machine (the uaccess tag grants access to the active local "
        + "session only, not over ssh or from a service); 'loginctl' shows which session is active"

    /// A node formcheck will not open because sysfs does not mark it as a motion sensor.
    static func notAccelerometer(path: String, name: String?) -> InputError {
        let what = name.map { "'\($0)'" } ?? "this node"
        return InputError(
            .notMotionSensor, path: path,
            "\(what) is not a motion sensor: the kernel does not mark it INPUT_PROP_ACCELEROMETER, and formcheck opens only motion-sensor nodes (never keyboards or other input)",
            fix: "name the controller's \"Motion Sensors\" / \"IMU\" node; 'formcheck devices' lists them")
    }

    /// The node's device went away (unplugged, switched off, Bluetooth link lost): while it was
    /// being read, or (`whileReading` false) before it could be opened.
    static func deviceGone(path: String, uniq: String?, whileReading: Bool = true, errno: Int32? = nil) -> InputError {
        let id = uniq.map { " (uniq \($0))" } ?? ""
        return InputError(
            .deviceGone, path: path, "device disappeared\(id): unplugged, switched off or out of Bluetooth range",
            fix: whileReading ? "reconnect the controller; what was read before it disappeared is kept"
                : "reconnect the controller and try again; 'formcheck devices' lists motion-sensor nodes",
            errno: errno)
    }
}
