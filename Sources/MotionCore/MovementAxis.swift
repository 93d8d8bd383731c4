/// The hip angle an exercise's repetitions move along, which also tells the strap calibration
/// (`MountingSolver`) what the thigh's main movement turns about.
public enum MovementAxis: String, Sendable, Hashable, CaseIterable, Codable {
    /// Hip flexion (degrees, `HipAngles.flexion`): the thigh turns about the body's left–right axis
    /// (leg raises, bridges, sit-to-stand, bird-dog).
    case flexion
    /// Hip abduction (degrees, −`HipAngles.adduction`: positive away from the midline): the thigh
    /// turns about its own anterior axis (clamshell, side-lying leg lift).
    case abduction

    /// The angle along this axis, degrees: flexion, or abduction (= −adduction).
    @inlinable
    public func angle(_ a: HipAngles) -> Double {
        switch self {
        case .flexion: a.flexion
        case .abduction: -a.adduction
        }
    }

    /// The other angle of the long axis, the one out of the movement's plane, degrees: adduction for
    /// flexion, flexion for abduction.
    @inlinable
    public func offPlane(_ a: HipAngles) -> Double {
        switch self {
        case .flexion: a.adduction
        case .abduction: a.flexion
        }
    }
}
