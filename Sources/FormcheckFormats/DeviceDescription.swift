/// What an evdev node says about itself: the header of an evemu recording, or what libevdev
/// reports for a live node.
public struct DeviceDescription: Sendable, Hashable {
    public var name: String
    public var bustype: UInt16
    public var vendor: UInt16
    public var product: UInt16
    public var version: UInt16
    /// Unique identifier (a controller's Bluetooth/MAC address) where the driver sets one;
    /// evemu files do not carry it.
    public var uniq: String?
    /// Physical path, where known (live devices only).
    public var phys: String?
    /// INPUT_PROP_* numbers the node has.
    public var properties: Set<Int>
    /// Enabled codes per event type (EV_SYN is implied and not listed).
    public var codes: [UInt16: Set<UInt16>]
    /// Axis ranges of the enabled EV_ABS codes.
    public var absInfo: [UInt16: AbsInfo]
    /// LED (`L:`) and switch (`S:`) states other than zero, by code.
    public var leds: [UInt16: Int32]
    public var switches: [UInt16: Int32]

    public init(
        name: String, bustype: UInt16, vendor: UInt16, product: UInt16, version: UInt16,
        uniq: String? = nil, phys: String? = nil,
        properties: Set<Int> = [], codes: [UInt16: Set<UInt16>] = [:], absInfo: [UInt16: AbsInfo] = [:],
        leds: [UInt16: Int32] = [:], switches: [UInt16: Int32] = [:]
    ) {
        self.name = name
        self.bustype = bustype
        self.vendor = vendor
        self.product = product
        self.version = version
        self.uniq = uniq
        self.phys = phys
        self.properties = properties
        self.codes = codes
        self.absInfo = absInfo
        self.leds = leds
        self.switches = switches
    }

    public func hasProperty(_ property: Int) -> Bool { properties.contains(property) }

    public func hasCode(_ code: UInt16, ofType type: UInt16) -> Bool {
        type == EventCode.evSyn ? code <= 0x0f : (codes[type]?.contains(code) ?? false)
    }

    /// Four-hex-digit bus:vendor:product:version, as udev and evtest print it.
    public var idString: String {
        [bustype, vendor, product, version].map { hex4($0) }.joined(separator: ":")
    }
}

/// `value` as at least four lower-case hex digits.
package func hex4<T: BinaryInteger>(_ value: T) -> String {
    let s = String(value, radix: 16)
    return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
}
