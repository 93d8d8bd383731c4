import MotionCore

/// The simulator's own hip-angle geometry, written from the definition with rotation matrices and
/// sharing no code with `MotionCore.HipAngles` (which it exists to check): the truth a wrong angle
/// convention in the motion core would disagree with.
///
/// Axes. Pelvis: x anterior, y left, z superior. Thigh: x along the femur (hip → knee), y left,
/// z anterior; in the neutral pose (standing, thigh along the body) the thigh's axes are the
/// pelvis's x → −z (knee towards the feet), y → y, z → x.
///
/// Angles, degrees, composed as a joint-coordinate sequence (each rotation about an axis carried
/// by the ones before it):
/// 1. **flexion** φ: about the pelvis's mediolateral axis (y), positive bringing the knee forward
///    and up. It is the angle of the long axis's projection on the sagittal (x–z) plane, from
///    straight down towards anterior.
/// 2. **adduction** α: about the floating anterior axis (the pelvis's x carried by the flexion),
///    positive taking the knee towards the midline — the body's left (+y) for the right leg, its
///    right (−y) for the left. It is the angle of the long axis out of the sagittal plane.
/// 3. **rotation** ρ: about the thigh's own long axis, positive (internal) turning the front of the
///    thigh towards the midline.
public enum HipJointGeometry {
    /// Rotation about the pelvis's y axis by `theta` radians, right-handed (x turns towards −z).
    static func aboutY(_ theta: Double) -> Matrix3 {
        let c = theta.cosine, s = theta.sine
        return Matrix3(rows: Vector3(c, 0, s), Vector3(0, 1, 0), Vector3(-s, 0, c))
    }

    /// Rotation about the x axis by `theta` radians, right-handed (y turns towards +z).
    static func aboutX(_ theta: Double) -> Matrix3 {
        let c = theta.cosine, s = theta.sine
        return Matrix3(rows: Vector3(1, 0, 0), Vector3(0, c, -s), Vector3(0, s, c))
    }

    /// Rotation about the z axis by `theta` radians, right-handed (x turns towards +y).
    static func aboutZ(_ theta: Double) -> Matrix3 {
        let c = theta.cosine, s = theta.sine
        return Matrix3(rows: Vector3(c, -s, 0), Vector3(s, c, 0), Vector3(0, 0, 1))
    }

    /// Pelvis ← thigh in the neutral pose: its columns are the thigh's x, y, z in pelvis axes
    /// (0, 0, −1), (0, 1, 0), (1, 0, 0).
    static let neutral = Matrix3(rows: Vector3(0, 0, 1), Vector3(0, 1, 0), Vector3(-1, 0, 0))

    /// Pelvis ← thigh rotation matrix (columns: the thigh's axes in pelvis axes) for hip angles in
    /// degrees on one side.
    ///
    /// Each step is a rotation about an axis of the frame the previous steps produced, so the
    /// matrices multiply on the right, in the neutral-aligned frame (where the long axis is −z):
    /// - flexion: the knee (−z) must turn towards +x, which about +y is a rotation by −φ;
    /// - adduction: the knee (−z) must turn towards the midline, +y on the right leg: about +x that
    ///   is a rotation by +α on the right and −α on the left;
    /// - rotation: the front (+x) must turn towards the midline, +y on the right leg: about the
    ///   long axis, +z here, by +ρ on the right and −ρ on the left.
    public static func thighInPelvis(flexion: Double, adduction: Double, rotation: Double, side: Side) -> Matrix3 {
        let towardsMidline: Double = side == .right ? 1 : -1
        return aboutY(-flexion.radians) * aboutX(towardsMidline * adduction.radians)
            * aboutZ(towardsMidline * rotation.radians) * neutral
    }

    /// Pelvis ← thigh as a unit quaternion (for composing with the pelvis's orientation).
    public static func thighInPelvisQuaternion(flexion: Double, adduction: Double, rotation: Double, side: Side) -> Quaternion {
        let m = thighInPelvis(flexion: flexion, adduction: adduction, rotation: rotation, side: side)
        return Quaternion(rotationMatrix: [[m.row0.x, m.row0.y, m.row0.z], [m.row1.x, m.row1.y, m.row1.z], [m.row2.x, m.row2.y, m.row2.z]])
    }

    /// The long axis (hip → knee, unit) in pelvis axes, straight from the definition: its sagittal
    /// projection at φ from straight down towards anterior, tilted α out of the sagittal plane
    /// towards the midline.
    public static func longAxis(flexion: Double, adduction: Double, side: Side) -> Vector3 {
        let towardsMidline: Double = side == .right ? 1 : -1
        let phi = flexion.radians, alpha = adduction.radians
        return Vector3(alpha.cosine * phi.sine, towardsMidline * alpha.sine, -alpha.cosine * phi.cosine)
    }
}
