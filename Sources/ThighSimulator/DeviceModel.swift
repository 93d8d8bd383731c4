import FormcheckFormats

/// A real controller's motion-sensor node as its kernel driver presents it: description, sample
/// rate, event order, MSC_TIMESTAMP arithmetic, quantum and arrival latency. Facts from the drivers
/// (hid-playstation, hid-nintendo, hid-steam; see Fixtures/devices/PROVENANCE.md).
public enum DeviceModel: String, Sendable, Hashable, CaseIterable, Codable {
    case dualSenseUSB = "dualsense-usb"
    case dualSenseBluetooth = "dualsense-bt"
    case dualShock4Bluetooth = "dualshock4-bt"
    case joyConLeft = "joycon-left"
    case joyConRight = "joycon-right"
    case steamDeck = "steam-deck"

    /// The node's description (what `evemu-record` would write).
    public var description: DeviceDescription {
        func abs(_ r: ClosedRange<Int32>, fuzz: Int32, res: Int32) -> AbsInfo {
            AbsInfo(minimum: r.lowerBound, maximum: r.upperBound, fuzz: fuzz, flat: 0, resolution: res)
        }
        let (name, id, accel, gyro): (String, [UInt16], AbsInfo, AbsInfo) = switch self {
        case .dualSenseUSB:
            ("Sony Interactive Entertainment DualSense Wireless Controller Motion Sensors", [0x03, 0x054c, 0x0ce6, 0x8111],
             abs(-32768...32768, fuzz: 16, res: 8192), abs(-2_097_152...2_097_152, fuzz: 16, res: 1024))
        case .dualSenseBluetooth:
            ("DualSense Wireless Controller Motion Sensors", [0x05, 0x054c, 0x0ce6, 0x8100],
             abs(-32768...32768, fuzz: 16, res: 8192), abs(-2_097_152...2_097_152, fuzz: 16, res: 1024))
        case .dualShock4Bluetooth:
            ("Wireless Controller Motion Sensors", [0x05, 0x054c, 0x09cc, 0x8100],
             abs(-32768...32768, fuzz: 16, res: 8192), abs(-2_097_152...2_097_152, fuzz: 16, res: 1024))
        case .joyConLeft:
            ("Nintendo Switch Left Joy-Con IMU", [0x05, 0x057e, 0x2006, 0x8001],
             abs(-32767...32767, fuzz: 10, res: 4096), abs(-32_767_000...32_767_000, fuzz: 10, res: 14247))
        case .joyConRight:
            ("Nintendo Switch Right Joy-Con IMU", [0x05, 0x057e, 0x2007, 0x8001],
             abs(-32767...32767, fuzz: 10, res: 4096), abs(-32_767_000...32_767_000, fuzz: 10, res: 14247))
        case .steamDeck:
            ("Steam Deck Motion Sensors", [0x03, 0x28de, 0x1205, 0x0000],
             abs(-32768...32768, fuzz: 32, res: 16384), abs(-32768...32768, fuzz: 1, res: 16))
        }
        var info: [UInt16: AbsInfo] = [:]
        for code in UInt16(0)..<3 { info[code] = accel }
        for code in UInt16(3)..<6 { info[code] = gyro }
        return DeviceDescription(
            name: name, bustype: id[0], vendor: id[1], product: id[2], version: id[3],
            properties: [EventCode.propAccelerometer],
            codes: [EventCode.evAbs: Set(0...5), EventCode.evMsc: [EventCode.mscTimestamp]],
            absInfo: info)
    }

    /// IMU sample period, seconds.
    public var samplePeriod: Double {
        switch self {
        case .joyConLeft, .joyConRight: 0.005
        default: 0.004
        }
    }

    /// Samples per HID report (hid-nintendo: three).
    public var samplesPerReport: Int {
        switch self {
        case .joyConLeft, .joyConRight: 3
        default: 1
        }
    }

    /// Raw-unit step of the values the driver passes on (hid-nintendo scales gyro by 1000).
    public var quantum: (accelerometer: Double, gyroscope: Double) {
        switch self {
        case .joyConLeft, .joyConRight: (1, 1000)
        default: (1, 1)
        }
    }

    /// Evdev codes of one frame in the driver's order; MSC_TIMESTAMP is `nil`.
    public var frameOrder: [UInt16?] {
        switch self {
        case .dualSenseUSB, .dualSenseBluetooth, .dualShock4Bluetooth: [3, 4, 5, 0, 1, 2, nil]
        case .joyConLeft, .joyConRight: [nil, 3, 4, 5, 0, 1, 2]
        case .steamDeck: [nil, 0, 2, 1, 3, 5, 4]
        }
    }

    /// Arrival latency after the report's last sample: minimum and a random extra (seconds).
    public var latency: (minimum: Double, jitter: Double) {
        switch self {
        case .dualSenseUSB, .steamDeck: (0.0008, 0.0015)
        default: (0.002, 0.006)
        }
    }

    /// Whether the device timestamp is the sample clock (Sony, Steam) or hid-nintendo's doubled counter.
    public var usesNintendoTimestamps: Bool { samplesPerReport == 3 }
}
