import MotionCore

/// An exercise, declared as data (a JSON file): posture, target angles, hold time, repetitions, and
/// the thresholds of every form check. Every number here is a protocol parameter, not a constant in
/// code. Angles in degrees, times in seconds, rates in degrees per second.
public struct ExerciseProtocol: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Static stretch: holds and repetitions.
        case stretch
        /// Walking: steps and cadence.
        case walk
    }

    /// Where the thigh starts before the stretch (piriformis: 45° ± 10°).
    public struct Band: Sendable, Hashable, Codable {
        public var flexion: Double
        public var tolerance: Double
    }

    /// How holds are found (see `HoldDetector`).
    public struct HoldRules: Sendable, Hashable, Codable {
        /// Shortest stillness that counts as a hold.
        public var minimumSeconds = 5.0
        /// Cut-off of the low-pass that gives the slowly varying angle, Hz.
        public var lowPassHz = 0.3
        /// The low-passed angle counts as steady below this rate.
        public var steadyRate = 5.0
        /// Dips shorter than this pause the hold timer.
        public var dipGrace = 2.0
        /// The hold ends after this long away.
        public var endAfter = 3.0
        /// Hold boundaries as a person sees them: entering/leaving this band around the hold angle.
        public var boundaryBand = 2.0
        /// Without a start band: a hold must be this far beyond neutral.
        public var awayFromNeutral = 15.0
    }

    /// Ballistic bouncing: `reversals` turns of at least `peakToPeak` within `window` while holding.
    public struct BounceRules: Sendable, Hashable, Codable {
        public var reversals = 2
        public var peakToPeak = 4.0
        public var window = 2.0
    }

    public var name: String
    public var title: String
    /// How to do it, for people.
    public var instructions: String
    public var kind: Kind
    /// The posture the exercise is done in.
    public var posture: Posture
    /// Flexion of the neutral pose the session starts from (legs flat: 0).
    public var neutralFlexion: Double
    /// The start position (piriformis only).
    public var startBand: Band?
    /// A hold must reach this flexion (else it is `shallow`).
    public var holdAngle: Double?
    /// Seconds a hold must last to be complete (else `shortHold`).
    public var holdSeconds: Double?
    public var repsPerSide: Int?
    /// Piriformis: the leg must be crossed over by at least this adduction during the hold.
    public var minimumAdduction: Double?
    /// Flexion beyond the hip's safe range (`overshoot`).
    public var overshootAngle: Double?
    /// Flexion rate (smoothed) above which a stretch is moved too fast (`tooFast`).
    public var maximumRate: Double?
    /// Cut-off of the smoothing of the flexion rate for `tooFast`, Hz.
    public var rateSmoothingHz: Double?
    public var hold: HoldRules?
    public var bounce: BounceRules?
    /// Walking: brisk from this cadence on, steps per minute (`slowCadence` below).
    public var briskCadence: Double?

    /// Where a hold must be (low-passed flexion above this) to count.
    public var holdThreshold: Double {
        if let band = startBand { return band.flexion + band.tolerance }
        return neutralFlexion + (hold?.awayFromNeutral ?? 15)
    }
}
