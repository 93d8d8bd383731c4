import ArgumentParser
import Foundation
import FormcheckDevices
import FormcheckFormats

/// Which motion-sensor node a command reads.
enum DeviceChoice {
    /// The node to record: DEVICE as given (a path, eventN or a uniq), else the only motion node.
    /// - Throws: `ExitCode` after printing: 69 when there is none, 64 when there are several.
    static func node(_ device: String?, discovery: DeviceDiscovery, example: String) throws -> String {
        if let device {
            if device.contains("/") { return device }
            if device.hasPrefix("event"), Int(device.dropFirst(5)) != nil { return discovery.devRoot + "/input/" + device }
            let wanted = device.lowercased()
            if let node = discovery.motionNodes().first(where: { $0.uniq?.lowercased() == wanted }) { return node.path }
            throw fail(InputError(.noDevice, path: device, "no motion-sensor node has this uniq",
                                  fix: "name the node by path (/dev/input/eventN) or uniq as 'formcheck devices' lists it; is the controller connected?"))
        }
        let nodes = discovery.motionNodes()
        switch nodes.count {
        case 0:
            throw fail(InputError(
                .noDevice, path: discovery.devRoot + "/input", "no motion-sensor node found",
                fix: "connect a DualSense, DualShock 4, Joy-Con or Steam Deck controller by USB or Bluetooth; 'formcheck devices' "
                    + "says what it sees, and dmesg whether the driver created a \"Motion Sensors\" / \"IMU\" node"))
        case 1:
            return nodes[0].path
        default:
            var text = "formcheck: \(discovery.devRoot)/input: \(nodes.count) motion-sensor nodes; name the one to use:"
            for n in nodes {
                text += "\n    \(n.path)  \(n.name)" + (n.uniq.map { "  (uniq \($0))" } ?? "")
            }
            text += "\n  fix: " + example.replacingOccurrences(of: "%@", with: nodes[0].path)
            printError(text)
            throw ExitCode(64)
        }
    }
}
