import MotionCore
import Testing

/// Posture from where "up" points in the thigh frame: every posture at its resting hip angles,
/// and the thresholds (knee 20° above, 50° below the horizontal; |up·y| 0.7) probed on each side.
@Suite struct PostureClassifierTests {
    /// "Up" (world +z) in the thigh frame of a thigh at `angles` in `posture`.
    static func up(_ posture: Posture, _ angles: HipAngles, _ side: Side) -> Vector3 {
        (posture.pelvisOrientation * angles.thighInPelvis(side: side)).conjugate.rotate(.unitZ)
    }

    @Test(arguments: [Side.left, .right])
    func eachPostureAtRestIsRecognised(_ side: Side) {
        for posture in Posture.allCases {
            let got = PostureClassifier.classify(upInThigh: Self.up(posture, posture.restingHipAngles, side))
            // Sitting holds the thigh like lying with straight legs, hands and knees like standing:
            // the classifier cannot tell.
            #expect(got == PostureClassifier.reading(posture), "\(posture) on the \(side) leg read as \(got)")
            let expected: Posture = posture == .sitting ? .supine : (posture == .quadruped ? .standing : posture)
            #expect(PostureClassifier.reading(posture) == expected)
        }
        // Side-lying with the thigh turned a little about itself, and hook-lying at other knee angles.
        #expect(PostureClassifier.classify(upInThigh: Self.up(.sideLying, HipAngles(flexion: 10, adduction: 5, rotation: 20), side)) == .sideLying)
        #expect(PostureClassifier.classify(upInThigh: Self.up(.hookLying, HipAngles(flexion: 30, adduction: 0), side)) == .hookLying)
        #expect(PostureClassifier.classify(upInThigh: Self.up(.hookLying, HipAngles(flexion: 70, adduction: 0), side)) == .hookLying)
    }

    /// Up in the thigh frame for a knee `elevation` degrees above the horizontal, the anterior side
    /// turned `roll` degrees from up towards the thigh's y.
    static func up(elevation: Double, roll: Double) -> Vector3 {
        let e = elevation.radians, r = roll.radians
        return Vector3(e.sine, e.cosine * r.sine, e.cosine * r.cosine)
    }

    @Test func thresholdsAreWhereTheyAreDocumented() {
        #expect(PostureClassifier.classify(upInThigh: Self.up(elevation: 20.5, roll: 0)) == .hookLying)
        #expect(PostureClassifier.classify(upInThigh: Self.up(elevation: 19.5, roll: 0)) == .supine)
        #expect(PostureClassifier.classify(upInThigh: Self.up(elevation: -50.5, roll: 0)) == .standing)
        #expect(PostureClassifier.classify(upInThigh: Self.up(elevation: -49.5, roll: 0)) == .supine)
        // |up·y| = 0.7 is a roll of 44.43° on a horizontal thigh; either way round: the thigh's left
        // side down (up·y < 0) is lying on the left side, up on the right.
        let roll = 0.7.arcSine.degrees
        for sign in [-1.0, 1.0] {
            #expect(PostureClassifier.classify(upInThigh: Self.up(elevation: 0, roll: sign * (roll + 0.5))) == (sign < 0 ? .sideLying : .sideLyingRight))
            #expect(PostureClassifier.classify(upInThigh: Self.up(elevation: 0, roll: sign * (roll - 0.5))) == .supine)
        }
    }
}
