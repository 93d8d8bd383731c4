import Foundation
import Testing

/// Which node `record` and `live` read when none is named, and the statuses of README "Exit
/// status" for it: 69 when there is no motion-sensor node, 64 when there are several (with the
/// list and the fix), the only one otherwise; a uniq names one. Run on a fake sysfs tree through
/// the hidden `--sysfs-root`/`--dev-root`/`--udev-root` (the real nodes: the VM tests).
@Suite struct DeviceChoiceCommandTests {
    /// The two commands that read a device, each with what it needs besides the device.
    static let commands: [[String]] = [["record", "-o", "/nonexistent/out.evemu"], ["live", "--exercise", "hamstring", "--format", "json"]]

    @Test(arguments: commands)
    func noMotionNodeExits69(_ command: [String]) throws {
        let tree = try FakeDeviceTree()
        defer { tree.remove() }
        try tree.addKeyboard(event: 3)
        let r = try ExitStatusTests.run(command + tree.options)
        #expect(r.status == 69, "stderr: \(r.stderr)")
        #expect(r.stderr.hasPrefix("formcheck: \(tree.dev)/input: no motion-sensor node found"), "stderr: \(r.stderr)")
        #expect(r.stderr.contains("fix: connect a DualSense"), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test(arguments: commands)
    func severalMotionNodesAndNoneNamedExits64WithTheList(_ command: [String]) throws {
        let tree = try FakeDeviceTree()
        defer { tree.remove() }
        try tree.addKeyboard(event: 3)
        try tree.addDualSenseMotionSensors(event: 21, uniq: "a0:ab:51:5e:10:7c")
        try tree.addDualSenseMotionSensors(event: 24, uniq: "a0:ab:51:5e:10:7d")
        let r = try ExitStatusTests.run(command + tree.options)
        #expect(r.status == 64, "stderr: \(r.stderr)")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "formcheck: \(tree.dev)/input: 2 motion-sensor nodes; name the one to use:", "stderr: \(r.stderr)")
        let name = "Sony Interactive Entertainment DualSense Wireless Controller Motion Sensors"
        #expect(lines.contains("    \(tree.dev)/input/event21  \(name)  (uniq a0:ab:51:5e:10:7c)"), "stderr: \(r.stderr)")
        #expect(lines.contains("    \(tree.dev)/input/event24  \(name)  (uniq a0:ab:51:5e:10:7d)"), "stderr: \(r.stderr)")
        #expect(lines.last?.hasPrefix("  fix: formcheck \(command[0]) \(tree.dev)/input/event21") == true, "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    /// Just inside the rule: one motion node is the one read, without being named (here it cannot
    /// be opened — a plain file — and the error names it), and a uniq picks one of several.
    @Test(arguments: commands)
    func theOnlyNodeOrTheOneWithTheUniqIsRead(_ command: [String]) throws {
        let tree = try FakeDeviceTree()
        defer { tree.remove() }
        try tree.addKeyboard(event: 3)
        try tree.addDualSenseMotionSensors(event: 21, uniq: "a0:ab:51:5e:10:7c")
        let only = try ExitStatusTests.run(command + tree.options)
        #expect(only.status != 64 && only.status != 69 && only.status != 0, "stderr: \(only.stderr)")
        #expect(only.stderr.hasPrefix("formcheck: \(tree.dev)/input/event21: "), "stderr: \(only.stderr)")

        try tree.addDualSenseMotionSensors(event: 24, uniq: "a0:ab:51:5e:10:7d")
        let named = try ExitStatusTests.run(Array(command.prefix(1)) + ["A0:AB:51:5E:10:7D"] + command.dropFirst() + tree.options)
        #expect(named.status == only.status, "stderr: \(named.stderr)")
        #expect(named.stderr.hasPrefix("formcheck: \(tree.dev)/input/event24: "), "stderr: \(named.stderr)")

        let unknown = try ExitStatusTests.run(Array(command.prefix(1)) + ["a0:ab:51:5e:10:7e"] + command.dropFirst() + tree.options)
        #expect(unknown.status == 69, "stderr: \(unknown.stderr)")
        #expect(unknown.stderr.hasPrefix("formcheck: a0:ab:51:5e:10:7e: no motion-sensor node has this uniq"), "stderr: \(unknown.stderr)")
    }
}
