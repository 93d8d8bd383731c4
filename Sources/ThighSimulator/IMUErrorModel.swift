import MotionCore

/// Consumer-grade IMU errors, drawn once per scenario from its seed.
public struct IMUErrorModel: Sendable, Hashable {
    /// Gyroscope bias at the start, rad/s per axis (up to ±2 °/s).
    public var gyroBias: Vector3
    /// Gyroscope bias random walk, rad/s per √s.
    public var gyroBiasWalk: Double
    /// Gyroscope white noise, rad/s (standard deviation per sample).
    public var gyroNoise: Double
    /// Accelerometer bias, m/s² per axis.
    public var accelerometerBias: Vector3
    /// Accelerometer scale error per axis (0.01 = reads 1 % high).
    public var accelerometerScale: Vector3
    /// Accelerometer white noise, m/s² (standard deviation per sample).
    public var accelerometerNoise: Double

    /// No errors: ideal signals (for the self-checks).
    public static let none = IMUErrorModel(
        gyroBias: .zero, gyroBiasWalk: 0, gyroNoise: 0, accelerometerBias: .zero, accelerometerScale: .zero, accelerometerNoise: 0)

    public init(gyroBias: Vector3, gyroBiasWalk: Double, gyroNoise: Double, accelerometerBias: Vector3,
                accelerometerScale: Vector3, accelerometerNoise: Double) {
        self.gyroBias = gyroBias
        self.gyroBiasWalk = gyroBiasWalk
        self.gyroNoise = gyroNoise
        self.accelerometerBias = accelerometerBias
        self.accelerometerScale = accelerometerScale
        self.accelerometerNoise = accelerometerNoise
    }

    /// Typical of the MEMS parts in game controllers: gyro bias uniform in ±2 °/s, walk 0.01 °/s/√s,
    /// noise 0.08 °/s; accelerometer bias ±20 mg, scale ±1 %, noise 1.5 mg.
    public static func consumer(_ rng: inout SplitMix64) -> IMUErrorModel {
        let deg = Double.pi / 180
        let g = 9.80665
        func v(_ r: Double) -> Vector3 { Vector3(rng.uniform(-r, r), rng.uniform(-r, r), rng.uniform(-r, r)) }
        return IMUErrorModel(
            gyroBias: v(2 * deg), gyroBiasWalk: 0.01 * deg, gyroNoise: 0.08 * deg,
            accelerometerBias: v(0.02 * g), accelerometerScale: v(0.01), accelerometerNoise: 0.0015 * g)
    }
}
