/// Moving too fast and too far, as an explicit state machine with hysteresis: `tooFast` when the
/// smoothed flexion rate exceeds `maximumRate` (°/s), armed again once it falls below `rearmRate`;
/// `overshoot` when the smoothed flexion exceeds `cap` (degrees), armed again `hysteresis` degrees
/// below it. Each input returns the errors it trips.
public struct MotionLimits: Sendable {
    public struct Rules: Sendable, Hashable {
        public var maximumRate: Double?
        public var rearmRate: Double
        public var cap: Double?
        public var hysteresis: Double

        public init(maximumRate: Double?, rearmRate: Double, cap: Double?, hysteresis: Double) {
            self.maximumRate = maximumRate
            self.rearmRate = rearmRate
            self.cap = cap
            self.hysteresis = hysteresis
        }

        public init(_ p: ExerciseProtocol) {
            self.init(maximumRate: p.maximumRate, rearmRate: p.rearmRate, cap: p.overshootAngle, hysteresis: p.hold.overshootHysteresis)
        }
    }

    private enum Limit: Sendable, Hashable {
        case armed
        case tripped
    }

    public let rules: Rules
    private var rate: Limit = .armed
    private var angle: Limit = .armed

    public init(rules: Rules) {
        self.rules = rules
    }

    /// A smoothed sample: `flexion` in degrees, `rate` in °/s.
    public mutating func update(flexion: Double, rate r: Double) -> [FormError] {
        var tripped: [FormError] = []
        if let maximum = rules.maximumRate {
            switch rate {
            case .armed:
                if abs(r) > maximum {
                    rate = .tripped
                    tripped.append(.tooFast)
                }
            case .tripped:
                if abs(r) < rules.rearmRate { rate = .armed }
            }
        }
        if let cap = rules.cap {
            switch angle {
            case .armed:
                if flexion > cap {
                    angle = .tripped
                    tripped.append(.overshoot)
                }
            case .tripped:
                if flexion < cap - rules.hysteresis { angle = .armed }
            }
        }
        return tripped
    }
}
