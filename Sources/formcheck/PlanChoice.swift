import FormcheckFeedback
import FormcheckHistory
import Foundation

/// Today's targets from the history named on the command line (`plan`, `routine`).
enum PlanChoice {
    /// The routine the plan is for: the one named, else the routine of the last session before
    /// `day` that had one (when it is known by name: a routine file's is not), else the daily routine.
    static func routineName(_ named: String?, sessions: [SessionRecord], before day: Date) -> String {
        if let named { return named }
        guard let last = sessions.filter({ $0.startedAt < day }).last(where: { $0.routine != nil })?.routine else { return "sciatica-daily" }
        if (try? RoutineLibrary.named(last)) != nil { return last }
        printError("formcheck: your last routine, \(last), is not one formcheck knows by name (a routine file?): "
                   + "planning sciatica-daily; give --routine FILE for yours")
        return "sciatica-daily"
    }

    /// The history's sessions (without their traces) and the profile.
    static func read(_ store: HistoryStore) throws -> (sessions: [SessionRecord], profile: UserProfile) {
        do { return (try store.sessions(traces: false), try store.profile()) } catch let error as HistoryError { throw fail(error) }
    }

    /// The routine with the doses the plan gives on `day` when the history (nil: none) has
    /// sessions before that day, and those targets; else the routine as it is, and nil.
    static func todaysRoutine(_ routine: Routine, store: HistoryStore?, rules: PlanRules, day: Date) throws -> (Routine, DailyTargets?) {
        guard let store else { return (routine, nil) }
        let (sessions, profile) = try read(store)
        let start = Calendar.current.startOfDay(for: day)
        guard sessions.contains(where: { $0.startedAt < start }) else { return (routine, nil) }
        let targets = Progression.targets(history: sessions, profile: profile, rules: rules,
                                          routine: try RoutineChoice.plan(of: routine), today: start)
        return (routine.applying(targets), targets)
    }

    /// One line for stderr: the doses the routine takes from the plan.
    static func notice(_ t: DailyTargets) -> String {
        func n(_ x: Double) -> String { FormcheckFeedback.DecimalText.trimmed(x, 1) }
        let doses = t.exercises.map { e -> String in
            switch e.kind {
            case .stretch: "\(e.exercise) \(e.holds ?? 1) × \(n(e.holdSeconds ?? 0)) s"
            case .strength: "\(e.exercise) \(e.sets ?? 1) × \(e.perSet ?? 0)"
            case .walk: e.exercise
            }
        }
        return "today's doses from your plan (\(t.plan), week \(t.week ?? 1)): " + (doses + ["walk \(t.walking.minutes) min"]).joined(separator: ", ")
            + " — 'formcheck plan' says why; --no-plan keeps the routine's own"
    }
}
