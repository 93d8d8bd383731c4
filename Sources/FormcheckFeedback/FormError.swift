/// A form error. The raw values are part of the JSON contract: do not rename them.
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

    /// What went wrong, for people.
    public var message: String {
        switch self {
        case .shallow: "the hold stayed below the target angle"
        case .overshoot: "the thigh went beyond the hip's safe range"
        case .tooFast: "moved too quickly: stretches must be slow and gentle"
        case .bouncing: "bouncing during the hold: ballistic stretching triggers the stretch reflex"
        case .shortHold: "released before the hold time"
        case .wrongPosture: "not in the exercise's posture"
        case .notCrossed: "the leg was not crossed over"
        case .slowCadence: "walking slower than a brisk pace"
        }
    }

    /// A short spoken cue.
    public var cue: String {
        switch self {
        case .shallow: "A little further, if it is comfortable"
        case .overshoot: "Too far — ease off"
        case .tooFast: "Gently, slower"
        case .bouncing: "Stop bouncing — hold still"
        case .shortHold: "Released early — hold for the whole time"
        case .wrongPosture: "Check your position"
        case .notCrossed: "Cross your leg over"
        case .slowCadence: "Pick up the pace"
        }
    }
}
