import MotionCore

/// The protocol file's JSON: every key optional except name, title, instructions, kind and posture
/// (missing numbers take the defaults of `ExerciseProtocol`); encoding writes every number.
/// Unknown keys are refused by `ExerciseLibrary.load` (with the line and a "did you mean").
extension ExerciseProtocol: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, title, instructions, kind, posture, neutralFlexion, startBand, holdAngle, holdSeconds, repsPerSide
        case minimumAdduction, overshootAngle, maximumRate, rearmRate, correctionIntervalSeconds, strapSlipQuietSeconds, rateSmoothingHz, hold, bounce, guidance
        case briskCadence, pace, wrongExerciseSteps, reps, symmetry
    }

    /// The keys each object of the file may have, by the key that holds it ("" for the top level).
    static let allowedKeys: [String: [String]] = [
        "": CodingKeys.allCases.map(\.rawValue),
        "startBand": Band.CodingKeys.allCases.map(\.rawValue),
        "hold": HoldRules.CodingKeys.allCases.map(\.rawValue),
        "bounce": BounceRules.CodingKeys.allCases.map(\.rawValue),
        "guidance": GuidanceRules.CodingKeys.allCases.map(\.rawValue),
        "pace": PaceRules.CodingKeys.allCases.map(\.rawValue),
        "reps": RepRules.CodingKeys.allCases.map(\.rawValue),
        "symmetry": SymmetryRules.CodingKeys.allCases.map(\.rawValue),
    ]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), title: try c.decode(String.self, forKey: .title),
                  instructions: try c.decode(String.self, forKey: .instructions), kind: try c.decode(Kind.self, forKey: .kind),
                  posture: try c.decode(Posture.self, forKey: .posture))
        neutralFlexion = try c.decodeIfPresent(Double.self, forKey: .neutralFlexion) ?? neutralFlexion
        startBand = try c.decodeIfPresent(Band.self, forKey: .startBand)
        holdAngle = try c.decodeIfPresent(Double.self, forKey: .holdAngle)
        holdSeconds = try c.decodeIfPresent(Double.self, forKey: .holdSeconds)
        repsPerSide = try c.decodeIfPresent(Int.self, forKey: .repsPerSide)
        minimumAdduction = try c.decodeIfPresent(Double.self, forKey: .minimumAdduction)
        overshootAngle = try c.decodeIfPresent(Double.self, forKey: .overshootAngle)
        maximumRate = try c.decodeIfPresent(Double.self, forKey: .maximumRate)
        rearmRate = try c.decodeIfPresent(Double.self, forKey: .rearmRate) ?? rearmRate
        correctionIntervalSeconds = try c.decodeIfPresent(Double.self, forKey: .correctionIntervalSeconds) ?? correctionIntervalSeconds
        strapSlipQuietSeconds = try c.decodeIfPresent(Double.self, forKey: .strapSlipQuietSeconds) ?? strapSlipQuietSeconds
        rateSmoothingHz = try c.decodeIfPresent(Double.self, forKey: .rateSmoothingHz) ?? rateSmoothingHz
        hold = try c.decodeIfPresent(HoldRules.self, forKey: .hold) ?? hold
        bounce = try c.decodeIfPresent(BounceRules.self, forKey: .bounce)
        guidance = try c.decodeIfPresent(GuidanceRules.self, forKey: .guidance) ?? guidance
        briskCadence = try c.decodeIfPresent(Double.self, forKey: .briskCadence)
        pace = try c.decodeIfPresent(PaceRules.self, forKey: .pace) ?? pace
        wrongExerciseSteps = try c.decodeIfPresent(Int.self, forKey: .wrongExerciseSteps) ?? wrongExerciseSteps
        reps = try c.decodeIfPresent(RepRules.self, forKey: .reps)
        symmetry = try c.decodeIfPresent(SymmetryRules.self, forKey: .symmetry) ?? symmetry
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(title, forKey: .title)
        try c.encode(instructions, forKey: .instructions)
        try c.encode(kind, forKey: .kind)
        try c.encode(posture, forKey: .posture)
        try c.encode(neutralFlexion, forKey: .neutralFlexion)
        try c.encodeIfPresent(startBand, forKey: .startBand)
        try c.encodeIfPresent(holdAngle, forKey: .holdAngle)
        try c.encodeIfPresent(holdSeconds, forKey: .holdSeconds)
        try c.encodeIfPresent(repsPerSide, forKey: .repsPerSide)
        try c.encodeIfPresent(minimumAdduction, forKey: .minimumAdduction)
        try c.encodeIfPresent(overshootAngle, forKey: .overshootAngle)
        try c.encodeIfPresent(maximumRate, forKey: .maximumRate)
        try c.encodeIfPresent(briskCadence, forKey: .briskCadence)
        try c.encodeIfPresent(bounce, forKey: .bounce)
        try c.encode(correctionIntervalSeconds, forKey: .correctionIntervalSeconds)
        try c.encode(strapSlipQuietSeconds, forKey: .strapSlipQuietSeconds)
        switch kind {
        case .stretch:
            try c.encode(rearmRate, forKey: .rearmRate)
            try c.encode(rateSmoothingHz, forKey: .rateSmoothingHz)
            try c.encode(hold, forKey: .hold)
            try c.encode(wrongExerciseSteps, forKey: .wrongExerciseSteps)
            try c.encode(symmetry, forKey: .symmetry)
        case .walk:
            try c.encode(pace, forKey: .pace)
        case .strength:
            try c.encode(rateSmoothingHz, forKey: .rateSmoothingHz)
            try c.encode(reps ?? RepRules(), forKey: .reps)
            try c.encode(wrongExerciseSteps, forKey: .wrongExerciseSteps)
            try c.encode(symmetry, forKey: .symmetry)
        }
        try c.encode(guidance, forKey: .guidance)
    }
}

