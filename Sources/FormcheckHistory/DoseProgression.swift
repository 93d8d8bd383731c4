/// A stretch's hold time or a strengthening exercise's reps per set, week by week
/// (`PlanRules.Holds`, `PlanRules.Reps`): it starts at the routine's dose and grows by the growth
/// a week up to the cap, at the start of each week, from the week before:
///
/// 1. pain rose two weeks running (`PainWatch`): a step back by the step, not below the minimum
///    (nor below the routine's own dose, when that is lower);
/// 2. pain rose: held;
/// 3. done on fewer than `completion.days` days of the 7 (`PlanWeek.daysDone`): held;
/// 4. otherwise grown, at most to the cap (a routine's own dose above the cap is kept as it is).
///
/// A state machine whose state is the dose: one input (`weekEnded`), returning the reason for the new dose.
public struct DoseProgression: Sendable {
    /// What grows.
    public enum Quantity: String, Sendable, Hashable, CaseIterable {
        /// Seconds per hold (stretches).
        case holdSeconds
        /// Reps per set (strengthening).
        case repsPerSet
    }

    public let quantity: Quantity
    /// The routine's dose (seconds or reps per set).
    public let start: Double
    public let completion: PlanRules.Completion
    private let growth: Double, cap: Double, step: Double, minimum: Double
    /// The dose of the week under way: the machine's whole state.
    public private(set) var target: Double

    public init(_ quantity: Quantity, start: Double, rules: PlanRules) {
        self.quantity = quantity
        self.start = start
        completion = rules.completion
        switch quantity {
        case .holdSeconds:
            (growth, step) = (rules.holds.growthSeconds, rules.holds.stepBackSeconds)
            (cap, minimum) = (max(rules.holds.capSeconds, start), min(rules.holds.minimumSeconds, start))
        case .repsPerSet:
            (growth, step) = (Double(rules.reps.growthPerSet), Double(rules.reps.stepBackPerSet))
            (cap, minimum) = (max(Double(rules.reps.capPerSet), start), min(Double(rules.reps.minimumPerSet), start))
        }
        target = start
    }

    /// A week ended: the exercise counted as done on `daysDone` of its 7 days; `pain` is its
    /// verdict. Sets the next week's dose and says why.
    public mutating func weekEnded(daysDone: Int, pain: PainVerdict) -> PlanReason {
        let base = target
        let decision: PlanReason.Decision
        switch pain {
        case .roseAgain(let rise):
            target = max(base - step, minimum)
            decision = .steppedBack(from: base, rise)
        case .rose(let rise):
            decision = .heldForPain(rise)
        case .notRecorded, .steady:
            if daysDone < completion.days {
                decision = .heldIncomplete(days: daysDone, needed: completion.days)
            } else if base >= cap {
                decision = .atCap
            } else {
                target = min(base + growth, cap)
                decision = target >= cap ? .reachedCap(from: base) : .grew(from: base)
            }
        }
        return PlanReason(decision, pain: pain)
    }
}
