/// What formcheck knows about its user, kept in the history database beside the sessions.
public struct UserProfile: Sendable, Hashable, Codable {
    /// How distances are shown.
    public enum DistanceUnit: String, Sendable, Hashable, Codable, CaseIterable {
        case miles
        case km
    }

    /// Body height, centimetres (50–250), for the stride model; nil: not given.
    public var heightCentimetres: Double?
    /// Metres per stride (two steps) set by a calibration walk over a known distance; when set it
    /// replaces the stride model for distance. 0.5–3.0 m.
    public var strideMetres: Double?
    public var distanceUnit: DistanceUnit
    /// The daily walking goal the plan grows towards, metres (default three miles: 4828.032 m).
    public var walkingGoalMetres: Double

    public static let threeMiles = 4828.032

    public init(
        heightCentimetres: Double? = nil, strideMetres: Double? = nil, distanceUnit: DistanceUnit = .miles,
        walkingGoalMetres: Double = UserProfile.threeMiles
    ) {
        self.heightCentimetres = heightCentimetres
        self.strideMetres = strideMetres
        self.distanceUnit = distanceUnit
        self.walkingGoalMetres = walkingGoalMetres
    }
}
