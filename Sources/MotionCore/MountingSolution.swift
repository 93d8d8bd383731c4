/// How the strap sits on the thigh, as `MountingSolver` worked it out, and how sure it is.
public struct MountingSolution: Sendable, Hashable {
    /// How sure the solver is: the cost gap to the best materially different hypothesis.
    public enum Confidence: String, Sendable, Hashable, Codable, Comparable {
        /// Another hypothesis explains the recording almost as well (gap < `likelyGap`).
        case unsure
        case likely
        /// The gap is at least `sureGap`.
        case sure

        public static let likelyGap = 0.3
        public static let sureGap = 1.0

        init(gap: Double) {
            self = gap >= Self.sureGap ? .sure : (gap >= Self.likelyGap ? .likely : .unsure)
        }

        private var rank: Int {
            switch self {
            case .unsure: 0
            case .likely: 1
            case .sure: 2
            }
        }

        public static func < (a: Confidence, b: Confidence) -> Bool { a.rank < b.rank }
    }

    /// What fixed the answer, strongest first.
    public enum Cue: String, Sendable, Hashable, Codable {
        /// Walking: the thigh's swing fixed the axis's sign and where upright is.
        case walking
        /// Anatomy: the other hypotheses put the thigh where a hip cannot go.
        case anatomy
        /// The exercise's posture: the session begins in it.
        case posture
        /// The rests: a resting thigh is upright, horizontal or hook-lying, not in between.
        case restPosture
        /// The sensor's face lies flat on the thigh (its normal is across the femur).
        case strapFace
        /// A stored calibration gave the mounting.
        case stored
        /// The exercise's movement: the other hypotheses read it going the other way.
        case movement
    }

    /// Thigh ← sensor rotation (see `StrapCalibration.mounting`).
    public var mounting: Quaternion
    public var confidence: Confidence
    /// Cost of the chosen hypothesis and of the best materially different one (lower is better).
    public var cost: Double
    public var alternativeCost: Double
    /// The cues that separated the chosen hypothesis from the alternative.
    public var cues: [Cue]
    /// Each rest the solution was made from, with the posture it reads as.
    public var rests: [RestPosture]
    /// Seconds of walking the evidence held.
    public var walkingSeconds = 0.0
    /// What the mounting in use (`MountingSolver.solve(current:)`) costs on the same evidence.
    public var currentCost: Double?

    /// True when the recording showed the thigh upright: a standing rest or walking.
    public var sawUpright: Bool { walkingSeconds >= 2 || rests.contains { $0.posture == .standing } }

    /// A rest and its posture.
    public struct RestPosture: Sendable, Hashable {
        public var rest: MountingEvidence.Rest
        /// The thigh's inclination from straight down, degrees, positive knee forward/up (−180…180).
        public var inclination: Double
        public var posture: Posture
        /// False when one thigh sensor cannot tell this posture from another (sitting and lying
        /// flat hold the thigh alike) and nothing else in the recording told them apart.
        public var certain: Bool
    }

    public init(mounting: Quaternion, confidence: Confidence, cost: Double, alternativeCost: Double,
                cues: [Cue], rests: [RestPosture]) {
        self.mounting = mounting
        self.confidence = confidence
        self.cost = cost
        self.alternativeCost = alternativeCost
        self.cues = cues
        self.rests = rests
    }
}
