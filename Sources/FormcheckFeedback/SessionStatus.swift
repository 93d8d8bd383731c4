import MotionCore

/// What the live view shows at a moment: the angle, the target, the hold's progress, the reps.
public struct SessionStatus: Sendable, Hashable {
    public var t: Double = 0
    /// Current flexion and adduction, degrees (nil before calibration).
    public var flexion: Double?
    public var adduction: Double?
    /// Where to go: the start band or the hold angle, degrees.
    public var target: ClosedRange<Double>?
    public var holding = false
    /// Seconds counted in the current hold, and left to the hold time.
    public var held: Double?
    public var secondsLeft: Double?
    public var holdSeconds: Double?
    /// Holds done on this side, and the protocol's count.
    public var reps = 0
    public var repsPerSide: Int?
    public var steps: Int?
    public var cadence: Double?
    public var lastCue: String?
    /// The correction in force while a hold is out of its band (shown until corrected).
    public var banner: String?
    public var calibrated = false
    /// Strengthening: the set under way (1…`sets`) and how many there are.
    public var set: Int?
    public var sets: Int?
    /// Strengthening: resting between sets.
    public var resting = false
    /// Strengthening: where the rep is — start, up, top or down (nil before the start position) —
    /// and since when, seconds on the session clock.
    public var stage: RepStage?
    public var stageSince: Double?
    /// Strengthening: the last finished rep's range and whether it was complete, degrees.
    public var lastRange: Double?
    public var lastComplete: Bool?

    public init() {}
}
