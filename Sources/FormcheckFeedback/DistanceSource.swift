/// Where a walk's distance comes from (`SessionSummary.distanceSource`).
public enum DistanceSource: Sendable, Hashable, Codable {
    /// The pendulum model (`StrideLengthModel`): each stride from the thigh's swing and the leg
    /// length, 0.53 × the body height given here (metres).
    case height(metres: Double)
    /// The user's own stride, measured on a calibration walk over a known distance
    /// (`formcheck calibrate --walk`), metres per stride (two steps).
    case calibratedStride(metres: Double)

    /// The source a session uses: a calibrated stride when there is one, else the height, else none.
    public static func of(height: Double?, stride: Double?) -> DistanceSource? {
        if let stride { return .calibratedStride(metres: stride) }
        return height.map { .height(metres: $0) }
    }

    /// For people: "from your calibrated stride 1.42 m", "from your height 1.75 m".
    public var text: String {
        switch self {
        case .height(let h): "from your height \(DecimalText.fixed(h, 2)) m"
        case .calibratedStride(let s): "from your calibrated stride \(DecimalText.fixed(s, 2)) m"
        }
    }
}
