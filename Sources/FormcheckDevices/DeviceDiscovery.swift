import FormcheckFormats

/// Finds motion-sensor evdev nodes through sysfs alone: no node under /dev is opened (formcheck
/// must never open a keyboard), only stat(2)- and access(2)-ed to tell whether it can be read.
///
/// A node is a motion node when sysfs gives it INPUT_PROP_ACCELEROMETER and ABS_X…ABS_RZ. Nodes
/// that look like one but are not (INPUT_PROP_ACCELEROMETER without all six axes, or absolute
/// axes and "Accelerometer", "Motion Sensors" or "IMU" in the name without the property, like the
/// Wii Remote's accelerometer) are reported too, with the reason they are refused.
public struct DeviceDiscovery: Sendable {
    /// Where sysfs is mounted (normally "/sys").
    public var sysfsRoot: String
    /// Where device nodes are (normally "/dev"); a node's path is this plus its uevent DEVNAME.
    public var devRoot: String
    /// udev's runtime database (normally "/run/udev"), read to tell whether a node has the
    /// `uaccess` tag.
    public var udevRoot: String
    /// access(path, R_OK): nil when readable, else errno. Replaceable in tests, which may run as
    /// root, for whom every check passes.
    var readAccessError: @Sendable (String) -> Int32? = { SystemCall.readAccessError($0) }

    public init(sysfsRoot: String = "/sys", devRoot: String = "/dev", udevRoot: String = "/run/udev") {
        self.sysfsRoot = sysfsRoot
        self.devRoot = devRoot
        self.udevRoot = udevRoot
    }

    /// Every node that is or looks like a motion sensor, in event-number order; usable ones have
    /// `refusal == nil`.
    public func scan() -> [MotionNode] {
        let classDirectory = sysfsRoot + "/class/input"
        let events = SystemCall.directoryEntries(classDirectory)
            .compactMap { name -> (Int, String)? in
                guard name.hasPrefix("event"), let n = Int(name.dropFirst(5)) else { return nil }
                return (n, name)
            }
            .sorted { $0.0 < $1.0 }
        return events.compactMap { _, name in
            SysfsInputNode(directory: classDirectory + "/" + name).flatMap(candidate)
        }
    }

    /// The usable motion nodes.
    public func motionNodes() -> [MotionNode] {
        scan().filter(\.isUsable)
    }

    /// Nodes that look like motion sensors but are not usable, each with its reason.
    public func refusedNodes() -> [MotionNode] {
        scan().filter { !$0.isUsable }
    }

    /// Whether a node's name says it carries motion data ("… Accelerometer", "… Motion Sensors",
    /// "… IMU").
    static func isNamedLikeMotionNode(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("accelerometer") || lower.contains("motion sensor") || lower.hasSuffix(" imu")
    }

    /// The node as a motion node or a refused look-alike; nil for every other input node.
    func candidate(_ node: SysfsInputNode) -> MotionNode? {
        let marked = node.properties.contains(EventCode.propAccelerometer)
        guard marked || (!node.absCodes.isEmpty && Self.isNamedLikeMotionNode(node.name)) else { return nil }
        let path = devRoot + "/" + node.deviceName
        return MotionNode(
            path: path, sysfsPath: node.directory, deviceNumber: node.deviceNumber, name: node.name, uniq: node.uniq,
            phys: node.phys, bustype: node.bustype, vendor: node.vendor, product: node.product, version: node.version,
            properties: node.properties, absCodes: node.absCodes, mscCodes: node.mscCodes,
            refusal: MotionNode.refusal(properties: node.properties, absCodes: node.absCodes),
            access: access(path: path, deviceNumber: node.deviceNumber))
    }

    /// Whether this user can read the node at `path`, and if not why; never opens it.
    func access(path: String, deviceNumber: String?) -> NodeAccess {
        let error = readAccessError(path)
        let status = try? SystemCall.status(path)
        return NodeAccess.decide(
            path: path, accessErrno: error,
            owner: status.map { SystemCall.userName($0.ownerID) ?? String($0.ownerID) },
            group: status.map { SystemCall.groupName($0.groupID) ?? String($0.groupID) },
            mode: status?.permissions,
            uaccessTagged: error == nil ? nil : uaccessTagged(deviceNumber: deviceNumber))
    }

    /// Whether udev's database gives the character device `MAJOR:MINOR` the `uaccess` tag (a
    /// `G:` or `Q:` line of `/run/udev/data/cM:N`, or `/run/udev/tags/uaccess/cM:N`); nil when
    /// the database has no entry for it.
    func uaccessTagged(deviceNumber: String?) -> Bool? {
        guard let number = deviceNumber else { return nil }
        if SystemCall.readAttribute(udevRoot + "/tags/uaccess/c" + number) != nil { return true }
        guard let data = SystemCall.readAttribute(udevRoot + "/data/c" + number) else { return nil }
        return data.split(separator: "\n").contains { $0 == "G:uaccess" || $0 == "Q:uaccess" }
    }

    /// What sysfs says about the device node at `path`, found by its device number
    /// (`/sys/dev/char/MAJOR:MINOR`, so symlinks such as /dev/input/by-id/… work), else by name.
    /// Only stat(2)s the node.
    /// - Throws: `.cannotOpen` when there is no such node, `.notMotionSensor` when it is not an
    ///   evdev node sysfs knows.
    func sysfsNode(forDevicePath path: String) throws(InputError) -> SysfsInputNode {
        let status = try SystemCall.status(path)
        guard status.isCharacterDevice else {
            throw InputError(.notMotionSensor, path: path, "not a device node (an evdev node is a character device, /dev/input/eventN)",
                             fix: "name the controller's motion-sensor node; 'formcheck devices' lists them")
        }
        let number = "\(status.deviceMajor):\(status.deviceMinor)"
        if let node = SysfsInputNode(directory: sysfsRoot + "/dev/char/" + number) { return node }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        if let node = SysfsInputNode(directory: sysfsRoot + "/class/input/" + base), node.deviceNumber == number { return node }
        throw InputError(.notMotionSensor, path: path, "not an evdev input node: sysfs knows no input device \(number)",
                         fix: "name the controller's motion-sensor node (/dev/input/eventN); 'formcheck devices' lists them")
    }
}
