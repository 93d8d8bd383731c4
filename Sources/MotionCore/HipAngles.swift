/// Hip joint angles of one thigh relative to the pelvis, in degrees.
///
/// Definition (shared by the simulator and the motion core):
/// - **flexion**: the angle of the thigh's long axis (hip → knee) projected onto the pelvis's
///   sagittal plane, 0 in the neutral pose (thigh along the body, knee towards the feet), positive as
///   the knee comes forward/up; range −180…180 (about −20…140 in practice).
/// - **adduction**: the angle of the long axis out of the sagittal plane, positive towards the
///   body's midline; range −90…90.
/// - **rotation**: internal rotation about the thigh's long axis, positive turning the front of the
///   thigh towards the midline.
/// Composed as a joint-coordinate (Cardan) sequence flexion → adduction → rotation.
public struct HipAngles: Sendable, Hashable, Codable {
    public var flexion: Double
    public var adduction: Double
    public var rotation: Double

    @inlinable
    public init(flexion: Double, adduction: Double, rotation: Double = 0) {
        self.flexion = flexion
        self.adduction = adduction
        self.rotation = rotation
    }

    /// The thigh frame in the neutral pose, in pelvis axes: x along the femur (hip → knee) = −superior,
    /// y = left, z = anterior.
    public static let neutralThigh = Quaternion(axis: .unitY, angle: .pi / 2)

    /// Orientation of the thigh frame in pelvis axes (rotates thigh-frame vectors into the pelvis frame).
    public func thighInPelvis(side: Side) -> Quaternion {
        let s = side.sign
        let flex = Quaternion(axis: .unitY, angle: -flexion.radians)
        let add = Quaternion(axis: .unitX, angle: s * adduction.radians)
        let rot = Quaternion(axis: .unitZ, angle: s * rotation.radians)
        return flex * add * rot * Self.neutralThigh
    }

    /// Flexion and adduction of a thigh whose long axis (hip → knee, unit) is `knee` in pelvis axes.
    /// Rotation is not observable from the long axis alone and is returned as 0.
    public init(longAxisInPelvis knee: Vector3, side: Side) {
        let k = knee.normalized
        flexion = Double.atan2(k.x, -k.z).degrees
        adduction = side.sign * max(-1, min(1, k.y)).arcSine.degrees
        rotation = 0
    }

    /// Flexion, adduction and rotation of a thigh with orientation `thigh` in pelvis axes. The
    /// rotation is what is left about the long axis once flexion and adduction are undone
    /// (−180…180°; undefined with the long axis along the pelvis's left axis, adduction ±90°).
    public init(thighInPelvis thigh: Quaternion, side: Side) {
        self.init(longAxisInPelvis: thigh.rotate(.unitX), side: side)
        let s = side.sign
        let flexAdd = Quaternion(axis: .unitY, angle: -flexion.radians) * Quaternion(axis: .unitX, angle: s * adduction.radians)
        let rot = flexAdd.conjugate * thigh * Self.neutralThigh.conjugate
        var r = 2 * Double.atan2(rot.z, rot.w)
        if r > .pi { r -= 2 * .pi } else if r < -.pi { r += 2 * .pi }
        rotation = s * r.degrees
    }
}
