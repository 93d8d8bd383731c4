/// How formcheck's flexion compares with the gravity reference over one labelled still rest.
public struct RestScore: Sendable, Hashable, Codable {
    /// The rest's label (`sitting`, `standing`, `SEATED`).
    public var label: String
    /// The labelled rest, seconds on the CSV's `t` (the median leaves out `RealEvaluation.trim` at each end).
    public var start: Double
    public var end: Double
    /// The truth's `reference_flexion_deg`, degrees.
    public var reference: Double
    /// Median flexion over the trimmed rest, degrees; nil when formcheck gave no angle there (a
    /// refused file, or angles that start later).
    public var median: Double?
    /// |median − reference|, degrees; nil without a median.
    public var error: Double?
    /// `error` ≤ `RealEvaluation.tolerance`. False without a median.
    public var withinTolerance: Bool
    /// The median has the wrong sense (`RealEvaluation.isSignError`). False without a median.
    public var signError: Bool
    /// A flexed rest (reference ≥ `RealEvaluation.flexedReference`): median − the file's upright
    /// flexion (`FileScore.upright`), degrees; nil for upright rests or when either is unknown.
    public var aboveUpright: Double?

    public init(label: String, start: Double, end: Double, reference: Double, median: Double?, upright: Double? = nil) {
        self.label = label
        self.start = start
        self.end = end
        self.reference = reference
        self.median = median
        error = median.map { abs($0 - reference) }
        withinTolerance = error.map { $0 <= RealEvaluation.tolerance } ?? false
        signError = median.map { RealEvaluation.isSignError(median: $0, reference: reference) } ?? false
        if let median, let upright, reference >= RealEvaluation.flexedReference {
            aboveUpright = median - upright
        }
    }

    /// A flexed rest that reads clearly above upright: `aboveUpright` ≥ half the reference.
    public var clearlyAboveUpright: Bool {
        guard let aboveUpright else { return false }
        return aboveUpright >= RealEvaluation.clearlyAboveFraction * reference
    }
}
