import MotionCore

/// What `ExerciseRecogniser` made of a recording: every protocol scored (lowest cost first), how
/// sure the best is, and what was measured in each protocol's reading. The words are
/// `CueCatalogue`'s (`recognition(_:)`).
public struct ExerciseRecognition: Sendable, Hashable {
    public enum Confidence: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        /// The runner-up fits nearly as well, or nothing fits: name the exercise (`--exercise`).
        case unsure
        case likely
        case sure

        private var rank: Int {
            switch self {
            case .unsure: 0
            case .likely: 1
            case .sure: 2
            }
        }

        public static func < (a: Confidence, b: Confidence) -> Bool { a.rank < b.rank }
    }

    /// What the recording shows read in a protocol's posture, for the reasons. Angles in degrees
    /// (as the protocol measures them: its own neutral or start angle plus the movement), times in
    /// seconds; nil when there was none.
    public struct Observation: Sendable, Hashable {
        public var steps = 0
        /// Movements away from the resting angle (at least `minimumExcursion` long).
        public var movements = 0
        /// Stretch readings: movements with a hold, the mean hold angle and length, the mean
        /// crossing (adduction from the start), the start-band pause's angle.
        public var holds = 0
        public var holdAngle: Double?
        public var holdSeconds: Double?
        public var crossing: Double?
        public var pauseAngle: Double?
        /// Rep readings: the mean range along the protocol's direction (negative: the other way),
        /// the mean top.
        public var range: Double?
        public var topSeconds: Double?
        public init() {}
    }

    /// One protocol's fit.
    public struct Candidate: Sendable, Hashable {
        public var exercise: String
        public var kind: ExerciseProtocol.Kind
        public var posture: Posture
        /// Σ of `terms` (lower is better, 0 a perfect fit).
        public var cost: Double
        public var terms: [RecognitionTerm: Double]
        public var observed: Observation
    }

    /// Every protocol, the best fit first.
    public var candidates: [Candidate]
    public var confidence: Confidence
    /// The runner-up's cost minus the best's (infinity with one protocol).
    public var margin: Double
    /// When the recogniser knew (the end of the recording), seconds since the first sample.
    public var t: Double
    /// Usable samples in the recording.
    public var samples: Int

    public var best: Candidate? { candidates.first }
    /// The recognised exercise's name (nil without protocols).
    public var exercise: String? { best?.exercise }

    public func candidate(_ name: String) -> Candidate? { candidates.first { $0.exercise == name } }

    /// True when the recording is clearly another exercise than `name`: `name` does not fit (its cost
    /// is beyond `fitLimit`: a shallow knee-to-chest is still a knee-to-chest), another one does,
    /// and `name` costs at least `sureMargin` more; a strengthening exercise must show at least
    /// `clearlyAnotherMovements` of its reps. What `wrongExercise` is said on.
    public func isClearlyNot(_ name: String, rules: RecognitionRules = .init()) -> Bool {
        guard let best, best.exercise != name, best.cost <= rules.fitLimit, let given = candidate(name),
              given.cost > rules.fitLimit else { return false }
        if best.kind == .strength && best.observed.movements < rules.clearlyAnotherMovements { return false }
        return given.cost - best.cost >= rules.sureMargin
    }
}
