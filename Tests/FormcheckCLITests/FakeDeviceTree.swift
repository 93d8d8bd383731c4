import Foundation

/// A fake sysfs, /dev and udev database for the device commands' hidden `--sysfs-root`,
/// `--dev-root` and `--udev-root`, laid out as the kernel lays them out (see
/// FormcheckDevicesTests' DeviceDiscoveryTests): /sys/class/input/eventN links to
/// /sys/devices/virtual/input/inputN/eventN, whose `device` link is the inputN directory with the
/// attributes. Device nodes are plain files: discovery only stat()s and access()es them.
struct FakeDeviceTree {
    let root: URL
    var sys: String { root.path + "/sys" }
    var dev: String { root.path + "/dev" }
    var udev: String { root.path + "/run/udev" }
    /// The hidden options that point a device command at this tree.
    var options: [String] { ["--sysfs-root", sys, "--dev-root", dev, "--udev-root", udev] }

    init() throws {
        root = try ExitStatusTests.scratch()
        for dir in ["/sys/class/input", "/sys/devices/virtual/input", "/dev/input", "/run/udev/data"] {
            try FileManager.default.createDirectory(atPath: root.path + dir, withIntermediateDirectories: true)
        }
    }

    func remove() { ExitStatusTests.cleanUp(root) }

    /// A DualSense's Motion Sensors node (INPUT_PROP_ACCELEROMETER, ABS_X…ABS_RZ, MSC_TIMESTAMP) as
    /// /dev/input/event`event`, with `uniq`.
    func addDualSenseMotionSensors(event: Int, uniq: String) throws {
        try addNode(event: event, name: "Sony Interactive Entertainment DualSense Wireless Controller Motion Sensors",
                    uniq: uniq, properties: "40", abs: "3f", msc: "20")
    }

    /// A Joy-Con's IMU node (hid-nintendo: "Nintendo Switch Left Joy-Con IMU", vendor 057e, product
    /// 2006; the right 2007) as /dev/input/event`event`, with `uniq`.
    func addJoyConIMU(event: Int, left: Bool, uniq: String) throws {
        try addNode(event: event, name: "Nintendo Switch \(left ? "Left" : "Right") Joy-Con IMU", uniq: uniq, properties: "40", abs: "3f", msc: "20",
                    vendor: "057e", product: left ? "2006" : "2007")
    }

    /// A keyboard (no absolute axes): never a motion node.
    func addKeyboard(event: Int) throws {
        try addNode(event: event, name: "AT Translated Set 2 keyboard", uniq: "", properties: "0", abs: "0", msc: "10")
    }

    private func addNode(event: Int, name: String, uniq: String, properties: String, abs: String, msc: String,
                         vendor: String = "054c", product: String = "0ce6") throws {
        let fm = FileManager.default
        let inputDir = "\(sys)/devices/virtual/input/input\(event)"
        let eventDir = "\(inputDir)/event\(event)"
        for dir in [eventDir, inputDir + "/id", inputDir + "/capabilities"] {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        func write(_ path: String, _ text: String) throws {
            try (text + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        }
        try write(inputDir + "/name", name)
        try write(inputDir + "/uniq", uniq)
        try write(inputDir + "/phys", "usb-0000:00:14.0-\(event)/input3")
        try write(inputDir + "/properties", properties)
        for (field, value) in [("bustype", "0003"), ("vendor", vendor), ("product", product), ("version", "8111")] {
            try write(inputDir + "/id/" + field, value)
        }
        try write(inputDir + "/capabilities/abs", abs)
        try write(inputDir + "/capabilities/msc", msc)
        try write(inputDir + "/capabilities/key", "0")
        let number = "13:\(64 + event)"
        try write(eventDir + "/dev", number)
        try write(eventDir + "/uevent", "MAJOR=13\nMINOR=\(64 + event)\nDEVNAME=input/event\(event)")
        try fm.createSymbolicLink(atPath: eventDir + "/device", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: "\(sys)/class/input/event\(event)",
                                  withDestinationPath: "../../devices/virtual/input/input\(event)/event\(event)")
        try write("\(dev)/input/event\(event)", "")
    }
}
