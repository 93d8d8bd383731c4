import FormcheckHistory

/// Every exercise of every session in one table: a row per session (its date, routine, pain) and a
/// row per exercise (`tr.exercise-row`, its figures in data attributes too).
extension HTMLReport {
    static func everything(_ input: ReportInput, _ sessions: [SessionRecord]) -> String {
        let unit = unitName(input.profile)
        let widths = [22, 8, 9, 9, 9, 8, 17, 8, 10]
        var parts = ["<section class=\"everything\">\n<h2>Everything</h2>\n<table class=\"everything-table\">\n"]
        parts.append("<colgroup>" + widths.map { "<col style=\"width:\($0)%\">" }.joined() + "</colgroup>\n")
        let heads = [("exercise", false), ("side", false), ("ending", false), ("holds", true), ("under stretch", true), ("reps", true),
                     ("form errors", false), ("steps", true), ("distance (\(unit))", true)]
        parts.append("<thead><tr>" + heads.map { Markup.element("th", $0.1 ? [("class", "n")] : [], Markup.text($0.0)) }.joined() + "</tr></thead>\n")
        for s in sessions {
            let head = sessionName(s, input) + (s.routine.map { " · routine " + $0 } ?? " · " + s.kind.rawValue)
                + " · pain " + pain(s.painBefore) + " → " + pain(s.painAfter)
            var rows = [Markup.element("tr", [("class", "session-row"), ("data-session", idText(s))],
                                       Markup.element("td", [("colspan", "9")], Markup.text(head))) + "\n"]
            rows += s.exercises.sorted { $0.position < $1.position }.map { row($0, s, input) }
            parts.append(Markup.element("tbody", [], "\n" + rows.joined()) + "\n")
        }
        parts.append("</table>\n")
        parts.append(note("Holds and reps: complete / all. Under stretch: the time in complete holds."))
        parts.append("</section>\n")
        return parts.joined()
    }

    static func row(_ e: ExerciseRecord, _ s: SessionRecord, _ input: ReportInput) -> String {
        let sum = e.summary
        let metres = e.walkedMetres(profile: input.profile)
        var kinds: [String: Int] = [:]
        for err in sum.formErrors { kinds[err.kind.rawValue, default: 0] += 1 }
        let errors = kinds.keys.sorted().map { k in kinds[k] == 1 ? k : "\(k) × \(kinds[k] ?? 0)" }.joined(separator: ", ")
        func cell(_ text: String, number: Bool = false) -> String {
            Markup.element("td", number ? [("class", "n")] : [], Markup.text(text))
        }
        let cells = [
            cell("\(e.position). " + title(e.exercise, input)), cell(e.side.rawValue), cell(e.ending.rawValue),
            cell(sum.holds.isEmpty ? "—" : "\(e.completeHolds)/\(sum.holds.count)", number: true),
            cell(sum.holds.isEmpty ? "—" : HTMLText.duration(e.secondsUnderStretch), number: true),
            cell(sum.reps == nil ? "—" : "\(e.completeReps)/\(e.allReps)", number: true),
            cell(errors.isEmpty ? "none" : errors),
            cell(sum.steps.map(String.init) ?? "—", number: true),
            cell(metres.map { HTMLText.fixed($0 / metresPerUnit(input.profile), 2) } ?? "—", number: true),
        ]
        let attributes: Markup.Attributes = [
            ("class", "exercise-row"), ("data-session", idText(s)), ("data-exercise", e.exercise), ("data-side", e.side.rawValue),
            ("data-holds", "\(sum.holds.count)"), ("data-complete-holds", "\(e.completeHolds)"),
            ("data-seconds-under-stretch", HTMLText.number(e.secondsUnderStretch)), ("data-reps", "\(e.allReps)"),
            ("data-complete-reps", "\(e.completeReps)"), ("data-errors", "\(sum.formErrors.count)"),
            ("data-steps", sum.steps.map(String.init) ?? ""), ("data-metres", metres.map { HTMLText.number($0) } ?? ""),
        ]
        return Markup.element("tr", attributes, cells.joined()) + "\n"
    }
}
