import MotionCore

/// The `strapMove` object of a routine file: every key optional, the defaults of
/// `StrapMoveDetector.Rules` (rates in °/s, accelerations in m/s², times in seconds, angles in degrees).
extension StrapMoveDetector.Rules: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case handlingRate, handlingAcceleration, handlingSeconds, onRestSeconds, samePoseDegrees
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        handlingRate = try c.decodeIfPresent(Double.self, forKey: .handlingRate) ?? handlingRate
        handlingAcceleration = try c.decodeIfPresent(Double.self, forKey: .handlingAcceleration) ?? handlingAcceleration
        handlingSeconds = try c.decodeIfPresent(Double.self, forKey: .handlingSeconds) ?? handlingSeconds
        onRestSeconds = try c.decodeIfPresent(Double.self, forKey: .onRestSeconds) ?? onRestSeconds
        samePoseDegrees = try c.decodeIfPresent(Double.self, forKey: .samePoseDegrees) ?? samePoseDegrees
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(handlingRate, forKey: .handlingRate)
        try c.encode(handlingAcceleration, forKey: .handlingAcceleration)
        try c.encode(handlingSeconds, forKey: .handlingSeconds)
        try c.encode(onRestSeconds, forKey: .onRestSeconds)
        try c.encode(samePoseDegrees, forKey: .samePoseDegrees)
    }
}
