import CLibevdev
import FormcheckFormats

/// What an open node says about itself, through libevdev (which read it with ioctls at open
/// and keeps it current as events are read).
extension EvdevDevice {
    /// The node's description, with each axis' current value in `absInfo` (as evemu-record
    /// notes it), ready for `EvemuWriter.header(for:)` and `SampleDecoder`.
    public var description: DeviceDescription {
        func text(_ p: UnsafePointer<CChar>?) -> String? {
            p.flatMap { $0.pointee == 0 ? nil : String(cString: $0) }
        }
        var d = DeviceDescription(
            name: name,
            bustype: UInt16(truncatingIfNeeded: libevdev_get_id_bustype(handle)),
            vendor: UInt16(truncatingIfNeeded: libevdev_get_id_vendor(handle)),
            product: UInt16(truncatingIfNeeded: libevdev_get_id_product(handle)),
            version: UInt16(truncatingIfNeeded: libevdev_get_id_version(handle)),
            uniq: text(libevdev_get_uniq(handle)), phys: text(libevdev_get_phys(handle)))
        for property in 0...Int(INPUT_PROP_MAX) where libevdev_has_property(handle, UInt32(property)) == 1 {
            d.properties.insert(property)
        }
        for type in 1...EventCode.evMax where libevdev_has_event_type(handle, UInt32(type)) == 1 {
            guard let maxCode = EventCode.maxCode(ofType: type) else { continue }
            let codes = (0...maxCode).filter { libevdev_has_event_code(handle, UInt32(type), UInt32($0)) == 1 }
            if !codes.isEmpty { d.codes[type] = Set(codes) }
        }
        for code in d.codes[EventCode.evAbs] ?? [] {
            guard let info = libevdev_get_abs_info(handle, UInt32(code))?.pointee else { continue }
            d.absInfo[code] = AbsInfo(value: info.value, minimum: info.minimum, maximum: info.maximum,
                                      fuzz: info.fuzz, flat: info.flat, resolution: info.resolution)
        }
        for code in d.codes[EventCode.evLed] ?? [] {
            let state = libevdev_get_event_value(handle, UInt32(EventCode.evLed), UInt32(code))
            if state != 0 { d.leds[code] = state }
        }
        for code in d.codes[EventCode.evSw] ?? [] {
            let state = libevdev_get_event_value(handle, UInt32(EventCode.evSw), UInt32(code))
            if state != 0 { d.switches[code] = state }
        }
        return d
    }

    /// The current value of every EV_ABS axis, raw units, by code: the state the events read so
    /// far (including a resync after SYN_DROPPED) leave; seeds a `SampleDecoder`.
    public var currentAxisValues: [UInt16: Int32] {
        var values: [UInt16: Int32] = [:]
        for code in 0...(EventCode.maxCode(ofType: EventCode.evAbs) ?? 0)
        where libevdev_has_event_code(handle, UInt32(EventCode.evAbs), UInt32(code)) == 1 {
            values[code] = libevdev_get_event_value(handle, UInt32(EventCode.evAbs), UInt32(code))
        }
        return values
    }
}
