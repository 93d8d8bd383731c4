/// Whether pain rises, week by week (`PlanRules.Pain`). Pain is the 0–10 score asked before and
/// after each session. A week's pain rises when
///
/// - its mean pain after sessions is `weeklyRise` or more above the mean of the last week that had
///   one (a week with no pain recorded is skipped), or
/// - any of its sessions ended `sessionRise` or more above where it began (pain after − before);
///
/// it rises again when the week just before rose too (two weeks running). A week without pain
/// recorded never rises, and breaks a run.
///
/// An explicit state machine: one input (`weekEnded`), returning the week's verdict.
public struct PainWatch: Sendable {
    private enum State: Sendable, Hashable {
        /// No week with pain recorded yet.
        case noPainYet
        /// The last week with pain recorded had this mean; `rose`: the week just before rose.
        case after(mean: Double, rose: Bool)
    }

    /// Comparisons allow for the rounding of a mean of whole points (0.9 + 0.1 is not 1 in binary).
    static let slack = 1e-9

    public let rules: PlanRules.Pain
    private var state: State = .noPainYet

    public init(rules: PlanRules.Pain) {
        self.rules = rules
    }

    /// A week ended with these pains after (and, for sessions that gave both, before and after).
    public mutating func weekEnded(painAfter: [Int], changes: [PlanWeek.PainChange]) -> PainVerdict {
        let sessionRise = changes.filter { Double($0.after - $0.before) >= Double(rules.sessionRise) - Self.slack }
            .max { $0.after - $0.before < $1.after - $1.before }
            .map { PainRise.session(before: $0.before, after: $0.after) }
        guard !painAfter.isEmpty else {
            // Nothing recorded: no verdict, and the run of rising weeks is broken.
            switch state {
            case .noPainYet: break
            case .after(let mean, _): state = .after(mean: mean, rose: false)
            }
            return .notRecorded
        }
        let mean = Double(painAfter.reduce(0, +)) / Double(painAfter.count)
        switch state {
        case .noPainYet:
            state = .after(mean: mean, rose: sessionRise != nil)
            return sessionRise.map { .rose($0) } ?? .steady(mean: mean, previous: nil)
        case .after(let previous, let roseBefore):
            let weekly = mean - previous >= rules.weeklyRise - Self.slack ? PainRise.weekly(from: previous, to: mean) : nil
            guard let rise = weekly ?? sessionRise else {
                state = .after(mean: mean, rose: false)
                return .steady(mean: mean, previous: previous)
            }
            state = .after(mean: mean, rose: true)
            return roseBefore ? .roseAgain(rise) : .rose(rise)
        }
    }
}
