import FormcheckFeedback
import Foundation

/// Today's targets from the history: the plan's rule (`PlanRules`) replayed over the plan's weeks
/// so far — `PainWatch`, `WalkingProgression` and a `DoseProgression` per exercise fed each week
/// that ended (`PlanWeek`) — from the routine's own doses. Pure: the history, the profile, the
/// rule, the routine, today and the calendar in; the targets out.
///
/// Only what happened before today counts (a session today does not move today's targets). Week
/// 1 begins on the day of the first session before today; each week's targets are decided on its
/// first day.
public enum Progression {
    public static func targets(history: [SessionRecord], profile: UserProfile, rules: PlanRules, routine: RoutinePlan?,
                               today: Date, calendar: Calendar = .current) -> DailyTargets {
        let day = calendar.startOfDay(for: today)
        let past = history.filter { $0.startedAt < day }
        let firstDay = past.map(\.startedAt).min().map { calendar.startOfDay(for: $0) }
        let weekIndex = firstDay.map { (calendar.dateComponents([.day], from: $0, to: day).day ?? 0) / 7 }
        let weeks = firstDay.map { PlanWeek.weeks(of: past, firstDay: $0, count: weekIndex ?? 0, profile: profile, rules: rules, calendar: calendar) } ?? []

        var pain = PainWatch(rules: rules.pain)
        var walking = WalkingProgression(rules: rules, goal: profile.walkingGoalMetres)
        let base = routine.map(doses) ?? []
        var doses = base.map { entry -> DoseProgression? in
            switch entry.kind {
            case .stretch: entry.holdSeconds.map { DoseProgression(.holdSeconds, start: $0, rules: rules) }
            case .strength: entry.perSet.map { DoseProgression(.repsPerSet, start: Double($0), rules: rules) }
            case .walk: nil
            }
        }
        let opening = PlanReason(firstDay == nil ? .noHistory : .firstWeek)
        var walkReason = opening
        var doseReasons = base.map { _ in opening }
        for week in weeks {
            let verdict = pain.weekEnded(painAfter: week.painAfter, changes: week.painChanges)
            walkReason = walking.weekEnded(walked: week.walkedMetres, pain: verdict)
            for i in doses.indices {
                guard var d = doses[i] else { continue }
                doseReasons[i] = d.weekEnded(daysDone: week.days(base[i].exercise), pain: verdict)
                doses[i] = d
            }
        }
        let last = weeks.last
        let measured = (last?.measuredWalkSeconds ?? 0) >= 60 ? last.map { $0.measuredWalkMetres / $0.measuredWalkSeconds } : nil
        let pace = measured ?? rules.walking.metresPerSecond
        let minutes = max(1, Int((walking.target / pace / 60).rounded()))
        var exercises: [DailyTargets.Exercise] = []
        for (i, b) in base.enumerated() {
            var e = b
            e.reason = doseReasons[i]
            if let d = doses[i] {
                switch d.quantity {
                case .holdSeconds: e.holdSeconds = d.target
                case .repsPerSet: e.perSet = Int(d.target.rounded())
                }
            }
            exercises.append(e)
        }
        return DailyTargets(day: day, week: weekIndex.map { $0 + 1 }, firstDay: firstDay, plan: rules.name, routine: routine?.routine.name,
                            unit: profile.distanceUnit,
                            walking: .init(metres: walking.target, goalMetres: profile.walkingGoalMetres, minutes: minutes, pace: pace,
                                           paceMeasured: measured != nil, reason: walkReason),
                            exercises: exercises.filter { $0.kind != .walk })
    }

    /// The routine's stretches and strengthening exercises once each, in order, with the routine's
    /// doses (the protocol's where the routine leaves one out).
    static func doses(_ plan: RoutinePlan) -> [DailyTargets.Exercise] {
        var seen: Set<String> = []
        var out: [DailyTargets.Exercise] = []
        for step in plan.steps where !seen.contains(step.exercise.name) {
            seen.insert(step.exercise.name)
            let p = step.exercise
            switch p.kind {
            case .stretch:
                out.append(.init(exercise: p.name, kind: .stretch, holds: p.repsPerSide ?? 1, holdSeconds: p.holdSeconds,
                                 reason: PlanReason(.noHistory)))
            case .strength:
                let r = p.reps ?? .init()
                out.append(.init(exercise: p.name, kind: .strength, sets: r.sets, perSet: r.perSet, restSeconds: r.restSeconds,
                                 reason: PlanReason(.noHistory)))
            case .walk:
                break
            }
        }
        return out
    }
}
