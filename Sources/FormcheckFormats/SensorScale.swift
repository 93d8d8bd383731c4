import MotionCore

/// Raw-unit to SI conversion for a motion node, from its axis resolutions. On
/// INPUT_PROP_ACCELEROMETER nodes ABS_X/Y/Z resolution is units per g and ABS_RX/RY/RZ
/// resolution is units per degree/second (Documentation/input/event-codes.rst).
public struct SensorScale: Sendable, Hashable {
    /// Standard gravity, m/s² per g.
    public static let standardGravity = 9.80665

    /// m/s² per raw unit of ABS_X, ABS_Y, ABS_Z.
    public var acceleration: Vector3
    /// rad/s per raw unit of ABS_RX, ABS_RY, ABS_RZ.
    public var angularVelocity: Vector3

    /// Checks that `d` is a motion sensor formcheck can use and derives the scale.
    /// - Throws: `InputError.Kind.notMotionSensor` saying what is missing and why it matters.
    public init(for d: DeviceDescription, path: String) throws(InputError) {
        var problems: [String] = []
        if !d.hasProperty(EventCode.propAccelerometer) {
            problems.append("it lacks INPUT_PROP_ACCELEROMETER, so the kernel does not promise motion data in known units")
        }
        let names = ["ABS_X", "ABS_Y", "ABS_Z", "ABS_RX", "ABS_RY", "ABS_RZ"]
        let missing = (0..<6).filter { !d.hasCode(UInt16($0), ofType: EventCode.evAbs) }
        if !missing.isEmpty {
            let gyro = missing.contains { $0 >= 3 }
            problems.append("it has no \(missing.map { names[$0] }.joined(separator: "/"))"
                + (gyro ? " (no gyroscope: orientation needs one)" : " (no accelerometer)"))
        }
        let unresolved = (0..<6).filter { !missing.contains($0) && (d.absInfo[UInt16($0)]?.resolution ?? 0) <= 0 }
        if !unresolved.isEmpty {
            problems.append("\(unresolved.map { names[$0] }.joined(separator: "/")) \(unresolved.count == 1 ? "has" : "have") no resolution, so the units are unknown")
        }
        guard problems.isEmpty else {
            throw InputError(
                .notMotionSensor, path: path,
                "'\(d.name)' is not a usable motion sensor: " + problems.joined(separator: "; "),
                fix: "use the controller's \"Motion Sensors\" / \"IMU\" node (DualSense, DualShock 4, Joy-Con, Steam Deck); 'formcheck devices' lists them")
        }
        func r(_ code: UInt16) -> Double { Double(d.absInfo[code]!.resolution) }
        acceleration = Vector3(Self.standardGravity / r(0), Self.standardGravity / r(1), Self.standardGravity / r(2))
        let degree = Double.pi / 180
        angularVelocity = Vector3(degree / r(3), degree / r(4), degree / r(5))
    }

    /// The sample for `values` (raw ABS_X…ABS_RZ) at `time` seconds.
    @inlinable
    public func sample(_ values: SIMD8<Int32>, time: Double) -> IMUSample {
        IMUSample(
            time: time,
            acceleration: Vector3(Double(values[0]) * acceleration.x, Double(values[1]) * acceleration.y, Double(values[2]) * acceleration.z),
            angularVelocity: Vector3(Double(values[3]) * angularVelocity.x, Double(values[4]) * angularVelocity.y, Double(values[5]) * angularVelocity.z))
    }
}
