extension MountingSolver.Shortfall {
    /// What is missing, in a sentence fragment for "the strap was never calibrated: …".
    public var explanation: String {
        switch self {
        case .noMovement: "the thigh never moved enough (20° of tilt) to show the axis it flexes about"
        case .noAxis: "the thigh's movements had no single axis"
        case .noReference: "neither a still rest nor walking showed where the thigh points"
        case .ambiguous: "two ways the strap could sit explain the recording about equally well"
        }
    }

    /// What a recording needs for the calibration.
    public static let fix = "record a few seconds standing or sitting still and a short walk or a sit-to-stand, "
        + "or give the exercise's posture (--posture / --exercise)"
}

extension MountingSolution {
    /// One line: how sure, and what decided it (e.g. "sure: walking, anatomy").
    public var summary: String {
        let why = cues.isEmpty ? "no single cue" : cues.map(\.rawValue).joined(separator: ", ")
        return "\(confidence.rawValue): \(why)"
    }
}
