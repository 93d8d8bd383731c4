import MotionCore

/// The routine file's JSON: `name`, `title`, `description` and `exercises` are required; the
/// other keys take the defaults of `Routine`. Unknown keys are refused by `RoutineLibrary.decode`
/// (with the line and a "did you mean").
extension Routine: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, title, description, firstSide, strapMoveSeconds, settleSeconds, positionSeconds, strapMove, pairSides, exercises
    }

    /// The keys each object of the file may have, by the key that holds it ("" for the top level).
    static let allowedKeys: [String: [String]] = [
        "": CodingKeys.allCases.map(\.rawValue),
        "exercises": Entry.CodingKeys.allCases.map(\.rawValue),
        "strapMove": StrapMoveDetector.Rules.CodingKeys.allCases.map(\.rawValue),
        "pairSides": PairSideCheck.Rules.CodingKeys.allCases.map(\.rawValue),
    ]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), title: try c.decode(String.self, forKey: .title),
                  description: try c.decode(String.self, forKey: .description),
                  entries: try c.decode([Entry].self, forKey: .exercises))
        firstSide = try c.decodeIfPresent(Side.self, forKey: .firstSide) ?? firstSide
        strapMoveSeconds = try c.decodeIfPresent(Double.self, forKey: .strapMoveSeconds) ?? strapMoveSeconds
        settleSeconds = try c.decodeIfPresent(Double.self, forKey: .settleSeconds) ?? settleSeconds
        positionSeconds = try c.decodeIfPresent(Double.self, forKey: .positionSeconds) ?? positionSeconds
        strapMove = try c.decodeIfPresent(StrapMoveDetector.Rules.self, forKey: .strapMove) ?? strapMove
        pairSides = try c.decodeIfPresent(PairSideCheck.Rules.self, forKey: .pairSides) ?? pairSides
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(title, forKey: .title)
        try c.encode(description, forKey: .description)
        try c.encode(firstSide, forKey: .firstSide)
        try c.encode(strapMoveSeconds, forKey: .strapMoveSeconds)
        try c.encode(settleSeconds, forKey: .settleSeconds)
        try c.encode(positionSeconds, forKey: .positionSeconds)
        try c.encode(strapMove, forKey: .strapMove)
        try c.encode(pairSides, forKey: .pairSides)
        try c.encode(entries, forKey: .exercises)
    }
}

/// An entry: `exercise` and `sides` required, the dose's numbers optional (the protocol's when left out).
extension Routine.Entry: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case exercise, sides, holds, holdSeconds, sets, perSet, restSeconds, minutes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(exercise: try c.decode(String.self, forKey: .exercise), sides: try c.decode(Routine.Sides.self, forKey: .sides),
                  holds: try c.decodeIfPresent(Int.self, forKey: .holds), holdSeconds: try c.decodeIfPresent(Double.self, forKey: .holdSeconds),
                  sets: try c.decodeIfPresent(Int.self, forKey: .sets), perSet: try c.decodeIfPresent(Int.self, forKey: .perSet),
                  restSeconds: try c.decodeIfPresent(Double.self, forKey: .restSeconds),
                  minutes: try c.decodeIfPresent(Double.self, forKey: .minutes))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(exercise, forKey: .exercise)
        try c.encode(sides, forKey: .sides)
        try c.encodeIfPresent(holds, forKey: .holds)
        try c.encodeIfPresent(holdSeconds, forKey: .holdSeconds)
        try c.encodeIfPresent(sets, forKey: .sets)
        try c.encodeIfPresent(perSet, forKey: .perSet)
        try c.encodeIfPresent(restSeconds, forKey: .restSeconds)
        try c.encodeIfPresent(minutes, forKey: .minutes)
    }
}
