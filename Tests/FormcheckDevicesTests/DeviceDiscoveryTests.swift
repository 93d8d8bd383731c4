import Foundation
import Glibc
import Testing

@testable import FormcheckDevices
@testable import FormcheckFormats

/// A fake sysfs, /dev and udev database in a temporary directory, laid out as the kernel lays
/// them out: /sys/class/input/eventN and /sys/dev/char/M:N link to
/// /sys/devices/…/inputK/eventN, whose `device` link is the inputK directory with the attributes.
private struct FakeInputTree {
    let root: String
    var sys: String { root + "/sys" }
    var dev: String { root + "/dev" }
    var udev: String { root + "/run/udev" }

    init() throws {
        root = NSTemporaryDirectory() + "formcheck-discovery-" + UUID().uuidString
        for dir in ["/sys/class/input", "/sys/dev/char", "/sys/devices/virtual/input", "/dev/input", "/run/udev/data"] {
            try FileManager.default.createDirectory(atPath: root + dir, withIntermediateDirectories: true)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// One input device with one event node. Bitmaps are in the kernel's sysfs format.
    func addNode(event: Int, input: Int, name: String, id: (String, String, String, String),
                 uniq: String = "", phys: String = "", properties: String = "0", abs: String = "0", msc: String = "0",
                 key: String = "0", nodeMode: Int16 = 0o660, udevData: String? = nil) throws {
        let fm = FileManager.default
        let inputDir = "\(sys)/devices/virtual/input/input\(input)"
        let eventDir = "\(inputDir)/event\(event)"
        try fm.createDirectory(atPath: eventDir, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: inputDir + "/id", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: inputDir + "/capabilities", withIntermediateDirectories: true)
        func write(_ path: String, _ text: String) throws {
            try (text + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        }
        try write(inputDir + "/name", name)
        try write(inputDir + "/uniq", uniq)
        try write(inputDir + "/phys", phys)
        try write(inputDir + "/properties", properties)
        try write(inputDir + "/id/bustype", id.0)
        try write(inputDir + "/id/vendor", id.1)
        try write(inputDir + "/id/product", id.2)
        try write(inputDir + "/id/version", id.3)
        try write(inputDir + "/capabilities/abs", abs)
        try write(inputDir + "/capabilities/msc", msc)
        try write(inputDir + "/capabilities/key", key)
        let number = "13:\(64 + event)"
        try write(eventDir + "/dev", number)
        try write(eventDir + "/uevent", "MAJOR=13\nMINOR=\(64 + event)\nDEVNAME=input/event\(event)")
        try fm.createSymbolicLink(atPath: eventDir + "/device", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: "\(sys)/class/input/event\(event)",
                                  withDestinationPath: "../../devices/virtual/input/input\(input)/event\(event)")
        try fm.createSymbolicLink(atPath: "\(sys)/dev/char/\(number)",
                                  withDestinationPath: "../../devices/virtual/input/input\(input)/event\(event)")
        // The device node: a plain file is enough, since discovery only stat()s and access()es it.
        let node = "\(dev)/input/event\(event)"
        try write(node, "")
        #expect(chmod(node, mode_t(nodeMode)) == 0)
        if let udevData { try write("\(udev)/data/c\(number)", udevData) }
    }

    /// A DualSense on USB (gamepad, motion sensors, touchpad), a laptop keyboard and a Wii Remote
    /// accelerometer, with the bitmaps those drivers give.
    static func standard(motionMode: Int16 = 0o660) throws -> FakeInputTree {
        let tree = try FakeInputTree()
        let dualSense = ("0003", "054c", "0ce6", "8111")
        let mac = "a0:ab:51:5e:10:7c"
        try tree.addNode(event: 3, input: 3, name: "AT Translated Set 2 keyboard", id: ("0011", "0001", "0001", "ab83"),
                         phys: "isa0060/serio0/input0", msc: "10",
                         key: "402000000 3803078f800d001 feffffdfffefffff fffffffffffffffe")
        try tree.addNode(event: 20, input: 20, name: "Sony Interactive Entertainment DualSense Wireless Controller", id: dualSense,
                         uniq: mac, phys: "usb-0000:00:14.0-2/input3", abs: "3003f", key: "7fff000000000000 0 0 0 0")
        try tree.addNode(event: 21, input: 21, name: "Sony Interactive Entertainment DualSense Wireless Controller Motion Sensors",
                         id: dualSense, uniq: mac, phys: "usb-0000:00:14.0-2/input3", properties: "40", abs: "3f", msc: "20",
                         nodeMode: motionMode, udevData: "E:ID_INPUT=1\nE:ID_INPUT_ACCELEROMETER=1\nG:seat\nQ:seat")
        try tree.addNode(event: 22, input: 22, name: "Sony Interactive Entertainment DualSense Wireless Controller Touchpad",
                         id: dualSense, uniq: mac, phys: "usb-0000:00:14.0-2/input3", properties: "5",
                         abs: "2608000 3", key: "2420 10000 0 0 0 0")
        try tree.addNode(event: 9, input: 9, name: "Nintendo Wii Remote Accelerometer", id: ("0005", "057e", "0306", "0600"),
                         uniq: "00:19:1d:aa:bb:cc", abs: "38")
        return tree
    }

    func discovery(accessError: (@Sendable (String) -> Int32?)? = nil) -> DeviceDiscovery {
        var d = DeviceDiscovery(sysfsRoot: sys, devRoot: dev, udevRoot: udev)
        if let accessError { d.readAccessError = accessError }
        return d
    }
}

@Suite struct DeviceDiscoveryTests {
    @Test func findsExactlyTheDualSenseMotionNode() throws {
        let tree = try FakeInputTree.standard()
        defer { tree.remove() }
        let nodes = tree.discovery(accessError: { _ in nil }).motionNodes()
        #expect(nodes.count == 1)
        let node = try #require(nodes.first)
        #expect(node.path == tree.dev + "/input/event21")
        #expect(node.sysfsPath == tree.sys + "/class/input/event21")
        #expect(node.deviceNumber == "13:85")
        #expect(node.name == "Sony Interactive Entertainment DualSense Wireless Controller Motion Sensors")
        #expect(node.uniq == "a0:ab:51:5e:10:7c")
        #expect(node.phys == "usb-0000:00:14.0-2/input3")
        #expect(node.idString == "0003:054c:0ce6:8111")
        #expect(node.properties == [6])
        #expect(node.absCodes == [0, 1, 2, 3, 4, 5])
        #expect(node.mscCodes == [5])
        #expect(node.hasDeviceTimestamp)
        #expect(node.refusal == nil)
        #expect(node.access.readable)
        #expect(node.access.reason == nil)
    }

    @Test func listsTheWiiRemoteAccelerometerAsRefusedWithTheReason() throws {
        let tree = try FakeInputTree.standard()
        defer { tree.remove() }
        let all = tree.discovery(accessError: { _ in nil }).scan()
        // The keyboard, the gamepad (six ABS axes, no property, no motion name) and the touchpad are not candidates.
        #expect(all.map(\.path) == [tree.dev + "/input/event9", tree.dev + "/input/event21"])
        let refused = tree.discovery(accessError: { _ in nil }).refusedNodes()
        #expect(refused.count == 1)
        let wii = try #require(refused.first)
        #expect(wii.name == "Nintendo Wii Remote Accelerometer")
        #expect(wii.idString == "0005:057e:0306:0600")
        #expect(wii.absCodes == [3, 4, 5])
        #expect(!wii.isUsable)
        #expect(wii.refusal == "the driver does not mark it INPUT_PROP_ACCELEROMETER, so its axes have no promised meaning or units; "
            + "it has no ABS_X/ABS_Y/ABS_Z (formcheck needs acceleration on ABS_X/Y/Z and angular rate on ABS_RX/RY/RZ)")
    }

    @Test func propertyWithoutGyroscopeIsRefused() {
        #expect(MotionNode.refusal(properties: [6], absCodes: [0, 1, 2]) == "it has no ABS_RX/ABS_RY/ABS_RZ (no gyroscope: orientation needs one)")
        #expect(MotionNode.refusal(properties: [6], absCodes: [0, 1, 2, 3, 4, 5, 40]) == nil)
    }

    @Test func unreadableNodeSaysWhyWithOwnerModeAndMissingUaccessTag() throws {
        let tree = try FakeInputTree.standard(motionMode: 0)
        defer { tree.remove() }
        // Injected: access(2) refuses the motion node, as it does for a user without an ACL.
        let motion = tree.dev + "/input/event21"
        let nodes = tree.discovery(accessError: { $0 == motion ? EACCES : nil }).motionNodes()
        let node = try #require(nodes.first)
        let owner = SystemCall.userName(getuid()) ?? String(getuid())
        let group = SystemCall.groupName(getgid()) ?? String(getgid())
        #expect(node.access.readable == false)
        #expect(node.access.owner == owner)
        #expect(node.access.group == group)
        #expect(node.access.mode == 0)
        #expect(node.access.uaccessTagged == false)
        #expect(node.access.reason == "\(motion) is \(owner):\(group) mode 0000 and grants this user no read access; "
            + "udev did not tag it 'uaccess', so no user is given access")
        #expect(node.access.fix == InputError.udevRuleFix)
        #expect(node.access.fix?.contains("sudo install -m 0644 udev/70-formcheck.rules /etc/udev/rules.d/") == true)
        #expect(node.access.fix?.contains("Do not chmod 666") == true)
    }

    @Test func realAccessCheckOfAMode0000Node() throws {
        let tree = try FakeInputTree.standard(motionMode: 0)
        defer { tree.remove() }
        let node = try #require(tree.discovery().motionNodes().first)
        // Root (with CAP_DAC_OVERRIDE) may read a mode-0000 file, anyone else may not: the
        // answer must be access(2)'s, whichever user runs the tests.
        let expected = access(node.path, R_OK) == 0
        #expect(node.access.readable == expected)
        #expect((node.access.reason == nil) == expected)
        #expect(node.access.mode == 0)
    }

    @Test func accessDecisions() {
        let path = "/dev/input/event21"
        let tagged = NodeAccess.decide(path: path, accessErrno: EACCES, owner: "root", group: "input", mode: 0o660, uaccessTagged: true)
        #expect(!tagged.readable)
        #expect(tagged.reason == "/dev/input/event21 is root:input mode 0660 and grants this user no read access; "
            + "udev tagged it 'uaccess', which grants access only to the active local session")
        #expect(tagged.fix?.contains("loginctl") == true)
        let unknown = NodeAccess.decide(path: path, accessErrno: EPERM, owner: "root", group: "input", mode: 0o660, uaccessTagged: nil)
        #expect(unknown.reason == "/dev/input/event21 is root:input mode 0660 and grants this user no read access")
        #expect(unknown.fix == InputError.udevRuleFix)
        let missing = NodeAccess.decide(path: path, accessErrno: ENOENT, owner: nil, group: nil, mode: nil, uaccessTagged: nil)
        #expect(missing.reason == "sysfs lists the node but /dev/input/event21 does not exist")
        #expect(missing.fix?.contains("udev") == true)
        let fine = NodeAccess.decide(path: path, accessErrno: nil, owner: "root", group: "input", mode: 0o660, uaccessTagged: nil)
        #expect(fine.readable && fine.reason == nil && fine.fix == nil)
    }

