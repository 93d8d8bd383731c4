import FormcheckHistory
import Foundation

extension ProgressReport {
    /// Distance in the user's unit: "2.41 mi", "3.88 km".
    static func distance(_ metres: Double, _ unit: UserProfile.DistanceUnit) -> String {
        switch unit {
        case .miles: fixed(metres / 1609.344, 2) + " mi"
        case .km: fixed(metres / 1000, 2) + " km"
        }
    }

    /// `formcheck history`'s text: the weeks, then the days, then the trend and the streak.
    func text(unit: UserProfile.DistanceUnit, path: String) -> String {
        var out = "history   \(path): \(sessions) session\(sessions == 1 ? "" : "s"), \(days.count) day\(days.count == 1 ? "" : "s"), "
            + "\(weeks.count) week\(weeks.count == 1 ? "" : "s")\n"
        for w in weeks { out += Self.text(w, kind: "week", unit: unit) }
        for d in days { out += Self.text(d, kind: "day", unit: unit) }
        if let t = painTrend {
            out += "pain      \(t.direction.rawValue): \(fixed(t.first, 1)) → \(fixed(t.last, 1)) (first week against last, after the sessions)\n"
        } else {
            out += "pain      no trend yet (it needs pain answers in two weeks)\n"
        }
        out += "streak    \(streak.current) day\(streak.current == 1 ? "" : "s")"
            + " (longest \(streak.longest); one missed day is forgiven, two end it)"
            + (streak.lastActive.map { "; last \($0)" } ?? "") + "\n"
        return out
    }

    private static func text(_ p: Period, kind: String, unit: UserProfile.DistanceUnit) -> String {
        var out = "\n\(kind) \(p.label): \(p.sessions) session\(p.sessions == 1 ? "" : "s")\n"
        for w in p.work {
            let name = "\(w.exercise) \(w.side.rawValue)".padding(toLength: 22, withPad: " ", startingAt: 0)
            var parts: [String] = []
            if w.holds > 0 { parts.append("\(fixed(w.secondsUnderStretch, 1)) s under stretch, \(w.completeHolds) of \(w.holds) holds complete") }
            if w.reps > 0 { parts.append("\(w.completeReps) of \(w.reps) reps complete, \(w.sets) set\(w.sets == 1 ? "" : "s")") }
            if parts.isEmpty && w.exercise != "walk" { parts.append("nothing held or counted") }
            if !parts.isEmpty { out += "  \(name)\(parts.joined(separator: "; "))\n" }
        }
        if !p.formErrors.isEmpty {
            let byExercise = Dictionary(grouping: p.formErrors, by: \.exercise)
            let text = byExercise.keys.sorted().map { e in
                e + ": " + (byExercise[e] ?? []).map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", ")
            }
            out += "  form errors           \(text.joined(separator: "; "))\n"
        }
        let w = p.walking
        if w.steps > 0 || w.seconds > 0 {
            var line = "  walking               \(fixed(w.seconds / 60, 1)) min, \(w.steps) steps"
            if let m = w.metres, let of = w.ofGoal {
                line += ", \(distance(m, unit)) of \(distance(w.goalMetres, unit)) (\(Int((of * 100).rounded())) % of the goal)"
            } else {
                line += ", distance not known (give --height) — goal \(distance(w.goalMetres, unit))"
            }
            out += line + "\n"
        }
        if p.pain.answers > 0 {
            var line = "  pain                  before \(p.pain.before.map { fixed($0, 1) } ?? "–"), after \(p.pain.after.map { fixed($0, 1) } ?? "–")"
            if let c = p.painChange { line += " (\(c >= 0 ? "+" : "")\(fixed(c, 1)) from the \(kind) before)" }
            out += line + "\n"
        }
        return out
    }
}
