/// The kernel's `struct input_absinfo` for one absolute axis.
public struct AbsInfo: Sendable, Hashable {
    /// The axis value when the description was taken (evemu writes it only as a comment).
    public var value: Int32
    public var minimum: Int32
    public var maximum: Int32
    /// The kernel drops changes smaller than fuzz/2 and smooths changes below 2·fuzz.
    public var fuzz: Int32
    public var flat: Int32
    /// Units per g (ABS_X/Y/Z) or per degree/second (ABS_RX/RY/RZ) on accelerometer nodes;
    /// 0 when the driver gives none.
    public var resolution: Int32

    public init(value: Int32 = 0, minimum: Int32, maximum: Int32, fuzz: Int32 = 0, flat: Int32 = 0, resolution: Int32 = 0) {
        self.value = value
        self.minimum = minimum
        self.maximum = maximum
        self.fuzz = fuzz
        self.flat = flat
        self.resolution = resolution
    }
}