extension ExerciseProtocol.HoldRules {

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        minimumSeconds = try c.decodeIfPresent(Double.self, forKey: .minimumSeconds) ?? minimumSeconds
        lowPassHz = try c.decodeIfPresent(Double.self, forKey: .lowPassHz) ?? lowPassHz
        steadyRate = try c.decodeIfPresent(Double.self, forKey: .steadyRate) ?? steadyRate
        dipGrace = try c.decodeIfPresent(Double.self, forKey: .dipGrace) ?? dipGrace
        endAfter = try c.decodeIfPresent(Double.self, forKey: .endAfter) ?? endAfter
        boundaryBand = try c.decodeIfPresent(Double.self, forKey: .boundaryBand) ?? boundaryBand
        awayFromNeutral = try c.decodeIfPresent(Double.self, forKey: .awayFromNeutral) ?? awayFromNeutral
        countdownMarks = try c.decodeIfPresent([Double].self, forKey: .countdownMarks) ?? countdownMarks
        correctionRepeatSeconds = try c.decodeIfPresent(Double.self, forKey: .correctionRepeatSeconds) ?? correctionRepeatSeconds
        overshootHysteresis = try c.decodeIfPresent(Double.self, forKey: .overshootHysteresis) ?? overshootHysteresis
    }
}

extension ExerciseProtocol.BounceRules {

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        reversals = try c.decodeIfPresent(Int.self, forKey: .reversals) ?? reversals
        peakToPeak = try c.decodeIfPresent(Double.self, forKey: .peakToPeak) ?? peakToPeak
        window = try c.decodeIfPresent(Double.self, forKey: .window) ?? window
    }
}

extension ExerciseProtocol.GuidanceRules {

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        settleSeconds = try c.decodeIfPresent(Double.self, forKey: .settleSeconds) ?? settleSeconds
        stillRate = try c.decodeIfPresent(Double.self, forKey: .stillRate) ?? stillRate
        settledRate = try c.decodeIfPresent(Double.self, forKey: .settledRate) ?? settledRate
    }
}

extension ExerciseProtocol.PaceRules {

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        checkSeconds = try c.decodeIfPresent(Double.self, forKey: .checkSeconds) ?? checkSeconds
        progressSeconds = try c.decodeIfPresent(Double.self, forKey: .progressSeconds) ?? progressSeconds
    }
}

extension ExerciseProtocol.RepRules {

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        startAngle = try c.decodeIfPresent(Double.self, forKey: .startAngle) ?? startAngle
        startTolerance = try c.decodeIfPresent(Double.self, forKey: .startTolerance) ?? startTolerance
        topAngle = try c.decodeIfPresent(Double.self, forKey: .topAngle) ?? topAngle
        rangeTolerance = try c.decodeIfPresent(Double.self, forKey: .rangeTolerance) ?? rangeTolerance
        overshootBeyond = try c.decodeIfPresent(Double.self, forKey: .overshootBeyond) ?? overshootBeyond
        leaveBand = try c.decodeIfPresent(Double.self, forKey: .leaveBand) ?? leaveBand
        boundaryBand = try c.decodeIfPresent(Double.self, forKey: .boundaryBand) ?? boundaryBand
        topRate = try c.decodeIfPresent(Double.self, forKey: .topRate) ?? topRate
        lowerRate = try c.decodeIfPresent(Double.self, forKey: .lowerRate) ?? lowerRate
        stillRate = try c.decodeIfPresent(Double.self, forKey: .stillRate) ?? stillRate
        minimumUpSeconds = try c.decodeIfPresent(Double.self, forKey: .minimumUpSeconds) ?? minimumUpSeconds
        minimumDownSeconds = try c.decodeIfPresent(Double.self, forKey: .minimumDownSeconds) ?? minimumDownSeconds
        holdSeconds = try c.decodeIfPresent(Double.self, forKey: .holdSeconds) ?? holdSeconds
        holdGrace = try c.decodeIfPresent(Double.self, forKey: .holdGrace) ?? holdGrace
        sagDegrees = try c.decodeIfPresent(Double.self, forKey: .sagDegrees) ?? sagDegrees
        perSet = try c.decodeIfPresent(Int.self, forKey: .perSet) ?? perSet
        sets = try c.decodeIfPresent(Int.self, forKey: .sets) ?? sets
        restSeconds = try c.decodeIfPresent(Double.self, forKey: .restSeconds) ?? restSeconds
        perSide = try c.decodeIfPresent(Bool.self, forKey: .perSide) ?? perSide
        if let name = try c.decodeIfPresent(String.self, forKey: .axis) {
            guard let a = MovementAxis(rawValue: name) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: c.codingPath + [CodingKeys.axis],
                    debugDescription: "axis must be one of \(MovementAxis.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), not \"\(name)\""))
            }
            axis = a
        }
        compensationDegrees = try c.decodeIfPresent(Double.self, forKey: .compensationDegrees) ?? compensationDegrees
    }
}
