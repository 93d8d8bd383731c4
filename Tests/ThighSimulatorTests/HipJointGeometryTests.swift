import MotionCore
import Testing
import ThighSimulator

/// The simulator's angle geometry (its truth) and the motion core's `HipAngles` (what the truth
/// checks) are written apart; here they must agree, and both must keep the documented convention.
@Suite struct HipJointGeometryTests {
    /// Largest elementwise difference between two matrices.
    static func difference(_ a: Matrix3, _ b: Matrix3) -> Double {
        let d = a - b
        return [d.row0.x, d.row0.y, d.row0.z, d.row1.x, d.row1.y, d.row1.z, d.row2.x, d.row2.y, d.row2.z].map(abs).max()!
    }

    @Test(arguments: [Side.left, .right])
    func agreesWithTheMotionCoreOnRandomAngles(_ side: Side) {
        var rng = SplitMix64(seed: side == .right ? 17 : 71)
        var worst = (matrix: 0.0, quaternion: 0.0, axis: 0.0, readBack: 0.0)
        var worstCase = ""
        for _ in 0..<2000 {
            let flexion = rng.uniform(-180, 180), adduction = rng.uniform(-89.9, 89.9), rotation = rng.uniform(-180, 180)
            let own = HipJointGeometry.thighInPelvis(flexion: flexion, adduction: adduction, rotation: rotation, side: side)
            let core = Matrix3(rotation: HipAngles(flexion: flexion, adduction: adduction, rotation: rotation).thighInPelvis(side: side))
            let d = Self.difference(own, core)
            if d > worst.matrix { worst.matrix = d; worstCase = "flexion \(flexion), adduction \(adduction), rotation \(rotation)" }
            // The quaternion the simulator composes with is the same rotation.
            let q = HipJointGeometry.thighInPelvisQuaternion(flexion: flexion, adduction: adduction, rotation: rotation, side: side)
            worst.quaternion = max(worst.quaternion, Self.difference(Matrix3(rotation: q), own))
            // The long axis is the matrix's first column, and the motion core reads the angles back.
            let axis = HipJointGeometry.longAxis(flexion: flexion, adduction: adduction, side: side)
            worst.axis = max(worst.axis, (axis - own.column0).norm)
            let back = HipAngles(longAxisInPelvis: axis, side: side)
            worst.readBack = max(worst.readBack, abs(back.flexion - flexion), abs(back.adduction - adduction))
        }
        #expect(worst.matrix < 1e-9, "worst at \(worstCase)")
        #expect(worst.quaternion < 1e-12)
        #expect(worst.axis < 1e-12)
        #expect(worst.readBack < 1e-9)
    }

    /// A pose: angles, side, and where the knee (thigh x) and the front of the thigh (thigh z)
    /// point in pelvis axes (x anterior, y left, z superior) — which, standing, are world axes.
    struct Pose: Sendable, CustomTestStringConvertible {
        var name: String
        var flexion: Double, adduction: Double, rotation: Double
        var side: Side
        var knee: Vector3
        var front: Vector3
        var testDescription: String { name }
    }

