import FormcheckHistory

/// What the report counts of one exercise. Time under stretch is the seconds held in complete holds
/// (as the routine's left/right comparison, `SideComparison`, counts it).
extension ExerciseRecord {
    /// Seconds held in complete holds.
    public var secondsUnderStretch: Double {
        summary.holds.filter(\.complete).reduce(0) { $0 + $1.duration }
    }

    /// Holds complete, of all holds.
    public var completeHolds: Int { summary.holds.filter(\.complete).count }

    /// Reps complete (0 for stretches and walking).
    public var completeReps: Int { (summary.reps ?? []).filter(\.complete).count }

    /// All reps counted (complete or not).
    public var allReps: Int { summary.reps?.count ?? 0 }

    /// Whether this exercise is strengthening (it has reps, even none).
    public var isStrength: Bool { summary.reps != nil }

    /// Metres walked: the coach's distance, else — when the user's stride is known — steps × stride
    /// ÷ 2 (a stride is two steps); nil when neither is known or nothing was walked.
    public func walkedMetres(profile: UserProfile) -> Double? {
        if let d = summary.distanceMeters { return d }
        guard let steps = summary.steps, steps > 0, let stride = profile.strideMetres else { return nil }
        return Double(steps) * stride / 2
    }

    /// Whether `walkedMetres` is the stride estimate (the coach gave no distance).
    public func distanceIsEstimated(profile: UserProfile) -> Bool {
        summary.distanceMeters == nil && walkedMetres(profile: profile) != nil
    }
}
