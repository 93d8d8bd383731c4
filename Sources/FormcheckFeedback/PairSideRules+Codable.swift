import MotionCore

/// The `pairSides` object of a routine file: every key optional, the defaults of
/// `PairSideCheck.Rules` (`degrees`: the tilt difference that tells, degrees; `smoothingSeconds`:
/// the specific force's smoothing, seconds).
extension PairSideCheck.Rules: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case degrees, smoothingSeconds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        degrees = try c.decodeIfPresent(Double.self, forKey: .degrees) ?? degrees
        smoothingSeconds = try c.decodeIfPresent(Double.self, forKey: .smoothingSeconds) ?? smoothingSeconds
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(degrees, forKey: .degrees)
        try c.encode(smoothingSeconds, forKey: .smoothingSeconds)
    }
}
