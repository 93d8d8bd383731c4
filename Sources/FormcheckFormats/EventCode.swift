/// The kernel's event type and code numbers used by formcheck (linux/input-event-codes.h).
public enum EventCode {
    public static let evSyn: UInt16 = 0x00
    public static let evKey: UInt16 = 0x01
    public static let evRel: UInt16 = 0x02
    public static let evAbs: UInt16 = 0x03
    public static let evMsc: UInt16 = 0x04
    public static let evSw: UInt16 = 0x05
    public static let evLed: UInt16 = 0x11
    /// Highest event type the kernel defines (EV_MAX).
    public static let evMax: UInt16 = 0x1f

    public static let synReport: UInt16 = 0
    public static let synConfig: UInt16 = 1
    public static let synMTReport: UInt16 = 2
    public static let synDropped: UInt16 = 3

    public static let mscTimestamp: UInt16 = 0x05

    public static let absX: UInt16 = 0x00
    public static let absY: UInt16 = 0x01
    public static let absZ: UInt16 = 0x02
    public static let absRX: UInt16 = 0x03
    public static let absRY: UInt16 = 0x04
    public static let absRZ: UInt16 = 0x05

    /// INPUT_PROP_ACCELEROMETER: the node carries motion data (accelerometer, gyroscope).
    public static let propAccelerometer: Int = 0x06

    /// Highest code of each type the kernel defines, or nil for a type without codes
    /// (the same table libevdev uses, so files stay compatible with libevemu).
    public static func maxCode(ofType type: UInt16) -> UInt16? {
        switch type {
        case 0x00: 0x0f  // SYN_MAX
        case 0x01: 0x2ff  // KEY_MAX
        case 0x02: 0x0f  // REL_MAX
        case 0x03: 0x3f  // ABS_MAX
        case 0x04: 0x07  // MSC_MAX
        case 0x05: 0x10  // SW_MAX
        case 0x11: 0x0f  // LED_MAX
        case 0x12: 0x07  // SND_MAX
        case 0x14: 0x01  // REP_MAX
        case 0x15: 0x7f  // FF_MAX
        default: nil
        }
    }
}
