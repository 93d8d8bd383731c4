extension WalkCalibration.Shortfall {
    /// What is wrong, in a sentence fragment for "no stride: …"; `distance` is the walk's, metres.
    public func explanation(distance: Double, rules: WalkCalibration.Rules = .init()) -> String {
        switch self {
        case .noWalk:
            return "the recording has no walking (strides are counted only in gait: three in rhythm)"
        case .tooShort(let strides, let needed):
            return "only \(strides) strides (\(2 * strides) steps) of level walking: at least \(needed) are needed for a stride within 5 %"
        case .notLevel(let walking, let stairs, let running):
            let other = [stairs > 0 ? "\(stairs) on stairs" : nil, running > 0 ? "\(running) running" : nil].compactMap { $0 }
            return "not a level walk: of its \(walking + stairs + running) strides \(other.joined(separator: " and "))"
        case .implausibleStride(let stride, let strides):
            let range = "\(Self.metres(rules.strideRange.lowerBound))–\(Self.metres(rules.strideRange.upperBound)) m"
            let what = stride < rules.strideRange.lowerBound ? "shorter" : "longer"
            return "\(Self.metres(distance)) m over \(strides) strides is \(Self.metres(stride)) m a stride, \(what) than a walking stride (\(range))"
        }
    }

    /// What to do about it.
    public func fix(distance: Double, rules: WalkCalibration.Rules = .init()) -> String {
        switch self {
        case .noWalk:
            return "stand still, walk the distance on the level at your usual pace, and stand still again"
        case .tooShort:
            return "walk further (100 m or more) without stopping"
        case .notLevel:
            return "walk on the level at your usual pace: no stairs, no running"
        case .implausibleStride(let stride, _):
            return stride < rules.strideRange.lowerBound
                ? "check the distance (was it \(Self.metres(distance)) m?), and walk it without marking time or shuffling on the spot"
                : "check the distance (was it \(Self.metres(distance)) m?), and that the recording holds the whole walk"
        }
    }

    /// Metres with two decimals, trailing zeros dropped: 1.42, 100, 0.5.
    static func metres(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let whole = hundredths / 100, rest = hundredths % 100
        if rest == 0 { return "\(whole)" }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)" : "\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }
}
