import MotionCore

/// Where the sensor is and how it is turned at any time, and the ideal signals it measures,
/// derived numerically from the trajectory (central differences on a 1 ms grid), not from a
/// closed form an estimator could mirror.
struct Kinematics: Sendable {
    let timeline: Timeline
    let scenario: Scenario
    /// The body's heading: a rotation about the vertical, applied to every posture's pelvis.
    let heading: Quaternion
    /// Thigh ← sensor at the start (before any slip).
    let mounting: Quaternion
    let leverArm: Vector3

    /// Step of the central differences, seconds.
    static let h = 0.001
    static let gravity = 9.80665

    /// World ← pelvis: the posture's pelvis (turning in a pelvis step) at the body's heading.
    func pelvis(at t: Double) -> Quaternion {
        heading * timeline.pelvis(at: t)
    }

    /// Thigh orientation in the world (world ← thigh), from the simulator's own angle geometry
    /// (`HipJointGeometry`, not the motion core's `HipAngles`).
    func thigh(at t: Double) -> Quaternion {
        let a = timeline.angles(at: t)
        return pelvis(at: t) * HipJointGeometry.thighInPelvisQuaternion(flexion: a.flexion, adduction: a.adduction,
                                                                        rotation: a.rotation, side: scenario.side)
    }

    /// Thigh ← sensor at time t: the mounting turned by the slip about the thigh's long axis.
    func sensorInThigh(at t: Double) -> Quaternion {
        Quaternion(axis: .unitX, angle: timeline.slip(at: t).radians) * mounting
    }

    /// World ← sensor.
    func sensor(at t: Double) -> Quaternion {
        thigh(at: t) * sensorInThigh(at: t)
    }

    /// Sensor position in the world, metres.
    func position(at t: Double) -> Vector3 {
        let arm = Quaternion(axis: .unitX, angle: timeline.slip(at: t).radians).rotate(leverArm)
        return timeline.hipPosition(at: t) + thigh(at: t).rotate(arm)
    }

    /// Ideal accelerometer (specific force, m/s²) and gyroscope (rad/s) in the sensor frame at t.
    func idealSignals(at t: Double) -> (specificForce: Vector3, angularRate: Vector3, orientation: Quaternion) {
        let h = Self.h
        let q = sensor(at: t)
        let q0 = sensor(at: t - h)
        let q1 = sensor(at: t + h)
        // Body rate from the rotation between t−h and t+h, expressed in the sensor frame.
        var d = q0.conjugate * q1
        if d.w < 0 { d = Quaternion(w: -d.w, x: -d.x, y: -d.y, z: -d.z) }
        let v = d.vector
        let n = v.norm
        let angle = 2 * Double.atan2(n, d.w)
        let rate = n > 0 ? v * (angle / n / (2 * h)) : .zero
        let p = position(at: t)
        let a = (position(at: t + h) - p * 2 + position(at: t - h)) / (h * h)
        let f = q.conjugate.rotate(a + Vector3(0, 0, Self.gravity))
        return (f, rate, q)
    }
}
