import MotionCore

/// What really happened in a simulated session, written beside the recording as NAME.truth.json.
/// Times are seconds since the first sample of the recording; angles in degrees.
public struct ScenarioTruth: Sendable, Hashable, Codable {
    public struct Hold: Sendable, Hashable, Codable {
        public var rep: Int
        public var side: Side
        /// From when the thigh comes within 2° of its hold angle to when it leaves that band on
        /// release (nominal trajectory: without sway or bounce).
        public var start: Double
        public var end: Double
        public var duration: Double
        /// The hold angle (nominal flexion), degrees.
        public var flexion: Double
    }

    public struct Series: Sendable, Hashable, Codable {
        /// Decimation rate, Hz.
        public var rate: Double
        public var t: [Double]
        public var flexion: [Double]
        public var adduction: [Double]
    }

    public struct Gap: Sendable, Hashable, Codable {
        /// Time of the first lost sample.
        public var t: Double
        public var frames: Int
    }

    public struct Slip: Sendable, Hashable, Codable {
        public var start: Double
        public var end: Double
        /// Rotation of the strap about the thigh's long axis, degrees.
        public var angle: Double
    }

    /// A still rest: a run of rest steps, in which the thigh, the hip and the strap do not move.
    public struct Rest: Sendable, Hashable, Codable {
        /// Seconds since the first sample.
        public var start: Double
        public var end: Double
        /// The posture the body is in (as the scenario's steps put it: pelvis and hip height).
        public var posture: Posture
        /// Hip angles relative to the pelvis, degrees (`HipAngles`).
        public var flexion: Double
        public var adduction: Double
        public var rotation: Double
        /// Angle of the thigh's long axis (hip → knee) from straight down, degrees 0…180: 0 standing,
        /// 90 sitting or lying flat, above 90 with the knee higher than the hip.
        public var inclination: Double
    }

    /// A walking bout: one walk step.
    public struct Walk: Sendable, Hashable, Codable {
        /// Seconds since the first sample (an under-way walk starts at 0, already walking).
        public var start: Double
        public var end: Double
        /// Heel strikes in (start, end], both legs.
        public var steps: Int
        /// Steps per minute.
        public var cadence: Double
        /// Times of the heel strikes in (start, end], seconds since the first sample: the sensor
        /// leg's own (at the end of its swing, the thigh near its most flexed) and the other leg's
        /// (half a stride later, the thigh extended); together `steps` of them.
        public var sensorLegStrikes: [Double]
        public var otherLegStrikes: [Double]
    }

    /// A repetition of a strengthening exercise: one excursion of the nominal hip angles away from
    /// the start position (the angles of the session's first still rest) and back. Truth convention,
    /// like the holds': from when the nominal flexion–adduction distance from the start position
    /// exceeds 2° to when it is back within 2°; an excursion that never gets 5° away is not a rep.
    /// Sets: a pause of at least `setBreak` seconds between two reps starts a new set.
    public struct Rep: Sendable, Hashable, Codable {
        public var rep: Int
        public var set: Int
        public var side: Side
        /// Seconds since the first sample.
        public var start: Double
        public var end: Double
        /// Nominal hip angles at the point furthest from the start position, degrees.
        public var peakFlexion: Double
        public var peakAdduction: Double
        /// That greatest distance from the start position (flexion and adduction), degrees.
        public var range: Double
        /// No overshoot, shallow or sagging is expected of this rep (`formErrors`).
        public var complete: Bool
    }

    /// The strap taken off one thigh and strapped on the other (a `strap` step).
    public struct StrapMove: Sendable, Hashable, Codable {
        /// The strap step's start (the sensor leaves the thigh) and end (strapped on the new one), seconds.
        public var start: Double
        public var end: Double
        /// The thigh it goes on.
        public var side: Side
        /// Thigh ← sensor on the new thigh (scalar first).
        public var mounting: [Double]
    }

    /// What was done between exercise markers and strap moves (routine scenarios).
    public struct Exercise: Sendable, Hashable, Codable {
        /// A protocol name.
        public var exercise: String
        /// The thigh the sensor is on.
        public var side: Side
        /// Seconds since the first sample.
        public var start: Double
        public var end: Double
    }

    /// Reps are counted only for these exercises (the strengthening ones).
    public static let repExercises: Set<String> = ["bridge", "straight-leg-raise", "clamshell", "side-lying-abduction", "bird-dog", "sit-to-stand"]
    /// A pause between reps at least this long starts a new set, seconds.
    public static let setBreak = 10.0

    public var scenario: String
    public var summary: String
    public var exercise: String
    public var side: Side
    public var posture: Posture
    public var device: DeviceModel
    public var seed: UInt64
    public var duration: Double
    public var sampleRate: Double
    /// Thigh ← sensor rotation at the start (scalar first).
    public var mounting: [Double]
    /// Gyroscope bias at the start, °/s per sensor axis.
    public var gyroBias: [Double]
    public var holds: [Hold]
    public var formErrors: [Scenario.ExpectedError]
    public var steps: Int?
    public var cadence: Double?
    public var gaps: [Gap]
    public var slips: [Slip]
    public var angles: Series
    /// Every still rest, in order.
    public var rests: [Rest]
    /// Every walking bout, in order.
    public var walks: [Walk]
    /// Every repetition, in order (strengthening exercises only: nil for the others, so their
    /// truth files do not carry the key).
    public var reps: [Rep]?
    /// Every strap move, in order (nil when there is none: the key is absent).
    public var strapMoves: [StrapMove]? = nil
    /// Routine scenarios (exercise markers or strap moves): every exercise segment, in order (nil
    /// otherwise: the key is absent). Holds and reps belong to the segment they fall in.
    public var exercises: [Exercise]? = nil
}
