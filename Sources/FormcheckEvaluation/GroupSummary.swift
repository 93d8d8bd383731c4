/// The figures of a set of files (one participant's, or all of them).
public struct GroupSummary: Sendable, Hashable, Codable {
    /// The participant's id, or `all`.
    public var name: String
    public var files: Int
    public var filesRefused: Int
    /// Labelled still rests of at least 1.5 s, and how many read within the tolerance.
    public var rests: Int
    public var restsWithin: Int
    /// restsWithin / rests, 0…1; nil without rests.
    public var fractionWithin: Double?
    /// Median and largest |error| over every measured rest, degrees.
    public var medianError: Double?
    public var worstError: Double?
    public var signErrors: Int
    /// Flexed rests (reference ≥ 45°) measured against an upright flexion, and how many read
    /// clearly above it (`RestScore.clearlyAboveUpright`).
    public var flexedRests: Int
    public var flexedRestsAboveUpright: Int
    /// Files that take part in the step target, and how many pass.
    public var stepFiles: Int
    public var stepFilesPassing: Int

    public init(name: String, files scores: [FileScore]) {
        self.name = name
        files = scores.count
        filesRefused = scores.count(where: { $0.refused != nil })
        let all = scores.flatMap(\.rests)
        rests = all.count
        restsWithin = all.count(where: { $0.withinTolerance })
        fractionWithin = rests > 0 ? Double(restsWithin) / Double(rests) : nil
        let errors = all.compactMap(\.error)
        medianError = RealEvaluation.median(errors)
        worstError = errors.max()
        signErrors = all.count(where: { $0.signError })
        flexedRests = all.count(where: { $0.aboveUpright != nil })
        flexedRestsAboveUpright = all.count(where: { $0.clearlyAboveUpright })
        stepFiles = scores.count(where: { $0.steps.scored })
        stepFilesPassing = scores.count(where: { $0.steps.passes == true })
    }
}
