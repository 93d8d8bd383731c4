/// How the sensor sits on the thigh, and where the body's sagittal plane points: what turns an
/// orientation estimate (earth ← sensor) into hip angles.
public struct StrapCalibration: Sendable, Hashable, Codable {
    /// Thigh ← sensor rotation (rotates sensor-frame vectors into the thigh frame: x along the
    /// femur hip → knee, y left, z anterior).
    public var mounting: Quaternion
    /// The posture of the rest the calibration was taken in.
    public var posture: Posture
    /// The side of the thigh wearing the sensor.
    public var side: Side
    /// Earth ← pelvis: the posture's pelvis turned to the heading of the sagittal plane, in the
    /// orientation estimate's earth frame.
    public var pelvis: Quaternion
    /// Gravity's "up" in the thigh frame during the calibration rest (unit).
    public var neutralUp: Vector3
    /// The hip angles of the calibration rest, degrees.
    public var neutralAngles: HipAngles
    /// When the calibration rest began, seconds on the samples' clock.
    public var neutralStart: Double
    /// Upright postures: the sagittal plane's heading follows the thigh's own flexion axis (turning
    /// the body turns the plane; a 6D estimate's heading drift does not matter). Off for lying
    /// postures, where adduction turns the thigh about the vertical and the heading must stay fixed
    /// (re-anchored at neutral rests).
    public var headingFollowsThigh = false

    public init(mounting: Quaternion, posture: Posture, side: Side, pelvis: Quaternion,
                neutralUp: Vector3 = .unitZ, neutralAngles: HipAngles = HipAngles(flexion: 0, adduction: 0),
                neutralStart: Double = 0) {
        self.mounting = mounting
        self.posture = posture
        self.side = side
        self.pelvis = pelvis
        self.neutralUp = neutralUp
        self.neutralAngles = neutralAngles
        self.neutralStart = neutralStart
    }

    /// Hip angles (degrees) for an orientation estimate (earth ← sensor).
    @inlinable
    public func hipAngles(_ sensor: Quaternion) -> HipAngles {
        let thighEarth = sensor * mounting.conjugate
        if headingFollowsThigh {
            // The pelvis's left axis: the thigh's left axis made horizontal (unless it is near vertical).
            let left = thighEarth.rotate(.unitY)
            if left.x * left.x + left.y * left.y > 0.1 {
                let heading = Double.atan2(left.y, left.x) - .pi / 2
                let p = Quaternion(axis: .unitZ, angle: heading) * posture.pelvisOrientation
                return HipAngles(thighInPelvis: p.conjugate * thighEarth, side: side)
            }
        }
        return HipAngles(thighInPelvis: pelvis.conjugate * thighEarth, side: side)
    }

    /// The "up" direction (unit, thigh frame) of a thigh resting in `posture`'s neutral pose.
    public static func restingUp(_ posture: Posture, side: Side) -> Vector3 {
        let thigh = posture.pelvisOrientation * posture.restingHipAngles.thighInPelvis(side: side)
        return thigh.conjugate.rotate(.unitZ)
    }

    /// The thigh-frame axis the thigh turns about when it flexes (adduction 0): −y.
    public static let flexionAxis = Vector3(0, -1, 0)

    /// Solves the mounting from two directions seen in the sensor frame:
    /// - `up`: gravity's "up" during a rest in `posture`'s neutral pose (trusted fully: it is the
    ///   best-measured direction);
    /// - `axis`: the axis of a flexion movement (its sign is fixed later by `flexionSign`).
    /// - Returns: nil when the two are (nearly) parallel: the movement did not flex the hip.
    public static func mounting(up: Vector3, axis: Vector3, posture: Posture, side: Side) -> Quaternion? {
        let u = up.normalized
        // The axis, made exactly perpendicular to up.
        let a = (axis - u * axis.dot(u))
        guard a.norm > 0.3 * axis.norm, a.norm > 0 else { return nil }
        let an = a.normalized
        // The same pair in the thigh frame.
        let ut = restingUp(posture, side: side)
        let at = flexionAxis
        // Rotation taking the sensor triad (u, an, u × an) onto the thigh triad (ut, at, ut × at).
        let sensorTriad = (u, an, u.cross(an))
        let thighTriad = (ut, at, ut.cross(at))
        return Quaternion(fromTriad: sensorTriad, to: thighTriad)
    }

    /// The pelvis in the estimate's earth frame, from the orientation during the neutral rest: the
    /// thigh's estimated earth orientation against where the posture puts it, leaving only a turn
    /// about the vertical (the heading of the sagittal plane).
    /// - Parameter restingAngles: the thigh's angles in that rest (default: the posture's neutral).
    public static func pelvis(restOrientation: Quaternion, mounting: Quaternion, posture: Posture, side: Side,
                              restingAngles: HipAngles? = nil) -> Quaternion {
        let thighEarth = restOrientation * mounting.conjugate
        let thighModel = posture.pelvisOrientation * (restingAngles ?? posture.restingHipAngles).thighInPelvis(side: side)
        let turn = thighEarth * thighModel.conjugate
        // Keep the heading part of `turn`: the angle that takes the model's horizontal reference
        // direction to the estimate's.
        var reference = thighModel.rotate(.unitX)
        if abs(reference.z) > 0.9 { reference = thighModel.rotate(.unitZ) }  // thigh vertical: use anterior
        let turned = turn.rotate(reference)
        let heading = Double.atan2(turned.y, turned.x) - Double.atan2(reference.y, reference.x)
        return Quaternion(axis: .unitZ, angle: heading) * posture.pelvisOrientation
    }
}
