import FormcheckFeedback

/// The plan's words: today's targets and the reason for each (`PlanReason`), for `formcheck plan`.
extension CueCatalogue {
    /// What a reason is about, for its words.
    public enum PlanSubject: Sendable, Hashable {
        /// The daily walk, shown in `unit`.
        case walking(UserProfile.DistanceUnit)
        /// A stretch's hold, seconds.
        case hold
        /// A strengthening exercise's reps per set.
        case reps
    }

    /// A distance in the user's unit, one decimal (two below one): "1.1 mi", "0.25 mi", "1.8 km".
    public func distance(_ metres: Double, unit: UserProfile.DistanceUnit) -> String {
        let x = metres / (unit == .miles ? 1609.344 : 1000)
        return DecimalText.fixed(x, x < 0.995 ? 2 : 1) + (unit == .miles ? " mi" : " km")
    }

    /// A target's amount: "1.1 mi", "35 s", "11 reps" (a set).
    public func amount(_ x: Double, _ subject: PlanSubject) -> String {
        switch subject {
        case .walking(let unit): distance(x, unit: unit)
        case .hold: DecimalText.trimmed(x, 1) + " s"
        case .reps: DecimalText.trimmed(x, 0) + " reps"
        }
    }

    /// Why a target is what it is: "+10 % on last week's 1.0 mi; pain steady (2.5 after sessions, was 3.0)".
    public func plan(_ r: PlanReason, _ subject: PlanSubject, rules: PlanRules) -> String {
        func a(_ x: Double) -> String { amount(x, subject) }
        let growth: String
        let cap: String
        switch subject {
        case .walking:
            growth = "+" + DecimalText.trimmed(rules.walking.weeklyGrowth * 100, 1) + " %"
            cap = "your goal"
        case .hold:
            growth = "+" + DecimalText.trimmed(rules.holds.growthSeconds, 1) + " s"
            cap = "the cap of " + DecimalText.trimmed(rules.holds.capSeconds, 1) + " s"
        case .reps:
            growth = "+\(rules.reps.growthPerSet) a set"
            cap = "the cap of \(rules.reps.capPerSet) a set"
        }
        let lastWeek = r.firstWeekWalked.map { walked in
            "what you walked a day in your first week, " + a(walked)
                + (walked < rules.walking.minimumMetres ? " (at least the plan's \(a(rules.walking.minimumMetres)))" : "")
        } ?? "last week's"
        let text: String
        switch r.decision {
        case .noHistory:
            return (subject == .hold || subject == .reps ? "the routine's dose" : "the starting distance")
                + ": no sessions in the history yet"
        case .firstWeek:
            return subject == .hold || subject == .reps ? "the routine's dose, for the plan's first week" : "the starting distance, for the plan's first week"
        case .grew(let from):
            text = r.firstWeekWalked == nil ? "\(growth) on last week's \(a(from))" : "\(growth) on \(lastWeek)"
        case .reachedCap(let from):
            text = "\(cap), reached from " + (r.firstWeekWalked == nil ? "last week's \(a(from))" : lastWeek)
        case .atCap:
            text = "at \(cap)"
        case .heldIncomplete(let days, let needed):
            let what: String
            switch subject {
            case .walking: what = DecimalText.trimmed(rules.completion.walkingFraction * 100, 1) + " % of it walked"
            case .hold, .reps: what = "done"
            }
            text = (r.firstWeekWalked == nil ? "as last week" : "as \(lastWeek)")
                + ": \(what) on \(days) of 7 days, \(needed) needed"
        case .heldForPain(let rise):
            return (r.firstWeekWalked == nil ? "as last week" : "as \(lastWeek)") + ": pain rose (\(painRise(rise)))"
        case .steppedBack(let from, let rise):
            return "a step back from \(a(from)): pain rose two weeks running (\(painRise(rise)))"
        }
        return text + "; " + (r.pain.map(pain) ?? "no pain recorded")
    }

    /// "mean after sessions 3.0 → 4.0", "a session went from 2 to 4".
    public func painRise(_ rise: PainRise) -> String {
        switch rise {
        case .weekly(let from, let to): "mean after sessions \(DecimalText.fixed(from, 1)) → \(DecimalText.fixed(to, 1))"
        case .session(let before, let after): "a session went from \(before) to \(after)"
        }
    }

    /// A week's pain, in a few words.
    public func pain(_ v: PainVerdict) -> String {
        switch v {
        case .notRecorded: "no pain recorded"
        case .steady(let mean, let previous?): "pain steady (\(DecimalText.fixed(mean, 1)) after sessions, was \(DecimalText.fixed(previous, 1)))"
        case .steady(let mean, nil): "pain steady (\(DecimalText.fixed(mean, 1)) after sessions)"
        case .rose(let rise): "pain rose (\(painRise(rise)))"
        case .roseAgain(let rise): "pain rose again (\(painRise(rise)))"
        }
    }
}
