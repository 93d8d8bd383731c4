/// When the two legs' figures of one exercise differ enough to say so. Healthy adults' straight-leg
/// raise differs by 4–5° ± 3.5° between legs, so 10° (the mean plus about two SD) is the default;
/// a hold-time ratio below 0.8 is the other flag (../docs: exercise background, section 3).
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
}
