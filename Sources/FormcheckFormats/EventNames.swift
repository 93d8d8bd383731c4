/// The names of event types, codes and input properties, as libevdev gives them
/// (`libevdev_event_type_get_name`, `libevdev_event_code_get_name`, `libevdev_property_get_name`)
/// and evemu writes them into a recording's comments — without linking libevdev. The table
/// (`EventNames+Table.swift`) is generated from libevdev by `make event-names`; FormcheckDevicesTests
/// checks every entry of the whole range libevdev knows against it.
public enum EventNames {
    /// `EV_SYN`, `EV_ABS`…; nil for a type the kernel does not define (0…0x1f; EV_MAX is named).
    public static func typeName(_ type: UInt16) -> String? {
        types[type]
    }

    /// `SYN_REPORT`, `ABS_RX`, `BTN_SOUTH`…; nil for a code without a name or of a type without codes.
    public static func codeName(type: UInt16, code: UInt16) -> String? {
        codes[type]?[code]
    }

    /// `INPUT_PROP_ACCELEROMETER`…; nil for a property without a name (0…0x1f; INPUT_PROP_MAX is named).
    public static func propertyName(_ property: Int) -> String? {
        properties[property]
    }
}
