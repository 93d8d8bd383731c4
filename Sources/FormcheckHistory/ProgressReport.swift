import FormcheckFeedback
import Foundation
import MotionCore

/// What the history shows (`formcheck history`): per day and per ISO week, what was done — time
/// under stretch, holds, reps and sets per exercise and side, form errors per exercise and kind,
/// walking against the day's goal, pain before and after — with the pain's trend and the streak.
/// Value types in (`SessionRecord`s), value types out (`ProgressReport.make`); the rendering is
/// the caller's.
///
/// Everything a saved exercise did counts, whatever its ending (a stopped or repeated attempt's
/// holds were held all the same). Time under stretch is the sum of the holds' durations; a set is a
/// strengthening exercise's set with at least one rep.
public struct ProgressReport: Sendable, Hashable, Codable {
    /// One exercise on one side over a period.
    public struct Work: Sendable, Hashable, Codable {
        public var exercise: String
        public var side: Side
        /// Attempts saved (exercise records).
        public var attempts: Int
        /// Seconds held, all holds.
        public var secondsUnderStretch: Double
        public var holds: Int
        public var completeHolds: Int
        public var reps: Int
        public var completeReps: Int
        public var sets: Int
        /// Form errors of this exercise on this side, all kinds.
        public var formErrors: Int
    }

    /// Form errors of one kind in one exercise over a period.
    public struct Errors: Sendable, Hashable, Codable {
        public var exercise: String
        public var kind: FormError
        public var count: Int
    }

    /// Walking over a period, against its goal.
    public struct Walking: Sendable, Hashable, Codable {
        /// Seconds in gait.
        public var seconds: Double
        public var steps: Int
        /// Metres, from the walks that had a distance (nil when none had).
        public var metres: Double?
        /// The goal, metres: the day's, or for a week the sum of its seven days'.
        public var goalMetres: Double
        /// metres / goal (nil without a distance).
        public var ofGoal: Double? { metres.map { goalMetres > 0 ? $0 / goalMetres : 0 } }
    }

    /// Pain over a period: the means of the sessions' answers (0–10), and how many answered.
    public struct Pain: Sendable, Hashable, Codable {
        public var before: Double?
        public var after: Double?
        public var answers: Int
        /// After, else before: the figure the trend follows.
        public var level: Double? { after ?? before }
    }

    /// A day (`YYYY-MM-DD`) or an ISO week (`YYYY-Www`) with sessions in it.
    public struct Period: Sendable, Hashable, Codable {
        public var label: String
        /// Its first moment and the first moment after it.
        public var start: Date
        public var end: Date
        public var sessions: Int
        /// By exercise name, then left before right.
        public var work: [Work]
        public var formErrors: [Errors]
        public var walking: Walking
        public var pain: Pain
        /// Pain level against the period before it in the list (nil: no pain in one of them).
        public var painChange: Double?
    }

    /// Consecutive days of exercise, forgiving one missed day (`ProgressReport.streak`).
    public struct Streak: Sendable, Hashable, Codable {
        /// Active days in the run that is still alive today (0 when it is broken).
        public var current: Int
        /// Active days in the longest run.
        public var longest: Int
        /// The last active day (`YYYY-MM-DD`).
        public var lastActive: String?
    }

    /// Where pain is going: the last week's level against the first week's.
    public struct PainTrend: Sendable, Hashable, Codable {
        public enum Direction: String, Sendable, Hashable, Codable {
            case rising
            case falling
            case steady
        }

        public var first: Double
        public var last: Double
        public var change: Double { last - first }
        public var direction: Direction
    }

    public var days: [Period]
    public var weeks: [Period]
    public var streak: Streak
    /// nil with fewer than two weeks with pain answers.
    public var painTrend: PainTrend?
    /// Sessions in the periods shown.
    public var sessions: Int

    /// A change of pain level of this much (points of 0–10) or more is a trend.
    public static let trendPoints = 1.0
}

extension ProgressReport {
    /// The report of `sessions` from `since` on (all when nil) — the streak from all of them.
    /// - Parameters:
    ///   - today: the day the streak is alive on;
    ///   - goalMetres: a day's walking goal, metres (the day's first moment given);
    ///   - calendar: days and ISO weeks (its time zone says where a day begins).
    public static func make(_ sessions: [SessionRecord], since: Date? = nil, today: Date, calendar: Calendar,
                            goalMetres: (Date) -> Double) -> ProgressReport {
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = calendar.timeZone
        let shown = sessions.filter { s in since.map { s.startedAt >= $0 } ?? true }.sorted { $0.startedAt < $1.startedAt }
        let byDay = Dictionary(grouping: shown) { calendar.startOfDay(for: $0.startedAt) }
        let days = byDay.keys.sorted().map { day in
            period(label: dayLabel(day, calendar), start: day, end: calendar.date(byAdding: .day, value: 1, to: day) ?? day,
                   sessions: byDay[day] ?? [], goal: goalMetres(day))
        }
        let byWeek = Dictionary(grouping: shown) { iso.dateInterval(of: .weekOfYear, for: $0.startedAt)?.start ?? $0.startedAt }
        let weeks = byWeek.keys.sorted().map { start in
            let end = iso.date(byAdding: .day, value: 7, to: start) ?? start
            let goal = (0..<7).reduce(0.0) { sum, i in sum + goalMetres(iso.date(byAdding: .day, value: i, to: start) ?? start) }
            let year = iso.component(.yearForWeekOfYear, from: start), week = iso.component(.weekOfYear, from: start)
            return period(label: String(format: "%04d-W%02d", year, week), start: start, end: end, sessions: byWeek[start] ?? [], goal: goal)
        }
        let withPain = weeks.compactMap(\.pain.level)
        var trend: PainTrend?
        if withPain.count >= 2, let first = withPain.first, let last = withPain.last {
            let d = last - first
            trend = PainTrend(first: first, last: last,
                              direction: d >= trendPoints ? .rising : d <= -trendPoints ? .falling : .steady)
        }
        let active = Set(sessions.filter(\.didSomething).map { calendar.startOfDay(for: $0.startedAt) })
        return ProgressReport(days: changes(days), weeks: changes(weeks), streak: streak(active, today: today, calendar: calendar),
                              painTrend: trend, sessions: shown.count)
    }

