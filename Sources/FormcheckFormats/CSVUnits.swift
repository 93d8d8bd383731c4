/// The units of a CSV file's columns, where the user states them; `nil` means "tell from the data"
/// (see `CSVUnitDetector` for the rules). Samples are always delivered in s, m/s² and rad/s.
public struct CSVUnits: Sendable, Hashable {
    /// Unit of `ax, ay, az`.
    public enum Acceleration: String, Sendable, Hashable, CaseIterable {
        case g
        case metersPerSecondSquared = "m/s2"

        /// m/s² per file unit (standard gravity for g).
        public var toSI: Double {
            switch self {
            case .g: 9.80665
            case .metersPerSecondSquared: 1
            }
        }

        /// How it is written for people.
        public var symbol: String {
            switch self {
            case .g: "g"
            case .metersPerSecondSquared: "m/s²"
            }
        }
    }

    /// Unit of `gx, gy, gz`.
    public enum AngularRate: String, Sendable, Hashable, CaseIterable {
        case degreesPerSecond = "deg/s"
        case radiansPerSecond = "rad/s"

        /// rad/s per file unit.
        public var toSI: Double {
            switch self {
            case .degreesPerSecond: Double.pi / 180
            case .radiansPerSecond: 1
            }
        }

        public var symbol: String {
            switch self {
            case .degreesPerSecond: "°/s"
            case .radiansPerSecond: "rad/s"
            }
        }
    }

    /// Unit of `t`.
    public enum Time: String, Sendable, Hashable, CaseIterable {
        case s
        case ms
        case us

        /// Seconds per file unit.
        public var toSI: Double {
            switch self {
            case .s: 1
            case .ms: 1e-3
            case .us: 1e-6
            }
        }

        public var symbol: String {
            switch self {
            case .s: "s"
            case .ms: "ms"
            case .us: "µs"
            }
        }
    }

    public var acceleration: Acceleration?
    public var angularRate: AngularRate?
    public var time: Time?

    public init(acceleration: Acceleration? = nil, angularRate: AngularRate? = nil, time: Time? = nil) {
        self.acceleration = acceleration
        self.angularRate = angularRate
        self.time = time
    }

    /// Detect every unit from the data.
    public static let detect = CSVUnits()
    /// The documented CSV layout: s, m/s², rad/s, stated (nothing detected).
    public static let si = CSVUnits(acceleration: .metersPerSecondSquared, angularRate: .radiansPerSecond, time: .s)
}
