/// What a person is doing, as `GaitTracker` tells it from a thigh IMU.
public enum Activity: String, Sendable, Hashable, CaseIterable, Codable {
    /// Not moving (standing, sitting or lying still).
    case still
    /// Level walking.
    case walking
    /// Going up or down stairs.
    case stairs
    /// Running.
    case running
    /// Moving, but not gait: sit-to-stand, shifting, exercise repetitions, a turn on the spot.
    case other

    /// True for the kinds of gait, in which steps are counted.
    public var isGait: Bool {
        switch self {
        case .walking, .stairs, .running: true
        case .still, .other: false
        }
    }
}