    @Test func uaccessTagFromUdevDatabase() throws {
        let tree = try FakeInputTree.standard()
        defer { tree.remove() }
        try "E:ID_INPUT=1\nG:seat\nG:uaccess\n".write(toFile: tree.udev + "/data/c13:73", atomically: false, encoding: .utf8)
        let d = tree.discovery()
        #expect(d.uaccessTagged(deviceNumber: "13:73") == true)
        #expect(d.uaccessTagged(deviceNumber: "13:85") == false)
        #expect(d.uaccessTagged(deviceNumber: "13:99") == nil)
    }

    @Test func kernelBitmaps() {
        #expect(SysfsInputNode.bits("40") == [6])
        #expect(SysfsInputNode.bits("3f") == [0, 1, 2, 3, 4, 5])
        #expect(SysfsInputNode.bits("0") == [])
        #expect(SysfsInputNode.bits("1 0", wordBits: 64) == [64])
        #expect(SysfsInputNode.bits("1 0", wordBits: 32) == [32])
        #expect(SysfsInputNode.bits("7fff000000000000 0 0 0", wordBits: 64) == Set((48...62).map { 192 + $0 }))
        #expect(SysfsInputNode.bits("") == nil)
        #expect(SysfsInputNode.bits("xyz") == nil)
        #expect(SysfsInputNode.bits("11111111111111111", wordBits: 64) == nil)
    }

