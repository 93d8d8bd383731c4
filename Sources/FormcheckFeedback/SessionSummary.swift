import MotionCore

/// The end of a session: every hold, every form error, and for walking the steps, cadence, time in
/// gait and distance.
public struct SessionSummary: Sendable, Hashable, Codable {
    public struct Hold: Sendable, Hashable, Codable {
        public var rep: Int
        public var side: Side
        public var start: Double
        public var end: Double
        public var duration: Double
        public var meanFlexion: Double
        public var peakFlexion: Double
        public var complete: Bool
    }

    /// A strengthening repetition: `start`/`end` seconds, `peak` flexion and `range` degrees,
    /// `upSeconds`/`downSeconds` seconds; complete without overshoot, shallow or sagging.
    public struct Rep: Sendable, Hashable, Codable {
        public var rep: Int
        public var set: Int
        public var side: Side
        public var start: Double
        public var end: Double
        public var peak: Double
        public var range: Double
        public var upSeconds: Double
        public var downSeconds: Double
        public var complete: Bool
    }

    public struct Error: Sendable, Hashable, Codable {
        public var t: Double
        public var kind: FormError
        public var rep: Int?
    }

    public struct Slip: Sendable, Hashable, Codable {
        public var t: Double
        /// Degrees the strap turned on the thigh.
        public var degrees: Double
    }

    /// Seconds since the first sample, at the end.
    public var t: Double
    public var exercise: String
    public var side: Side
    public var holds: [Hold]
    public var formErrors: [Error]
    public var strapSlips: [Slip] = []
    /// Strengthening: every rep, in order (nil for stretches and walking: no `reps` key in JSON).
    public var reps: [Rep]? = nil
    /// Walking: steps in gait (walking, stairs, running).
    public var steps: Int?
    /// Walking: steps per minute over the time in gait.
    public var cadence: Double?
    /// Walking: seconds in gait.
    public var walkingSeconds: Double? = nil
    /// Walking: metres (level walking; needs the user's height or a calibrated stride).
    public var distanceMeters: Double? = nil
    /// Walking: what the distance was worked out from (nil: no distance, or not known). Not in
    /// the JSON Lines summary (its contract is fixed); the text summary and the history keep it.
    public var distanceSource: DistanceSource? = nil
}
