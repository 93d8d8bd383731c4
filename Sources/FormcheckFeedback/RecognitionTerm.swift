/// One way a recording can misfit an exercise protocol: the terms of `ExerciseRecogniser`'s cost,
/// which its reasons name (words: `CueCatalogue.term(_:)`). Stable identifiers; new terms may be
/// added.
public enum RecognitionTerm: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Steps walked in an exercise that is not a walk.
    case walked
    /// A walk without walking.
    case noWalking
    /// The thigh never moved (or never kept still, so no resting angle).
    case stillness
    /// A stretch's movements without holds.
    case noHolds
    /// Holds short of, or far beyond, the protocol's hold angle.
    case holdAngle
    /// A stretch's holds shorter than the protocol's `holdSeconds`.
    case shortHolds
    /// The thigh out of the sagittal plane where the protocol has no crossing.
    case crossed
    /// Not crossed where the protocol asks for a crossing.
    case notCrossed
    /// No pause in the protocol's start band before the hold.
    case noStartBand
    /// A pause on the way into the hold where the protocol has none.
    case pauseOnTheWay
    /// Reps whose range (or direction) is not the protocol's.
    case range
    /// Reps whose top lasts longer or shorter than the protocol's pause (a stretch's hold is a very
    /// long top).
    case top
    /// The angles could not be read in the protocol's posture.
    case unreadable
    /// The strap calibration's own misfit of the recording in the protocol's posture, axis and
    /// direction (`MountingSolution.cost`).
    case posture

    public static func < (a: RecognitionTerm, b: RecognitionTerm) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}
