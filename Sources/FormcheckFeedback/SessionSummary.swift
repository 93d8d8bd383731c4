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

        public init(rep: Int, side: Side, start: Double, end: Double, duration: Double, meanFlexion: Double,
                    peakFlexion: Double, complete: Bool) {
            self.rep = rep
            self.side = side
            self.start = start
            self.end = end
            self.duration = duration
            self.meanFlexion = meanFlexion
            self.peakFlexion = peakFlexion
            self.complete = complete
        }
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

        public init(rep: Int, set: Int, side: Side, start: Double, end: Double, peak: Double, range: Double,
                    upSeconds: Double, downSeconds: Double, complete: Bool) {
            self.rep = rep
            self.set = set
            self.side = side
            self.start = start
            self.end = end
            self.peak = peak
            self.range = range
            self.upSeconds = upSeconds
            self.downSeconds = downSeconds
            self.complete = complete
        }
    }

    public struct Error: Sendable, Hashable, Codable {
        public var t: Double
        public var kind: FormError
        public var rep: Int?

        public init(t: Double, kind: FormError, rep: Int? = nil) {
            self.t = t
            self.kind = kind
            self.rep = rep
        }
    }

    public struct Slip: Sendable, Hashable, Codable {
        public var t: Double
        /// Degrees the strap turned on the thigh.
        public var degrees: Double

        public init(t: Double, degrees: Double) {
            self.t = t
            self.degrees = degrees
        }
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

    public init(
        t: Double, exercise: String, side: Side, holds: [Hold], formErrors: [Error], strapSlips: [Slip] = [],
        reps: [Rep]? = nil, steps: Int? = nil, cadence: Double? = nil, walkingSeconds: Double? = nil,
        distanceMeters: Double? = nil, distanceSource: DistanceSource? = nil
    ) {
        self.t = t
        self.exercise = exercise
        self.side = side
        self.holds = holds
        self.formErrors = formErrors
        self.strapSlips = strapSlips
        self.reps = reps
        self.steps = steps
        self.cadence = cadence
        self.walkingSeconds = walkingSeconds
        self.distanceMeters = distanceMeters
        self.distanceSource = distanceSource
    }
}
