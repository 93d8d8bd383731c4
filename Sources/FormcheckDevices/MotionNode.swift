import FormcheckFormats

/// An evdev node that is, or looks like, a motion sensor, as sysfs describes it (found without
/// opening anything under /dev). `refusal` is nil for a usable motion node: it has
/// INPUT_PROP_ACCELEROMETER and ABS_X…ABS_RZ. Otherwise it says why formcheck will not use it.
public struct MotionNode: Sendable, Hashable {
    /// Device node, e.g. `/dev/input/event21`.
    public var path: String
    /// sysfs directory of the node, e.g. `/sys/class/input/event21`.
    public var sysfsPath: String
    /// `MAJOR:MINOR` of the node, e.g. "13:85".
    public var deviceNumber: String?
    public var name: String
    /// Unique identifier (the controller's MAC address) where the driver sets one.
    public var uniq: String?
    public var phys: String?
    public var bustype: UInt16
    public var vendor: UInt16
    public var product: UInt16
    public var version: UInt16
    /// INPUT_PROP_* numbers the node has.
    public var properties: Set<Int>
    /// Enabled EV_ABS codes.
    public var absCodes: Set<UInt16>
    /// Enabled EV_MSC codes (MSC_TIMESTAMP = 5 when the device sends its own clock).
    public var mscCodes: Set<UInt16>
    /// Why formcheck does not use this node; nil when it is a usable motion node.
    public var refusal: String?
    /// Whether this user can read it.
    public var access: NodeAccess

    public init(path: String, sysfsPath: String, deviceNumber: String? = nil, name: String, uniq: String? = nil,
                phys: String? = nil, bustype: UInt16, vendor: UInt16, product: UInt16, version: UInt16,
                properties: Set<Int>, absCodes: Set<UInt16>, mscCodes: Set<UInt16> = [], refusal: String? = nil,
                access: NodeAccess) {
        self.path = path
        self.sysfsPath = sysfsPath
        self.deviceNumber = deviceNumber
        self.name = name
        self.uniq = uniq
        self.phys = phys
        self.bustype = bustype
        self.vendor = vendor
        self.product = product
        self.version = version
        self.properties = properties
        self.absCodes = absCodes
        self.mscCodes = mscCodes
        self.refusal = refusal
        self.access = access
    }

    public var isUsable: Bool { refusal == nil }

    /// Whether frames carry MSC_TIMESTAMP (the device's own clock, µs).
    public var hasDeviceTimestamp: Bool { mscCodes.contains(EventCode.mscTimestamp) }

    /// Four-hex-digit bus:vendor:product:version, as udev and evtest print it.
    public var idString: String {
        [bustype, vendor, product, version].map { hex4($0) }.joined(separator: ":")
    }

    /// Why a node with these capabilities is not a usable motion node; nil when it is one.
    /// - Returns: the reasons joined into one sentence, in the words `formcheck devices` prints.
    public static func refusal(properties: Set<Int>, absCodes: Set<UInt16>) -> String? {
        var problems: [String] = []
        if !properties.contains(EventCode.propAccelerometer) {
            problems.append("the driver does not mark it INPUT_PROP_ACCELEROMETER, so its axes have no promised meaning or units")
        }
        let names = ["ABS_X", "ABS_Y", "ABS_Z", "ABS_RX", "ABS_RY", "ABS_RZ"]
        let missing = (0..<6).filter { !absCodes.contains(UInt16($0)) }
        if !missing.isEmpty {
            var text = "it has no \(missing.map { names[$0] }.joined(separator: "/"))"
            text += missing.allSatisfy { $0 >= 3 } ? " (no gyroscope: orientation needs one)"
                : " (formcheck needs acceleration on ABS_X/Y/Z and angular rate on ABS_RX/RY/RZ)"
            problems.append(text)
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
}
