/// The daily walk, week by week (`PlanRules.Walking`): it starts at `startMetres` and grows by
/// `weeklyGrowth` a week towards the goal, at the start of each week, from the week before:
///
/// 1. the base is last week's target — after the first week, with `fromFirstWeek`, what was walked
///    in it instead (the mean of the days walked, between `minimumMetres` and the goal);
/// 2. pain rose two weeks running (`PainWatch`): a step back, base × (1 − `stepBack`), not below
///    `minimumMetres`;
/// 3. pain rose: held at the base;
/// 4. fewer than `completion.days` days reached `completion.walkingFraction` of the base: held;
/// 5. otherwise grown: base × (1 + `weeklyGrowth`), at most the goal (at the goal: kept there).
///
/// An explicit state machine: one input (`weekEnded`), returning the reason for the new target.
public struct WalkingProgression: Sendable {
    private enum State: Sendable, Hashable {
        /// The first week, at the starting distance.
        case firstWeek
        /// Growing towards the goal.
        case growing
        /// At the goal.
        case atGoal
    }

    public let rules: PlanRules
    /// The goal, metres (> 0).
    public let goal: Double
    /// The daily distance of the week under way, metres.
    public private(set) var target: Double
    private var state: State = .firstWeek

    public init(rules: PlanRules, goal: Double) {
        self.rules = rules
        self.goal = goal
        target = min(rules.walking.startMetres, goal)
    }

    /// A week ended: `walked` holds its 7 days' metres; `pain` is its verdict. Sets the next
    /// week's target and says why.
    public mutating func weekEnded(walked: [Double], pain: PainVerdict) -> PlanReason {
        let w = rules.walking
        var base = target
        var firstWeekWalked: Double?
        switch state {
        case .firstWeek:
            let days = walked.filter { $0 > 0 }
            if w.fromFirstWeek, !days.isEmpty {
                let mean = days.reduce(0, +) / Double(days.count)
                base = min(max(mean, w.minimumMetres), goal)
                firstWeekWalked = mean
            }
        case .growing, .atGoal:
            break
        }
        let decision: PlanReason.Decision
        let done = walked.filter { $0 >= rules.completion.walkingFraction * base - 1e-9 }.count
        switch pain {
        case .roseAgain(let rise):
            target = max(base * (1 - w.stepBack), min(w.minimumMetres, base))
            decision = .steppedBack(from: base, rise)
        case .rose(let rise):
            target = base
            decision = .heldForPain(rise)
        case .notRecorded, .steady:
            if done < rules.completion.days {
                target = base
                decision = .heldIncomplete(days: done, needed: rules.completion.days)
            } else if base >= goal {
                target = goal
                decision = .atCap
            } else {
                target = min(base * (1 + w.weeklyGrowth), goal)
                decision = target >= goal ? .reachedCap(from: base) : .grew(from: base)
            }
        }
        state = target >= goal ? .atGoal : .growing
        return PlanReason(decision, firstWeekWalked: firstWeekWalked, pain: pain)
    }
}
