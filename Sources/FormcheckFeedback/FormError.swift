/// A form error. The raw values are part of the JSON contract: do not rename them. The words are
/// in `CueCatalogue`.
public enum FormError: String, Sendable, Hashable, Codable, CaseIterable {
    /// The hold is below the protocol's hold angle.
    case shallow
    /// Beyond the hip's safe range.
    case overshoot
    /// Moved too quickly (stretches must be gentle).
    case tooFast
    /// Ballistic bouncing during a hold.
    case bouncing
    /// Released before the hold time.
    case shortHold
    /// Not in the protocol's posture (needs a stored calibration).
    case wrongPosture
    /// Piriformis: the leg was not crossed over.
    case notCrossed
    /// Walking: not brisk.
    case slowCadence
    /// The pelvis moved to make up the range (not detected yet with one thigh sensor).
    case compensation
    /// A hold that reached the hold angle fell below it for longer than the protocol's grace.
    case sagging
    /// The movement does not match the exercise (walking during a lying stretch).
    case wrongExercise

    /// A hold with one of these during it is not complete.
    public var spoilsHold: Bool {
        switch self {
        case .overshoot, .shallow, .sagging: true
        case .tooFast, .bouncing, .shortHold, .wrongPosture, .notCrossed, .slowCadence, .compensation, .wrongExercise: false
        }
    }
}
