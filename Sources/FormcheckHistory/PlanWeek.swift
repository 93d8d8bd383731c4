import FormcheckFeedback
import Foundation

/// What one week of the plan held, as the plan reads it: each day's walking, the days each
/// exercise was done (and counted), and the pain reported. Built from the history by
/// `PlanWeek.weeks(of:…)`; the progression machines (`PainWatch`, `WalkingProgression`,
/// `DoseProgression`) take it in.
public struct PlanWeek: Sendable, Hashable {
    /// A session's pain before and after (0–10).
    public struct PainChange: Sendable, Hashable {
        public var before: Int
        public var after: Int

        public init(before: Int, after: Int) {
            self.before = before
            self.after = after
        }
    }

    /// 0-based: week 0 begins on the day of the history's first session.
    public var index: Int
    /// Metres walked on each of the week's 7 days, in order (0: no walk that day).
    public var walkedMetres: [Double]
    /// Some of the walking had no distance (no height, no calibrated stride): its metres are its
    /// time walked at the plan's `walking.metresPerSecond`.
    public var walkingFromTime: Bool
    /// Walks with a measured distance: their metres and seconds in gait (the pace, metres per second).
    public var measuredWalkMetres: Double
    public var measuredWalkSeconds: Double
    /// By exercise name (stretches and strengthening): the days (0–6) on which it counted as done
    /// (`PlanRules.Completion`).
    public var daysDone: [String: Set<Int>]
    /// Pain after each session that gave one.
    public var painAfter: [Int]
    /// Each session that gave both: its pain before and after.
    public var painChanges: [PainChange]

    public init(index: Int, walkedMetres: [Double] = Array(repeating: 0, count: 7), walkingFromTime: Bool = false,
                measuredWalkMetres: Double = 0, measuredWalkSeconds: Double = 0, daysDone: [String: Set<Int>] = [:],
                painAfter: [Int] = [], painChanges: [PainChange] = []) {
        self.index = index
        self.walkedMetres = walkedMetres
        self.walkingFromTime = walkingFromTime
        self.measuredWalkMetres = measuredWalkMetres
        self.measuredWalkSeconds = measuredWalkSeconds
        self.daysDone = daysDone
        self.painAfter = painAfter
        self.painChanges = painChanges
    }

    /// The days (0–6) `exercise` counted as done.
    public func days(_ exercise: String) -> Int { daysDone[exercise]?.count ?? 0 }

    /// A walk's record: a summary with steps or time in gait (the walk protocols').
    static func isWalk(_ e: ExerciseRecord) -> Bool { e.summary.steps != nil || e.summary.walkingSeconds != nil }

    /// Whether a stretch or strengthening record counts its day as done: ended `done`, every hold
    /// complete (a stretch has at least one), at most `maximumFormErrors` form errors.
    static func counts(_ e: ExerciseRecord, rules: PlanRules.Completion) -> Bool {
        guard e.ending == .done, e.summary.formErrors.count <= rules.maximumFormErrors else { return false }
        if e.summary.reps != nil { return true }
        return !e.summary.holds.isEmpty && e.summary.holds.allSatisfy(\.complete)
    }

    /// The metres of a walk, and whether they were estimated from its time: its distance; else its
    /// steps × the profile's calibrated stride / 2; else its time in gait × the plan's pace.
    static func metres(of e: ExerciseRecord, profile: UserProfile, rules: PlanRules) -> (metres: Double, fromTime: Bool) {
        if let d = e.summary.distanceMeters { return (d, false) }
        if let stride = profile.strideMetres, let steps = e.summary.steps { return (Double(steps) / 2 * stride, false) }
        return ((e.summary.walkingSeconds ?? 0) * rules.walking.metresPerSecond, e.summary.walkingSeconds != nil)
    }

    /// Weeks 0..<`count` of the plan that begins on `firstDay` (a midnight in `calendar`), from
    /// `sessions`. An exercise belongs to the day it began on (its session's start plus its own
    /// start); a session's pain to the day the session began. Whatever falls outside the weeks is
    /// left out.
    public static func weeks(of sessions: [SessionRecord], firstDay: Date, count: Int, profile: UserProfile,
                             rules: PlanRules, calendar: Calendar) -> [PlanWeek] {
        var weeks = (0..<max(0, count)).map { PlanWeek(index: $0) }
        func place(_ date: Date) -> (week: Int, day: Int)? {
            let day = calendar.dateComponents([.day], from: firstDay, to: calendar.startOfDay(for: date)).day ?? -1
            guard day >= 0, day / 7 < weeks.count else { return nil }
            return (day / 7, day % 7)
        }
        /// By exercise: the plan days (week × 7 + day) with an attempt done that counted, and failed.
        var counted: [String: Set<Int>] = [:], failed: [String: Set<Int>] = [:]
        for s in sessions {
            if let (w, _) = place(s.startedAt), let after = s.painAfter {
                weeks[w].painAfter.append(after)
                if let before = s.painBefore { weeks[w].painChanges.append(PainChange(before: before, after: after)) }
            }
            for e in s.exercises {
                guard let (w, d) = place(s.startedAt.addingTimeInterval(e.start)) else { continue }
                if isWalk(e) {
                    let (m, fromTime) = metres(of: e, profile: profile, rules: rules)
                    weeks[w].walkedMetres[d] += m
                    weeks[w].walkingFromTime = weeks[w].walkingFromTime || fromTime
                    if !fromTime, let seconds = e.summary.walkingSeconds, seconds > 0 {
                        weeks[w].measuredWalkMetres += m
                        weeks[w].measuredWalkSeconds += seconds
                    }
                } else if e.ending == .done {
                    if counts(e, rules: rules.completion) {
                        counted[e.exercise, default: []].insert(7 * w + d)
                    } else {
                        failed[e.exercise, default: []].insert(7 * w + d)
                    }
                }
            }
        }
        // A day counts when every attempt of the exercise done that day counted.
        for (exercise, days) in counted {
            for key in days.subtracting(failed[exercise] ?? []) {
                weeks[key / 7].daysDone[exercise, default: []].insert(key % 7)
            }
        }
        return weeks
    }
}