    static let s30 = 0.5, c30 = 0.75.squareRoot()
    static let poses: [Pose] = [
        Pose(name: "standing, thigh straight down", flexion: 0, adduction: 0, rotation: 0, side: .right, knee: Vector3(0, 0, -1), front: Vector3(1, 0, 0)),
        Pose(name: "standing, left thigh straight down", flexion: 0, adduction: 0, rotation: 0, side: .left, knee: Vector3(0, 0, -1), front: Vector3(1, 0, 0)),
        Pose(name: "knee forward, horizontal", flexion: 90, adduction: 0, rotation: 0, side: .right, knee: Vector3(1, 0, 0), front: Vector3(0, 0, 1)),
        Pose(name: "knee straight up", flexion: 180, adduction: 0, rotation: 0, side: .left, knee: Vector3(0, 0, 1), front: Vector3(-1, 0, 0)),
        Pose(name: "thigh behind (extension 30)", flexion: -30, adduction: 0, rotation: 0, side: .right, knee: Vector3(-s30, 0, -c30), front: Vector3(c30, 0, -s30)),
        Pose(name: "right leg out sideways", flexion: 0, adduction: -90, rotation: 0, side: .right, knee: Vector3(0, -1, 0), front: Vector3(1, 0, 0)),
        Pose(name: "left leg out sideways", flexion: 0, adduction: -90, rotation: 0, side: .left, knee: Vector3(0, 1, 0), front: Vector3(1, 0, 0)),
        Pose(name: "right leg adducted 30 (knee to the left)", flexion: 0, adduction: 30, rotation: 0, side: .right, knee: Vector3(0, s30, -c30), front: Vector3(1, 0, 0)),
        Pose(name: "left leg adducted 30 (knee to the right)", flexion: 0, adduction: 30, rotation: 0, side: .left, knee: Vector3(0, -s30, -c30), front: Vector3(1, 0, 0)),
        // Joint-coordinate order: adduction about the floating axis after flexion, so a flexed
        // thigh's adduction still swings the knee across the body (about the pelvis's own anterior
        // axis it would only turn the thigh about itself).
        Pose(name: "flexed 90, adducted 30 (knee forward and across)", flexion: 90, adduction: 30, rotation: 0, side: .right, knee: Vector3(c30, s30, 0), front: Vector3(0, 0, 1)),
        Pose(name: "right leg internally rotated 90", flexion: 0, adduction: 0, rotation: 90, side: .right, knee: Vector3(0, 0, -1), front: Vector3(0, 1, 0)),
        Pose(name: "left leg internally rotated 90", flexion: 0, adduction: 0, rotation: 90, side: .left, knee: Vector3(0, 0, -1), front: Vector3(0, -1, 0)),
        // Rotation last, about the thigh's own axis: flexed 90 and rotated, the front turns from up
        // towards the midline, the knee stays forward.
        Pose(name: "flexed 90, internally rotated 90", flexion: 90, adduction: 0, rotation: 90, side: .right, knee: Vector3(1, 0, 0), front: Vector3(0, 1, 0)),
        // Left leg: knee forward and to the right; turned outwards, the front leaves up for the
        // left (+y), perpendicular to the knee.
        Pose(name: "left, flexed 90, adducted 30, externally rotated 90", flexion: 90, adduction: 30, rotation: -90, side: .left,
             knee: Vector3(c30, -s30, 0), front: Vector3(s30, c30, 0)),
    ]

    @Test(arguments: poses)
    func knownPosesHaveTheDocumentedAngles(_ p: Pose) {
        let own = HipJointGeometry.thighInPelvis(flexion: p.flexion, adduction: p.adduction, rotation: p.rotation, side: p.side)
        #expect((own.column0 - p.knee).norm < 1e-12, "simulator's knee \(own.column0)")
        #expect((own.column2 - p.front).norm < 1e-12, "simulator's front \(own.column2)")
        let core = HipAngles(flexion: p.flexion, adduction: p.adduction, rotation: p.rotation).thighInPelvis(side: p.side)
        #expect((core.rotate(.unitX) - p.knee).norm < 1e-12, "motion core's knee \(core.rotate(.unitX))")
        #expect((core.rotate(.unitZ) - p.front).norm < 1e-12, "motion core's front \(core.rotate(.unitZ))")
        // And the motion core reads the pose's knee back as the pose's flexion and adduction.
        let back = HipAngles(longAxisInPelvis: p.knee, side: p.side)
        if abs(p.adduction) < 90 {
            #expect(abs(back.flexion - p.flexion) < 1e-9, "read back flexion \(back.flexion)")
        }
        #expect(abs(back.adduction - p.adduction) < 1e-9, "read back adduction \(back.adduction)")
    }
}
