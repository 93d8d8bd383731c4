import MotionCore

/// The evaluation of one real recording: its still rests, its steps, or why formcheck refused it.
public struct FileScore: Sendable, Hashable, Codable {
    /// `NAME` of `NAME.csv`.
    public var name: String
    /// The truth's `participant.id`.
    public var participant: String
    public var side: Side
    /// Every labelled still rest of at least `RealEvaluation.minimumRest` seconds, in order —
    /// measured or not (a refused file's rests have no median and count as missed).
    public var rests: [RestScore]
    public var steps: StepScore
    /// Why formcheck gave no angles for this file (it could not read it, or never calibrated the
    /// strap); nil when it measured it.
    public var refused: String?
    /// The file's upright flexion, degrees: the median over its walking segments, or where it has
    /// none over its upright still rests (reference < `RealEvaluation.flexedReference`); nil
    /// without either.
    public var upright: Double?

    /// Rests within `RealEvaluation.tolerance`.
    public let restsWithin: Int
    /// Median and largest |error| over the measured rests, degrees.
    public let medianError: Double?
    public let worstError: Double?
    /// Rests whose flexion has the wrong sense.
    public let signErrors: Int

    public init(name: String, participant: String, side: Side, rests: [RestScore], steps: StepScore,
                refused: String? = nil, upright: Double? = nil) {
        self.name = name
        self.participant = participant
        self.side = side
        self.rests = rests
        self.steps = steps
        self.refused = refused
        self.upright = upright
        restsWithin = rests.count(where: { $0.withinTolerance })
        let errors = rests.compactMap(\.error)
        medianError = RealEvaluation.median(errors)
        worstError = errors.max()
        signErrors = rests.count(where: { $0.signError })
    }
}