    /// The streak: days with exercise (a hold, a rep or a step) in runs where one missed day
    /// between two active days does not break the run, and two do. The current run is alive while
    /// its last active day is today, yesterday or the day before (yesterday missed, today still
    /// to come); then its active days are `current`, else 0.
    public static func streak(_ active: Set<Date>, today: Date, calendar: Calendar) -> Streak {
        let sorted = active.sorted()
        guard let last = sorted.last else { return Streak(current: 0, longest: 0, lastActive: nil) }
        func gap(_ a: Date, _ b: Date) -> Int { calendar.dateComponents([.day], from: a, to: b).day ?? 0 }
        var run = 1, longest = 1
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            run = gap(a, b) <= 2 ? run + 1 : 1
            longest = max(longest, run)
        }
        let alive = gap(last, calendar.startOfDay(for: today)) <= 2
        return Streak(current: alive ? run : 0, longest: longest, lastActive: dayLabel(last, calendar))
    }

    static func dayLabel(_ day: Date, _ calendar: Calendar) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Each period's pain change against the one before it.
    private static func changes(_ periods: [Period]) -> [Period] {
        var out = periods
        for i in out.indices.dropFirst() {
            if let now = out[i].pain.level, let before = out[i - 1].pain.level { out[i].painChange = now - before }
        }
        return out
    }

    private static func period(label: String, start: Date, end: Date, sessions: [SessionRecord], goal: Double) -> Period {
        var work: [String: Work] = [:]
        var errors: [String: Errors] = [:]
        var walking = Walking(seconds: 0, steps: 0, metres: nil, goalMetres: goal)
        for e in sessions.flatMap(\.exercises) {
            let s = e.summary
            let key = e.exercise + "\u{1}" + e.side.rawValue
            var w = work[key] ?? Work(exercise: e.exercise, side: e.side, attempts: 0, secondsUnderStretch: 0, holds: 0, completeHolds: 0,
                                      reps: 0, completeReps: 0, sets: 0, formErrors: 0)
            w.attempts += 1
            w.secondsUnderStretch += s.holds.reduce(0) { $0 + $1.duration }
            w.holds += s.holds.count
            w.completeHolds += s.holds.filter(\.complete).count
            let reps = s.reps ?? []
            w.reps += reps.count
            w.completeReps += reps.filter(\.complete).count
            w.sets += Set(reps.map(\.set)).count
            w.formErrors += s.formErrors.count
            work[key] = w
            for f in s.formErrors {
                let k = e.exercise + "\u{1}" + f.kind.rawValue
                errors[k, default: Errors(exercise: e.exercise, kind: f.kind, count: 0)].count += 1
            }
            walking.seconds += s.walkingSeconds ?? 0
            walking.steps += s.steps ?? 0
            if let m = s.distanceMeters { walking.metres = (walking.metres ?? 0) + m }
        }
        let before = sessions.compactMap(\.painBefore), after = sessions.compactMap(\.painAfter)
        func mean(_ x: [Int]) -> Double? { x.isEmpty ? nil : Double(x.reduce(0, +)) / Double(x.count) }
        let answered = sessions.filter { $0.painBefore != nil || $0.painAfter != nil }.count
        return Period(
            label: label, start: start, end: end, sessions: sessions.count,
            work: work.values.sorted { ($0.exercise, $0.side.rawValue) < ($1.exercise, $1.side.rawValue) },
            formErrors: errors.values.sorted { ($0.exercise, $0.kind.rawValue) < ($1.exercise, $1.kind.rawValue) },
            walking: walking, pain: Pain(before: mean(before), after: mean(after), answers: answered), painChange: nil)
    }
}

extension SessionRecord {
    /// True when one of its exercises held, repped or stepped (a day with one is active for the streak).
    public var didSomething: Bool {
        exercises.contains { !$0.summary.holds.isEmpty || !($0.summary.reps ?? []).isEmpty || ($0.summary.steps ?? 0) > 0 }
    }
}
