/// The plan file's JSON: `name` and `description` are required; every other key takes the default
/// of `PlanRules` when left out. Encoding writes every number. Unknown keys are refused by
/// `PlanLibrary.decode` (with their JSON path, line and a "did you mean").
extension PlanRules: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, walking, holds, reps, pain, completion
    }

    /// The keys each object of the file may have, by the key that holds it ("" for the top level).
    static let allowedKeys: [String: [String]] = [
        "": CodingKeys.allCases.map(\.rawValue),
        "walking": Walking.CodingKeys.allCases.map(\.rawValue),
        "holds": Holds.CodingKeys.allCases.map(\.rawValue),
        "reps": Reps.CodingKeys.allCases.map(\.rawValue),
        "pain": Pain.CodingKeys.allCases.map(\.rawValue),
        "completion": Completion.CodingKeys.allCases.map(\.rawValue),
    ]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), description: try c.decode(String.self, forKey: .description))
        walking = try c.decodeIfPresent(Walking.self, forKey: .walking) ?? walking
        holds = try c.decodeIfPresent(Holds.self, forKey: .holds) ?? holds
        reps = try c.decodeIfPresent(Reps.self, forKey: .reps) ?? reps
        pain = try c.decodeIfPresent(Pain.self, forKey: .pain) ?? pain
        completion = try c.decodeIfPresent(Completion.self, forKey: .completion) ?? completion
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(walking, forKey: .walking)
        try c.encode(holds, forKey: .holds)
        try c.encode(reps, forKey: .reps)
        try c.encode(pain, forKey: .pain)
        try c.encode(completion, forKey: .completion)
    }
}

extension PlanRules.Walking {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        startMetres = try c.decodeIfPresent(Double.self, forKey: .startMetres) ?? startMetres
        fromFirstWeek = try c.decodeIfPresent(Bool.self, forKey: .fromFirstWeek) ?? fromFirstWeek
        weeklyGrowth = try c.decodeIfPresent(Double.self, forKey: .weeklyGrowth) ?? weeklyGrowth
        stepBack = try c.decodeIfPresent(Double.self, forKey: .stepBack) ?? stepBack
        minimumMetres = try c.decodeIfPresent(Double.self, forKey: .minimumMetres) ?? minimumMetres
        metresPerSecond = try c.decodeIfPresent(Double.self, forKey: .metresPerSecond) ?? metresPerSecond
    }
}

extension PlanRules.Holds {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        growthSeconds = try c.decodeIfPresent(Double.self, forKey: .growthSeconds) ?? growthSeconds
        capSeconds = try c.decodeIfPresent(Double.self, forKey: .capSeconds) ?? capSeconds
        stepBackSeconds = try c.decodeIfPresent(Double.self, forKey: .stepBackSeconds) ?? stepBackSeconds
        minimumSeconds = try c.decodeIfPresent(Double.self, forKey: .minimumSeconds) ?? minimumSeconds
    }
}

extension PlanRules.Reps {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        growthPerSet = try c.decodeIfPresent(Int.self, forKey: .growthPerSet) ?? growthPerSet
        capPerSet = try c.decodeIfPresent(Int.self, forKey: .capPerSet) ?? capPerSet
        stepBackPerSet = try c.decodeIfPresent(Int.self, forKey: .stepBackPerSet) ?? stepBackPerSet
        minimumPerSet = try c.decodeIfPresent(Int.self, forKey: .minimumPerSet) ?? minimumPerSet
    }
}

extension PlanRules.Pain {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        weeklyRise = try c.decodeIfPresent(Double.self, forKey: .weeklyRise) ?? weeklyRise
        sessionRise = try c.decodeIfPresent(Int.self, forKey: .sessionRise) ?? sessionRise
    }
}

extension PlanRules.Completion {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        days = try c.decodeIfPresent(Int.self, forKey: .days) ?? days
        walkingFraction = try c.decodeIfPresent(Double.self, forKey: .walkingFraction) ?? walkingFraction
        maximumFormErrors = try c.decodeIfPresent(Int.self, forKey: .maximumFormErrors) ?? maximumFormErrors
    }
}
