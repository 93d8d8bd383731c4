/// When the two legs' figures of one exercise differ enough to say so. Healthy adults' straight-leg
/// raise differs by 4–5° ± 3.5° between legs, so 10° (the mean plus about two SD) is the default;
/// a hold-time ratio below 0.8 is the other flag (../docs: exercise background, section 3). An
/// exercise protocol's `symmetry` object (`ExerciseProtocol.symmetry`).
public struct SymmetryRules: Sendable, Hashable, Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case degrees, holdRatio }

    /// Peak angles differing by more than this are flagged, degrees (> 0).
    public var degrees = 10.0
    /// Time under stretch (or complete reps) of the weaker side below this fraction of the
    /// stronger side's is flagged, 0…1.
    public var holdRatio = 0.8

    public init() {}

    public init(degrees: Double, holdRatio: Double) {
        self.degrees = degrees
        self.holdRatio = holdRatio
    }

    /// A protocol's `symmetry` object: each key optional, its default otherwise.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        degrees = try c.decodeIfPresent(Double.self, forKey: .degrees) ?? degrees
        holdRatio = try c.decodeIfPresent(Double.self, forKey: .holdRatio) ?? holdRatio
    }
}
