import MotionCore
import Testing

@Suite struct HipAnglesTests {
    @Test(arguments: [Side.left, .right])
    func anglesRoundTripThroughTheThighOrientation(_ side: Side) {
        for flexion in stride(from: -20.0, through: 140, by: 10) {
            for adduction in stride(from: -40.0, through: 40, by: 10) {
                let q = HipAngles(flexion: flexion, adduction: adduction, rotation: 25).thighInPelvis(side: side)
                let back = HipAngles(thighInPelvis: q, side: side)
                #expect(abs(back.flexion - flexion) < 1e-9)
                #expect(abs(back.adduction - adduction) < 1e-9)
                #expect(abs(back.rotation - 25) < 1e-9)
            }
        }
    }

    @Test func flexionBringsTheKneeUpWhenLyingAndForwardWhenStanding() {
        let q = HipAngles(flexion: 90, adduction: 0).thighInPelvis(side: .right)
        // Lying on the back: a thigh flexed 90° points at the ceiling.
        let lying = Posture.supine.pelvisOrientation * q
        #expect((lying.rotate(.unitX) - .unitZ).norm < 1e-12)
        // Standing: forward (pelvis anterior = world +x).
        let standing = Posture.standing.pelvisOrientation * q
        #expect((standing.rotate(.unitX) - .unitX).norm < 1e-12)
        // Neutral standing: the femur points down.
        #expect((HipAngles(flexion: 0, adduction: 0).thighInPelvis(side: .left).rotate(.unitX) + .unitZ).norm < 1e-12)
    }

    @Test func adductionIsTowardsTheMidlineOnEitherLeg() {
        // Right leg adducted: the knee moves to the body's left (+y); left leg: to the right.
        let right = HipAngles(flexion: 0, adduction: 20).thighInPelvis(side: .right).rotate(.unitX)
        let left = HipAngles(flexion: 0, adduction: 20).thighInPelvis(side: .left).rotate(.unitX)
        #expect(right.y > 0.3 && left.y < -0.3)
    }

    /// Rotation from the full orientation, both ways round, at angles across the hip's range.
    @Test(arguments: [Side.left, .right])
    func rotationRoundTrips(_ side: Side) {
        for rotation in stride(from: -60.0, through: 60, by: 15) {
            for (flexion, adduction) in [(0.0, 0.0), (45, -25), (90, 10), (-10, -35), (120, 20)] {
                let q = HipAngles(flexion: flexion, adduction: adduction, rotation: rotation).thighInPelvis(side: side)
                #expect(abs(HipAngles(thighInPelvis: q, side: side).rotation - rotation) < 1e-9, "\(flexion) \(adduction) \(rotation)")
            }
        }
        // Internal rotation turns the front of the thigh towards the midline: the right thigh's front
        // (pelvis +x when neutral) towards the body's left (+y), the left thigh's towards −y.
        let front = HipAngles(flexion: 0, adduction: 0, rotation: 30).thighInPelvis(side: side).rotate(.unitZ)
        #expect(side == .right ? front.y > 0.45 : front.y < -0.45)
    }

    @Test func sideLyingRightPutsTheRightSideDown() {
        let p = Posture.sideLyingRight.pelvisOrientation
        #expect((p.rotate(.unitY) - .unitZ).norm < 1e-12)  // left → up
        #expect(abs(p.rotate(.unitZ).z) < 1e-12 && abs(p.rotate(.unitX).z) < 1e-12)
        // The top leg's abduction lifts its knee: the left thigh abducted 30° points 30° above the horizontal.
        let knee = (p * HipAngles(flexion: 0, adduction: -30).thighInPelvis(side: .left)).rotate(.unitX)
        #expect(abs(knee.z - 0.5) < 1e-12)
        #expect(Posture.sideLying.withSensorLegOnTop(.left) == .sideLyingRight && Posture.sideLyingRight.withSensorLegOnTop(.right) == .sideLying)
        #expect(Posture.supine.withSensorLegOnTop(.left) == .supine)
    }

    /// On hands and knees: the anterior side faces the floor, the head forward; a thigh at 90° of
    /// flexion hangs straight down, and at 0° points straight back, level.
    @Test func quadrupedHangsTheThighDown() {
        let p = Posture.quadruped.pelvisOrientation
        #expect((p.rotate(.unitX) + .unitZ).norm < 1e-12)  // anterior → down
        #expect(abs(p.rotate(.unitZ).z) < 1e-12)  // superior horizontal
        for side in Side.allCases {
            #expect(((p * HipAngles(flexion: 90, adduction: 0).thighInPelvis(side: side)).rotate(.unitX) + .unitZ).norm < 1e-12)
            let level = (p * HipAngles(flexion: 0, adduction: 0).thighInPelvis(side: side)).rotate(.unitX)
            #expect(abs(level.z) < 1e-12 && (level + p.rotate(.unitZ)).norm < 1e-12)
        }
    }

    @Test func sideLyingPutsTheLeftSideDown() {
        let p = Posture.sideLying.pelvisOrientation
        #expect((p.rotate(.unitY) + .unitZ).norm < 1e-12)  // left → down
        #expect(abs(p.rotate(.unitZ).z) < 1e-12 && abs(p.rotate(.unitX).z) < 1e-12)  // long axis, anterior horizontal
        #expect((Posture.supine.pelvisOrientation.rotate(.unitX) - .unitZ).norm < 1e-12)  // anterior up
    }
}
