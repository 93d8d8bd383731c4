/// A whole file's step count against its reference.
public struct StepScore: Sendable, Hashable, Codable {
    /// `steps_reference[score_against]`; nil where there is none.
    public var reference: Int?
    /// The file has no gait at all (no walking, stairs, running or turning label, no step
    /// reference): it should count (almost) no steps.
    public var noGait: Bool
    /// The steps counted; nil when the counter gave none (e.g. a refused file).
    public var counted: Int?
    /// Within `RealEvaluation.stepAllowance(reference:)` of the reference, or 0…`noGaitMaximum`
    /// steps for a file with no gait; nil when the file cannot be scored (gait without a reference).
    public var passes: Bool?

    public init(reference: Int?, noGait: Bool, counted: Int?) {
        self.reference = reference
        self.noGait = noGait
        self.counted = counted
        if let reference {
            passes = counted.map { Double(abs($0 - reference)) <= RealEvaluation.stepAllowance(reference: reference) } ?? false
        } else if noGait {
            passes = counted.map { (0...RealEvaluation.noGaitMaximum).contains($0) } ?? false
        } else {
            passes = nil
        }
    }

    /// The file takes part in the step target.
    public var scored: Bool { passes != nil }
}