    @Test func noInputClassMeansNoNodes() {
        let d = DeviceDiscovery(sysfsRoot: NSTemporaryDirectory() + "formcheck-no-such-sysfs", devRoot: "/nonexistent")
        #expect(d.scan().isEmpty)
    }

    @Test func openRefusesAPlainFileAndNodesWithoutTheProperty() throws {
        let tree = try FakeInputTree.standard()
        defer { tree.remove() }
        // A regular file is not an evdev node.
        let plain = #expect(throws: InputError.self) { _ = try EvdevDevice.open(path: tree.dev + "/input/event21", sysfsRoot: tree.sys) }
        #expect(plain?.kind == .notMotionSensor)
        #expect(plain?.exitStatus == 65)
        let absent = #expect(throws: InputError.self) { _ = try EvdevDevice.open(path: tree.dev + "/input/event99", sysfsRoot: tree.sys) }
        #expect(absent?.kind == .cannotOpen)
        #expect(absent?.errno == ENOENT)
        // A character device with the keyboard's number (13:67): refused from sysfs. Only a
        // privileged test run can make the node; elsewhere this part checks nothing.
        let keyboard = tree.root + "/keyboard-node"
        guard mknod(keyboard, S_IFCHR | 0o600, dev_t(13 << 8 | 67)) == 0 else { return }
        do {
            _ = try EvdevDevice.open(path: keyboard, sysfsRoot: tree.sys)
            Issue.record("opened a keyboard node")
        } catch {
            // Were it opened, a machine without that device would say ENXIO/ENODEV (.deviceGone);
            // .notMotionSensor with the keyboard's name means sysfs refused it first.
            #expect(error.kind == .notMotionSensor)
            #expect(error.message.hasPrefix("'AT Translated Set 2 keyboard' is not a motion sensor"))
        }
    }

    @Test func waitsForAControllerToComeBack() async throws {
        let tree = try FakeInputTree.standard()
        defer { tree.remove() }
        let discovery = tree.discovery(accessError: { _ in nil })
        let present = try await discovery.waitForMotionNode(uniq: "A0:AB:51:5E:10:7C", interval: .milliseconds(10))
        #expect(present.path == tree.dev + "/input/event21")
        let waiter = Task { try await discovery.waitForMotionNode(uniq: "98:b6:e9:01:02:03", interval: .milliseconds(20)) }
        try await Task.sleep(for: .milliseconds(100))
        try tree.addNode(event: 30, input: 31, name: "Nintendo Switch Left Joy-Con IMU", id: ("0005", "057e", "2006", "8001"),
                         uniq: "98:b6:e9:01:02:03", properties: "40", abs: "3f", msc: "20")
        let back = try await waiter.value
        #expect(back.path == tree.dev + "/input/event30")
        #expect(back.name == "Nintendo Switch Left Joy-Con IMU")
        let never = Task { try await discovery.waitForMotionNode(uniq: "00:00:00:00:00:01", interval: .milliseconds(10)) }
        never.cancel()
        await #expect(throws: CancellationError.self) { _ = try await never.value }
    }
}
