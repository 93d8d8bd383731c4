import MotionCore

/// Left against right for one exercise: each side's figures from its session summary, their
/// differences, and whether they are flagged (`SymmetryRules`). Angles in degrees, times in seconds.
public struct SideComparison: Sendable, Hashable, Codable {
    /// One side's figures.
    public struct Figures: Sendable, Hashable, Codable {
        /// How far the leg went, degrees (nil: no hold or rep): stretches, the highest peak
        /// flexion of a hold; strengthening, the largest range of a rep (a bridge's thigh goes
        /// down, a raise's up: the range reads the same for both).
        public var peak: Double?
        /// Stretches: seconds held in complete holds.
        public var secondsUnderStretch: Double?
        /// Strengthening: complete reps, and the mean range of all reps (degrees).
        public var reps: Int?
        public var meanRange: Double?
        /// Form errors reported.
        public var formErrors: Int
    }

    public var exercise: String
    public var left: Figures
    public var right: Figures
    /// Left minus right peak, degrees (nil when a side has none).
    public var peakDifference: Double?
    /// The weaker side's time under stretch or complete reps over the stronger side's, 0…1 (nil
    /// when neither side has any).
    public var ratio: Double?
    /// What differs beyond the rules, in words ("peak 12.0° apart"); empty when nothing does.
    public var flags: [String]

    /// The comparison of a left and a right summary of the same exercise.
    public init(left l: SessionSummary, right r: SessionSummary, rules: SymmetryRules = .init()) {
        let left = Self.figures(l), right = Self.figures(r)
        exercise = l.exercise
        self.left = left
        self.right = right
        peakDifference = left.peak.flatMap { a in right.peak.map { a - $0 } }
        let amounts = [left, right].map { $0.secondsUnderStretch ?? $0.reps.map(Double.init) ?? 0 }
        let most = amounts.max() ?? 0
        ratio = most > 0 ? (amounts.min() ?? 0) / most : nil
        var flags: [String] = []
        if let d = peakDifference, abs(d) > rules.degrees {
            flags.append("peak \(DecimalText.fixed(abs(d), 1))° apart (\(d > 0 ? "left" : "right") higher; flagged beyond \(DecimalText.trimmed(rules.degrees, 1))°)")
        }
        if let q = ratio, q < rules.holdRatio {
            let what = left.secondsUnderStretch != nil ? "time under stretch" : "complete reps"
            let weaker = amounts[0] < amounts[1] ? "left" : "right"
            flags.append("\(what): the \(weaker) side has \(Int((q * 100).rounded())) % of the other's (flagged below \(Int((rules.holdRatio * 100).rounded())) %)")
        }
        self.flags = flags
    }

    static func figures(_ s: SessionSummary) -> Figures {
        let reps = s.reps ?? []
        let isStrength = s.reps != nil
        let peaks = isStrength ? reps.map(\.range) : s.holds.map(\.peakFlexion)
        return Figures(
            peak: peaks.max(),
            secondsUnderStretch: isStrength ? nil : s.holds.filter(\.complete).reduce(0) { $0 + $1.duration },
            reps: isStrength ? reps.filter(\.complete).count : nil,
            meanRange: reps.isEmpty ? nil : reps.reduce(0) { $0 + $1.range } / Double(reps.count),
            formErrors: s.formErrors.count)
    }
}
