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
    /// Sensor position in the thigh frame on the scenario's leg (the other leg's mirrors it).
    let leverArm: Vector3
    /// Thigh ← sensor: the scenario's, then after each strap move (`Timeline.strapMountings`).
    let mountings: [Quaternion]

    init(timeline: Timeline, scenario: Scenario, heading: Quaternion, mounting: Quaternion, leverArm: Vector3) {
        self.timeline = timeline
        self.scenario = scenario
        self.heading = heading
        self.mounting = mounting
        self.leverArm = leverArm
        mountings = [mounting] + timeline.strapMountings
    }

    /// Height the sensor is lifted to while the strap moves from one thigh to the other, metres.
    static let strapLift = 0.3

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
        thigh(at: t, side: timeline.side(at: t))
    }

    /// The `side` thigh's orientation in the world at t.
    func thigh(at t: Double, side: Side) -> Quaternion {
        let a = timeline.angles(at: t)
        return pelvis(at: t) * HipJointGeometry.thighInPelvisQuaternion(flexion: a.flexion, adduction: a.adduction,
                                                                        rotation: a.rotation, side: side)
    }

    /// Thigh ← sensor at time t: the mounting turned by the slip about the thigh's long axis.
    func sensorInThigh(at t: Double) -> Quaternion {
        sensorInThigh(at: t, mounting: timeline.mounting(at: t))
    }

    private func sensorInThigh(at t: Double, mounting k: Int) -> Quaternion {
        Quaternion(axis: .unitX, angle: timeline.slip(at: t).radians) * mountings[k]
    }

    /// The lever arm on the `side` thigh (lateral offset mirrored on the other leg).
    private func arm(_ side: Side) -> Vector3 {
        side == scenario.side ? leverArm : Vector3(leverArm.x, -leverArm.y, leverArm.z)
    }

    /// World ← sensor and its position strapped on the `side` thigh with mounting `k`, at t.
    private func strapped(at t: Double, side: Side, mounting k: Int) -> (orientation: Quaternion, position: Vector3) {
        let thigh = thigh(at: t, side: side)
        let arm = Quaternion(axis: .unitX, angle: timeline.slip(at: t).radians).rotate(arm(side))
        return (thigh * sensorInThigh(at: t, mounting: k), timeline.hipPosition(at: t) + thigh.rotate(arm))
    }

    /// World ← sensor and its position at t: on its thigh, or in a strap step in the hand — from
    /// where it was strapped to where it will be, turning over on the way (minimum jerk, lifted
    /// `strapLift`).
    private func pose(at t: Double) -> (orientation: Quaternion, position: Vector3) {
        guard let s = timeline.strapSegment(at: t) else {
            return strapped(at: t, side: timeline.side(at: t), mounting: timeline.mounting(at: t))
        }
        let a = strapped(at: s.start, side: s.sideFrom, mounting: s.mountingFrom)
        let b = strapped(at: s.end, side: s.sideTo, mounting: s.mountingTo)
        let u = (t - s.start) / s.duration
        let m = MinimumJerk.position(u)
        var d = a.orientation.conjugate * b.orientation
        if d.w < 0 { d = Quaternion(w: -d.w, x: -d.x, y: -d.y, z: -d.z) }
        let n = d.vector.norm
        let way = n > 0 ? Quaternion(axis: d.vector, angle: 2 * Double.atan2(n, d.w) * m) : .identity
        let lift = (Double.pi * u).sine
        let position = a.position + (b.position - a.position) * m + Vector3(0, 0, Self.strapLift * lift * lift)
        return ((a.orientation * way * timeline.tumble(s, at: t)).normalized, position)
    }

    /// World ← sensor.
    func sensor(at t: Double) -> Quaternion {
        pose(at: t).orientation
    }

    /// Sensor position in the world, metres.
    func position(at t: Double) -> Vector3 {
        pose(at: t).position
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
