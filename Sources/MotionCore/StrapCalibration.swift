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
