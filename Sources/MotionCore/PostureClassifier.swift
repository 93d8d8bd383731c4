/// Which posture a thigh at rest is in, from where "up" points in the thigh frame (needs a known
/// strap mounting). A single thigh sensor sees the thigh, not the trunk: sitting upright and lying
/// with straight legs both hold the thigh horizontal, anterior side up, and read as `.supine`; on
/// hands and knees the thigh hangs vertical, anterior side forward, as standing, and reads as
/// `.standing` (`reading`).
public enum PostureClassifier {
    /// Knee elevation above the horizontal, degrees (−90 knee straight down … 90 straight up).
    @inlinable
    public static func kneeElevation(upInThigh u: Vector3) -> Double {
        max(-1, min(1, u.normalized.x)).arcSine.degrees
    }

    /// - standing: knee more than 50° below the horizontal;
    /// - hook-lying (knees bent, lying): knee more than 20° above it;
    /// - side-lying: thigh about horizontal with its anterior side facing sideways (|up·y| > 0.7):
    ///   the thigh's left side up (up·y > 0.7) is lying on the right side, `.sideLyingRight`; its
    ///   left side down, lying on the left, `.sideLying` (either leg: both thighs' y is the body's left);
    /// - supine (or sitting): thigh about horizontal, anterior side up.
    public static func classify(upInThigh u: Vector3) -> Posture {
        let n = u.normalized
        let elevation = kneeElevation(upInThigh: n)
        if elevation < -50 { return .standing }
        if elevation > 20 { return .hookLying }
        if n.y > 0.7 { return .sideLyingRight }
        if n.y < -0.7 { return .sideLying }
        return .supine
    }

    /// What a thigh at rest in `posture`'s resting angles reads as: the posture itself, except
    /// sitting (reads as supine) and quadruped (reads as standing).
    public static func reading(_ posture: Posture) -> Posture {
        switch posture {
        case .sitting: .supine
        case .quadruped: .standing
        case .supine, .hookLying, .standing, .sideLying, .sideLyingRight: posture
        }
    }
}
