/// How the body lies or stands, which fixes the pelvis in the world (a single thigh sensor cannot
/// see pelvic tilt, so the pelvis is taken as fixed in the protocol's posture).
public enum Posture: String, Sendable, Hashable, CaseIterable, Codable {
    /// Lying on the back, legs flat (thighs horizontal: neutral).
    case supine
    /// Lying on the back, knees bent, feet flat (thighs about 45° up).
    case hookLying
    /// Sitting upright (pelvis as standing; thighs horizontal, flexed about 90°).
    case sitting
    /// Standing (thigh vertical: neutral).
    case standing
    /// Lying on the left side (the right leg on top).
    case sideLying
    /// Lying on the right side (the left leg on top).
    case sideLyingRight
    /// On hands and knees: the pelvis horizontal, its anterior side down (thighs vertical: hip
    /// flexion 90°).
    case quadruped

    /// Orientation of the pelvis frame in the world (z up), heading 0. The pelvis frame's axes are
    /// x anterior, y left, z superior (towards the head).
    public var pelvisOrientation: Quaternion {
        switch self {
        case .standing, .sitting:
            return .identity
        case .supine, .hookLying:
            // Anterior up (+z), superior along world −x: −90° about the left axis.
            return Quaternion(axis: .unitY, angle: -.pi / 2)
        case .sideLying:
            // From supine, roll −90° about the body's long axis: left side down (−z), anterior along +y.
            return Quaternion(axis: .unitX, angle: -.pi / 2) * Quaternion(axis: .unitY, angle: -.pi / 2)
        case .sideLyingRight:
            // From supine, roll +90° about the body's long axis: right side down (left +z), anterior along −y.
            return Quaternion(axis: .unitX, angle: .pi / 2) * Quaternion(axis: .unitY, angle: -.pi / 2)
        case .quadruped:
            // From upright, +90° about the left axis: anterior down (−z), superior along world +x.
            return Quaternion(axis: .unitY, angle: .pi / 2)
        }
    }

    /// The thigh angles this posture has at rest: flexion and adduction in degrees.
    public var restingHipAngles: HipAngles {
        switch self {
        case .supine, .standing, .sideLying, .sideLyingRight: HipAngles(flexion: 0, adduction: 0)
        case .hookLying: HipAngles(flexion: 45, adduction: 0)
        case .sitting, .quadruped: HipAngles(flexion: 90, adduction: 0)
        }
    }

    /// True for lying on either side.
    public var isSideLying: Bool { self == .sideLying || self == .sideLyingRight }

    /// The posture as done with the sensor on `side`: a side-lying exercise works the top leg, so with
    /// the sensor on the left leg the body lies on its right side (`sideLyingRight`), on the right leg
    /// on its left (`sideLying`). Other postures do not depend on the side.
    public func withSensorLegOnTop(_ side: Side) -> Posture {
        isSideLying ? (side == .right ? .sideLying : .sideLyingRight) : self
    }
}
