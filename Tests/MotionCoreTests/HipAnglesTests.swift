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

    @Test func sideLyingPutsTheLeftSideDown() {
        let p = Posture.sideLying.pelvisOrientation
        #expect((p.rotate(.unitY) + .unitZ).norm < 1e-12)  // left → down
        #expect(abs(p.rotate(.unitZ).z) < 1e-12 && abs(p.rotate(.unitX).z) < 1e-12)  // long axis, anterior horizontal
        #expect((Posture.supine.pelvisOrientation.rotate(.unitX) - .unitZ).norm < 1e-12)  // anterior up
    }
}
