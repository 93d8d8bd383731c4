/// The numbers `ExerciseRecogniser` uses besides the protocols' own (which give each exercise's
/// posture, kind, start, top and hold angles, crossing, start band, hold time, steps), each with its
/// reason. Costs are in "units of misfit": 1 is one protocol number missed by its own tolerance.
/// Angles in degrees, times in seconds, rates in °/s.
public struct RecognitionRules: Sendable, Hashable {
    /// Still: the angle's rate below this. The protocols' own stillness thresholds (`hold.steadyRate`,
    /// `guidance.settledRate`, `reps.stillRate`) are all 5 °/s; one value cuts every series alike.
    public var stillRate = 5.0
    /// A station (a still stretch) lasts at least this long: a rep's pause at the top is 1–2 s in the
    /// protocols, so half a second still is already a pause.
    public var minimumStation = 0.5
    /// An excursion begins this far from the resting angle: the protocols' `reps.leaveBand` (8°).
    public var leaveBand = 8.0
    /// Near the top: within this of the peak (the protocols' `reps.boundaryBand`, 3°).
    public var topBand = 3.0
    /// The rate is the change over ±this, seconds (a quarter second either side smooths the
    /// orientation filter's noise, well below a 1 s movement).
    public var rateHalfWindow = 0.25
    /// Excursions shorter than this are not exercise movements (a walking swing lasts ~0.5 s; the
    /// quickest rep the protocols allow is `minimumUpSeconds` + `minimumDownSeconds` ≥ 2 s).
    public var minimumExcursion = 1.0

    /// A stretch's hold below the protocol's `holdAngle` costs 1 per this many degrees short
    /// (`shallow` is the exercise's own error, so it costs, but only by the target-not-reached
    /// tolerance of the background research, ≥ 5°, doubled).
    public var shallowScale = 10.0
    /// Beyond `holdAngle` a hold costs 1 per this many degrees: any hold past the angle is allowed,
    /// but of two stretches the one whose hold angle is nearer below it is the better explanation
    /// (hamstring at 45°, knee-to-chest at 90°: a hold at 110° is knee-to-chest's). 30° keeps a
    /// knee-to-chest overshoot (138°, 48° past) within `fitLimit`.
    public var beyondScale = 30.0
    /// A protocol without a crossing keeps the thigh in the sagittal plane: adduction within this of
    /// where it started (the natural sway of a leg raise; the piriformis file asks for 10°, the
    /// crossing it calls a crossing).
    public var sagittalBand = 10.0
    /// A pause on the way into a hold (not the start position a protocol asks for) that lasts this
    /// long is part of what the exercise is (piriformis: raise to 45°, pause, cross), seconds.
    public var pauseSeconds = 2.0
    /// A rep's top lasting the protocol's own `reps.holdGrace` shorter than its `reps.holdSeconds`
    /// costs 1 (the grace is how much short the protocol lets a pause be before it is `shortHold`);
    /// this is the scale for a protocol whose grace is 0, seconds.
    public var topScale = 0.5
    /// A top *longer* than `reps.holdSeconds` is no error of the protocol's (its rep counter only
    /// judges a short one), but a top several pauses long is a hold, not that rep: it costs 1 per
    /// `holdSeconds` beyond it, and per this many seconds at least (a protocol asking no pause —
    /// sit-to-stand — still turns with a moment still at the top; 2 s: the lying reps' pause).
    public var topRoom = 2.0
    /// Steps that make a recording walking (for `walk`): the protocols' default `wrongExerciseSteps`.
    public var walkingSteps = 10

    /// Weights of the terms: how much one unit of each costs.
    public var weights = Weights()

    public struct Weights: Sendable, Hashable {
        /// Walking during an exercise that is not a walk, or a walk without walking: on its own
        /// decisive (no other term reaches it).
        public var walking = 3.0
        /// Nothing moved: every exercise but a walk costs this (so none wins).
        public var stillness = 3.0
        /// A stretch's movements without a hold (share of them): decisive like walking (movements
        /// that never hold are not a stretch), so a rep exercise never fits a stretch.
        public var kind = 3.0
        /// Each unit of the hold angle's misfit.
        public var holdAngle = 1.0
        /// The thigh out of the sagittal plane in a stretch without a crossing (a crossing is that
        /// exercise's signature), per unit.
        public var unexpectedCrossing = 1.5
        /// No crossing in a stretch that asks for one: `notCrossed` is that exercise's own error, so
        /// it costs less than a crossing where none belongs.
        public var missingCrossing = 1.0
        /// No pause in the protocol's start band, or a pause on the way where the protocol has none.
        public var startBand = 2.0
        /// A rep's range, per unit: short of the protocol's range by its `reps.rangeTolerance`, or
        /// beyond it by its `reps.overshootBeyond` (the protocol's own thresholds for `shallow` and
        /// `overshoot`: a rep a little past the top is still that rep).
        public var range = 1.0
        /// A rep's top, per unit (short: `reps.holdGrace` or `topScale`; long: `topRoom`).
        public var top = 1.0
        /// A stretch's holds shorter than the protocol's `holdSeconds`, per unit: the share of the
        /// way from the protocol's `holdSeconds` down to `hold.minimumSeconds` (the shortest stillness
        /// that counts as a hold at all). A hold of the minimum is barely one: half of `kind` (no
        /// hold). It is the stretch's own `shortHold` error, so it costs no more than that; it tells
        /// a 30 s stretch from a rep held 5 s (bird-dog against knee-to-chest: the same 90° of thigh
        /// movement to a sensor that cannot see the posture).
        public var holdLength = 1.5
        /// The strap calibration's own cost (`MountingSolution.cost`) of the recording read in the
        /// protocol's posture, axis and direction, per unit of the solver's cost (its hinted
        /// posture 45° off costs 2, a hip placed out of its range over the whole recording 8): the
        /// posture evidence. About 0 for any lying exercise when the recording begins lying (one
        /// rest and a lift fit any posture); walking or 90° movements cost in a posture that cannot
        /// hold them.
        public var posture = 1.0
        /// The angles could not be read in the protocol's posture (no mounting solution).
        public var unreadable = 4.0
        public init() {}
    }

    /// Each term is capped at this many units, so one wild number cannot outweigh the rest.
    public var termCap = 3.0

    /// Confidence from the margin (runner-up's cost − the best's): sure at `sureMargin` or more,
    /// likely at `likelyMargin` or more; and the best must fit (cost ≤ `fitLimit`: two protocol
    /// numbers missed by their tolerance) to be more than unsure.
    public var sureMargin = 1.0
    public var likelyMargin = 0.4
    public var fitLimit = 2.0
    /// To say a recording is clearly another exercise than the one named (`wrongExercise`), the
    /// other must show at least this many of its movements (reps, walking aside): one lift is one
    /// attempt — a session cut short in its first raise reads as a rep of many exercises — while a
    /// set is what tells an exercise. A stretch's hold is its own evidence (one is enough).
    public var clearlyAnotherMovements = 2

    public init() {}
}
