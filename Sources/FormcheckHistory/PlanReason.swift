/// Why a target is what it is: what the plan decided at the start of the week, and the pain trend
/// behind it. The words are `CueCatalogue.plan(_:…)`'s.
public struct PlanReason: Sendable, Hashable {
    public enum Decision: Sendable, Hashable {
        /// Nothing in the history before today: the starting plan.
        case noHistory
        /// The plan's first week: the starting target.
        case firstWeek
        /// Grown from last week's `from` (distance in metres, hold in seconds, reps per set).
        case grew(from: Double)
        /// Grown from `from` to the goal (walking) or the cap (holds, reps).
        case reachedCap(from: Double)
        /// Already at the goal or the cap.
        case atCap
        /// Held at last week's: it was done on `days` of the 7, `needed` needed.
        case heldIncomplete(days: Int, needed: Int)
        /// Held at last week's: pain rose.
        case heldForPain(PainRise)
        /// Stepped back from `from`: pain rose two weeks running.
        case steppedBack(from: Double, PainRise)
    }

    public var decision: Decision
    /// Walking, the second week: the base was what was walked a day in the first week (the mean
    /// of the days walked, metres) rather than the first week's target.
    public var firstWeekWalked: Double?
    /// The pain of the week the decision was taken on (nil: no week yet).
    public var pain: PainVerdict?

    public init(_ decision: Decision, firstWeekWalked: Double? = nil, pain: PainVerdict? = nil) {
        self.decision = decision
        self.firstWeekWalked = firstWeekWalked
        self.pain = pain
    }
}
