import FormcheckDevices
import FormcheckFormats

/// `formcheck devices`'s findings: motion-sensor nodes and refused look-alikes, as JSON fields and
/// as text for people.
struct DevicesReport: Encodable {
    struct Axes: Encodable {
        var codes: [String]
        var minimum: [Int32]
        var maximum: [Int32]
        /// Raw units per g (accelerometer) or per °/s (gyroscope).
        var resolution: [Int32]
        var fuzz: [Int32]
        /// Full scale in g or °/s.
        var range: [Double]
    }

    struct Access: Encodable {
        var readable: Bool
        var owner: String?
        var group: String?
        /// Octal permission bits, e.g. "0660".
        var mode: String?
        var uaccessTagged: Bool?
        var reason: String?
        var fix: String?
    }

    struct Node: Encodable {
        var path: String
        var name: String
        var uniq: String?
        var phys: String?
        /// bus:vendor:product:version, four hex digits each.
        var id: String
        var bus: String
        var deviceTimestamps: Bool
        var access: Access
        /// Ranges and resolutions, read from the node (nil when it cannot be read).
        var accelerometer: Axes?
        var gyroscope: Axes?
        /// Why the ranges are missing although the node looked readable.
        var rangesError: String?
    }

    struct Refused: Encodable {
        var path: String
        var name: String
        var uniq: String?
        var id: String
        var bus: String
        var reason: String
    }

    var motionSensors: [Node]
    var refused: [Refused]

    /// Looks at every candidate node; opens (read-only) only nodes that sysfs marks as
    /// accelerometers and this user can read, to get their ranges.
    init(discovery: DeviceDiscovery) {
        motionSensors = []
        refused = []
        for node in discovery.scan() {
            let bus = InspectReport.busName(node.bustype)
            guard node.isUsable else {
                refused.append(Refused(path: node.path, name: node.name, uniq: node.uniq, id: node.idString, bus: bus,
                                       reason: node.refusal ?? ""))
                continue
            }
            let a = node.access
            var entry = Node(
                path: node.path, name: node.name, uniq: node.uniq, phys: node.phys, id: node.idString, bus: bus,
                deviceTimestamps: node.hasDeviceTimestamp,
                access: Access(readable: a.readable, owner: a.owner, group: a.group, mode: a.octalMode,
                               uaccessTagged: a.uaccessTagged, reason: a.reason, fix: a.fix))
            if a.readable {
                do {
                    let description = try EvdevDevice.open(path: node.path, sysfsRoot: discovery.sysfsRoot).description
                    entry.accelerometer = Self.axes(description, 0...2)
                    entry.gyroscope = Self.axes(description, 3...5)
                } catch {
                    entry.rangesError = error.message
                }
            }
            motionSensors.append(entry)
        }
    }

    static func axes(_ d: DeviceDescription, _ codes: ClosedRange<UInt16>) -> Axes {
        let names = ["ABS_X", "ABS_Y", "ABS_Z", "ABS_RX", "ABS_RY", "ABS_RZ"]
        let infos = codes.map { d.absInfo[$0] ?? AbsInfo(minimum: 0, maximum: 0) }
        return Axes(
            codes: codes.map { names[Int($0)] }, minimum: infos.map(\.minimum), maximum: infos.map(\.maximum),
            resolution: infos.map(\.resolution), fuzz: infos.map(\.fuzz),
            range: infos.map { $0.resolution > 0 ? Double(max(abs(Int64($0.minimum)), abs(Int64($0.maximum)))) / Double($0.resolution) : 0 })
    }

    static let noDevicesText = """
        No motion-sensor input node found.
        Connect a DualSense, DualShock 4, Switch Joy-Con or Pro Controller, or use a Steam Deck, by USB or \
        Bluetooth, then run 'formcheck devices' again. A connected controller that is not listed: check \
        'sudo dmesg | grep -i -e playstation -e sony -e nintendo -e steam' for the driver (hid-playstation, \
        hid-sony, hid-nintendo, hid-steam) creating its "Motion Sensors" / "IMU" input device; older kernels \
        do not create one.
        """

    var text: String {
        var lines: [String] = []
        func row(_ label: String, _ value: String) {
            lines.append("  " + label.padding(10) + value)
        }
        if motionSensors.isEmpty {
            lines.append(Self.noDevicesText)
        }
        for (i, n) in motionSensors.enumerated() {
            if i > 0 { lines.append("") }
            lines.append("\(n.path)  \(n.name)")
            if let u = n.uniq { row("uniq", u) }
            row("id", "\(n.id) (\(n.bus))")
            if let a = n.accelerometer, let g = n.gyroscope {
                row("accel", "\(a.codes.joined(separator: "/")): ±\(fixed(a.range[0], 1)) g (\(a.minimum[0])…\(a.maximum[0])), "
                    + "\(a.resolution.map(String.init).joined(separator: "/")) units per g")
                row("gyro", "\(g.codes.joined(separator: "/")): ±\(fixed(g.range[0], 0)) °/s (\(g.minimum[0])…\(g.maximum[0])), "
                    + "\(g.resolution.map(String.init).joined(separator: "/")) units per °/s")
            } else if let e = n.rangesError {
                row("ranges", "(not read: \(e))")
            } else {
                row("ranges", "(not readable)")
            }
            row("timing", n.deviceTimestamps ? "MSC_TIMESTAMP (device clock)" : "kernel event times (no MSC_TIMESTAMP)")
            if n.access.readable {
                row("access", "readable")
            } else {
                row("access", "not readable: " + (n.access.reason ?? "permission denied"))
                if let fix = n.access.fix { row("fix", fix) }
            }
        }
        if !refused.isEmpty {
            lines.append("")
            lines.append("Not usable as motion sensors:")
            for r in refused {
                lines.append("\(r.path)  \(r.name)")
                row("id", "\(r.id) (\(r.bus))")
                row("reason", r.reason)
            }
        }
        return lines.joined(separator: "\n")
    }
}
