extension StrapCalibration {
    /// The calibration for a mounting solution: the posture's pelvis (upright when none), its heading
    /// from the first rest the solution reads as that posture (else its first rest, else
    /// `orientation`), and that rest as the neutral pose.
    /// - Parameters:
    ///   - posture: the exercise's posture (nil: standing);
    ///   - orientation: the orientation estimate (earth ← sensor) at `time` (seconds on the samples'
    ///     clock), used when the solution has no rest.
    public init(solution: MountingSolution, posture hint: Posture?, side: Side, orientation: Quaternion, time: Double) {
        let posture = hint ?? .standing
        let mounting = solution.mounting
        let neutral = solution.rests.first { $0.posture == posture } ?? solution.rests.first
        let restOrientation = neutral?.rest.orientation ?? orientation
        let pelvis = StrapCalibration.pelvis(restOrientation: restOrientation, mounting: mounting, posture: posture, side: side)
        self.init(mounting: mounting, posture: posture, side: side, pelvis: pelvis,
                  neutralUp: mounting.rotate(neutral?.rest.up ?? orientation.conjugate.rotate(.unitZ)).normalized,
                  neutralStart: neutral?.rest.start ?? time)
        headingFollowsThigh = posture == .standing || posture == .sitting
        neutralAngles = hipAngles(restOrientation)
        neutralAngles.rotation = 0  // the neutral pose is flexion and adduction (the heading re-anchors on them)
    }
}
