/// The units a CSV file was read in, and how each was settled: stated by the user, or told from
/// the data (`CSVUnitDetector`). A unit other than s, m/s² or rad/s was converted.
public struct CSVUnitReport: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable {
        /// Stated with --accel-unit, --gyro-unit or --time-unit.
        case given
        /// Told from the data.
        case detected
    }

    public struct Choice<Unit: Sendable & Hashable>: Sendable, Hashable {
        public var unit: Unit
        public var source: Source
        /// What in the data decided it (detected units), for people: e.g. "median |a| at rest 1.00".
        public var evidence: String?
    }

    public var acceleration: Choice<CSVUnits.Acceleration>
    public var angularRate: Choice<CSVUnits.AngularRate>
    public var time: Choice<CSVUnits.Time>

    /// The units as given to the reader, all stated: what reading the file again the same way needs.
    public var units: CSVUnits {
        CSVUnits(acceleration: acceleration.unit, angularRate: angularRate.unit, time: time.unit)
    }
}
