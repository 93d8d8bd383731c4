import MotionCore

/// An exercise, declared as data (a JSON file): posture, target angles, hold time, repetitions, and
/// the thresholds of every form check and cue. Every number the coach uses is here, with a default
/// when the file leaves it out (`ExerciseProtocol+Decoding.swift`); `formcheck exercises --json NAME`
/// prints a protocol with all of them. Angles in degrees, times in seconds, rates in degrees per
/// second, frequencies in hertz, cadence in steps per minute.
public struct ExerciseProtocol: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Static stretch: holds and repetitions.
        case stretch
        /// Walking: steps and cadence.
        case walk
        /// Strengthening: repetitions in sets (`reps`).
        case strength
    }

    /// Where the thigh starts before the stretch (piriformis: 45° ± 10°).
    public struct Band: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey, CaseIterable { case flexion, tolerance }

        /// Degrees of flexion, 0…180.
        public var flexion: Double
        /// Degrees either side, > 0.
        public var tolerance: Double
    }

    /// How holds are found (`HoldDetector`) and counted down (`HoldCountdown`).
    public struct HoldRules: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case minimumSeconds, lowPassHz, steadyRate, dipGrace, endAfter, boundaryBand, awayFromNeutral, countdownMarks
            case correctionRepeatSeconds, overshootHysteresis
        }

        /// Shortest stillness that counts as a hold, seconds.
        public var minimumSeconds = 5.0
        /// Cut-off of the low-pass that gives the slowly varying angle, Hz.
        public var lowPassHz = 0.3
        /// The low-passed angle counts as steady below this rate, °/s.
        public var steadyRate = 5.0
        /// Seconds the thigh may stay below the hold angle before the countdown pauses (`sagging`,
        /// or `shallow` when the hold never reached it).
        public var dipGrace = 2.0
        /// The hold ends after this long away from the hold position, seconds.
        public var endAfter = 3.0
        /// Hold boundaries as a person sees them: entering/leaving this band around the hold angle, degrees.
        public var boundaryBand = 2.0
        /// Without a start band: a hold must be this far beyond neutral, degrees.
        public var awayFromNeutral = 15.0
        /// Seconds left at which the countdown is spoken (0: "done"), besides the first cue.
        public var countdownMarks: [Double] = [30, 10, 0]
        /// While the hold is out of its band, the correction is repeated this often, seconds.
        public var correctionRepeatSeconds = 8.0
        /// Overshoot ends when the flexion is this far back below `overshootAngle`, degrees.
        public var overshootHysteresis = 5.0

        public init() {}
    }

    /// Ballistic bouncing: `reversals` turns of at least `peakToPeak` degrees within `window` seconds while holding.
    public struct BounceRules: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey, CaseIterable { case reversals, peakToPeak, window }

        public var reversals = 2
        public var peakToPeak = 4.0
        public var window = 2.0

        public init() {}
    }

    /// Guidance before and between repetitions.
    public struct GuidanceRules: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey, CaseIterable { case settleSeconds, stillRate, settledRate }

        /// After the setup cue, the start-position cue comes once the thigh has kept still this long, seconds.
        public var settleSeconds = 2.0
        /// Still: the gyroscope's rate below this, °/s.
        public var stillRate = 10.0
        /// In the start band, the angle counts as settled below this rate (low-passed), °/s.
        public var settledRate = 5.0

        public init() {}
    }

    /// Walking: pace feedback while walking.
    public struct PaceRules: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey, CaseIterable { case checkSeconds, progressSeconds }

        /// Every this many seconds in gait, the cadence of the last interval is judged; below
        /// `briskCadence` a pace cue says so, seconds.
        public var checkSeconds = 30.0
        /// While brisk, time, steps and cadence are announced this often, seconds (≤ 120).
        public var progressSeconds = 60.0

        public init() {}
    }

    /// Strengthening: how repetitions are found and judged (`RepCounter`) and the sets they make.
    /// Angles in degrees (along `axis`: flexion, or abduction = −adduction), rates in °/s, times in
    /// seconds.
    public struct RepRules: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case startAngle, startTolerance, topAngle, rangeTolerance, overshootBeyond, leaveBand, boundaryBand, topRate, lowerRate
            case stillRate, minimumUpSeconds, minimumDownSeconds, holdSeconds, holdGrace, sagDegrees, perSet, sets, restSeconds
            case perSide
            case axis, compensationDegrees
        }

        /// The hip angle the reps move along ("flexion" or "abduction"); the strap calibration takes
        /// the thigh's main movement to turn about it.
        public var axis = MovementAxis.flexion
        /// `compensation`: during a rep the thigh rolled about its long axis, or moved out of the
        /// movement's plane (adduction for flexion, flexion for abduction), by more than this from
        /// the rep's start, degrees; 0: not checked.
        public var compensationDegrees = 0.0

        /// Flexion of the start position, and how far from it the thigh may settle.
        public var startAngle = 0.0
        public var startTolerance = 15.0
        /// Flexion of the top of the movement (the target range is from the start to here).
        public var topAngle = 30.0
        /// A range short of the target by more than this is `shallow`.
        public var rangeTolerance = 8.0
        /// Beyond the top by more than this is `overshoot`.
        public var overshootBeyond = 12.0
        /// A rep begins this far from the start position.
        public var leaveBand = 8.0
        /// Rep start and end: leaving and coming back within this of the start position.
        public var boundaryBand = 3.0
        /// The top is reached when the speed falls below this, °/s.
        public var topRate = 10.0
        /// Lowering begins when moving back faster than this, °/s.
        public var lowerRate = 8.0
        /// Settled in the start position: speed below this, °/s.
        public var stillRate = 5.0
        /// Up or down the whole target range in less than these is `tooFast`, seconds (a rep that
        /// moves a share of the range: that share of these).
        public var minimumUpSeconds = 1.0
        public var minimumDownSeconds = 1.0
        /// The pause at the top (0: none), and how much shorter it may be before it is `shortHold`.
        public var holdSeconds = 0.0
        public var holdGrace = 0.5
        /// With a hold, drifting back this far from the peak at the top is `sagging`.
        public var sagDegrees = 6.0
        /// Complete reps in a set, sets per side, and the rest between sets, seconds.
        public var perSet = 10
        public var sets = 2
        public var restSeconds = 30.0
        /// Done on each leg in turn ("switch sides" after the last set; a straight-leg raise), or
        /// with both legs at once (a bridge, a sit-to-stand: no side to switch to).
        public var perSide = true

        public init() {}
    }

    public var name: String
    public var title: String
    /// How to do it, for people.
    public var instructions: String
    public var kind: Kind
    /// The posture the exercise is done in.
    public var posture: Posture
    /// Flexion of the neutral pose the session starts from (legs flat: 0), degrees.
    public var neutralFlexion = 0.0
    /// The start position (piriformis only).
    public var startBand: Band?
    /// A hold must reach this flexion (else it is `shallow`), degrees.
    public var holdAngle: Double?
    /// Seconds a hold must last to be complete (else `shortHold`).
    public var holdSeconds: Double?
    public var repsPerSide: Int?
    /// Piriformis: the leg must be crossed over by at least this adduction during the hold, degrees.
    public var minimumAdduction: Double?
    /// Flexion beyond the hip's safe range (`overshoot`), degrees.
    public var overshootAngle: Double?
    /// Flexion rate (smoothed) above which a stretch is moved too fast (`tooFast`), °/s.
    public var maximumRate: Double?
    /// `tooFast` trips again only after the rate fell below this, °/s.
    public var rearmRate = 30.0
    /// After a correction is said, the same correction (the same form error, in any words: a
    /// rep's "lower slowly" and "slower on the way up" are both `tooFast`; the walk's "pick up the
    /// pace" is `slowCadence`) is not said again for this long, seconds, ≥ 0 (0: every episode is
    /// said). The error is still reported (once per repetition); only the words are held back. The
    /// reminder of a hold paused out of its band (`hold.correctionRepeatSeconds`) is not held back.
    /// Every kind of exercise (`CorrectionInterval`).
    public var correctionIntervalSeconds = 10.0
    /// After a strap slip is reported (event, "re-seat it", summary), a slip detected again within
    /// this long is the same slip seen again and not reported, seconds, ≥ 0 (0: every detection is
    /// reported). Every kind of exercise (`StrapWatch`).
    public var strapSlipQuietSeconds = 10.0
    /// Cut-off of the smoothing of flexion and its rate for `tooFast`, `overshoot` and the hold's band, Hz.
    public var rateSmoothingHz = 2.0
    public var hold = HoldRules()
    public var bounce: BounceRules?
    public var guidance = GuidanceRules()
    /// Walking: brisk from this cadence on, steps per minute (`slowCadence` below).
    public var briskCadence: Double?
    public var pace = PaceRules()
    /// Strengthening: the repetitions and sets.
    public var reps: RepRules?
    /// A lying or sitting stretch during which this many steps are walked is `wrongExercise`.
    public var wrongExerciseSteps = 10
    /// When the two legs' figures of this exercise differ enough to flag (a routine done on both
    /// legs, `replay` of a left and a right recording): stretches and strengthening.
    public var symmetry = SymmetryRules()

    public init(name: String, title: String, instructions: String, kind: Kind, posture: Posture) {
        self.name = name
        self.title = title
        self.instructions = instructions
        self.kind = kind
        self.posture = posture
    }

    /// Where a hold must be (low-passed flexion above this) to count, degrees.
    public var holdThreshold: Double {
        if let band = startBand { return band.flexion + band.tolerance }
        return neutralFlexion + hold.awayFromNeutral
    }
}
