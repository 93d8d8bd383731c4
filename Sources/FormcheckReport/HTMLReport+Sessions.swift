import FormcheckFeedback
import FormcheckHistory

/// A session's page: what it was, pain before and after, and each exercise with its trace.
extension HTMLReport {
    static func section(_ s: SessionRecord, _ input: ReportInput) -> String {
        let what = s.routine.map { "routine " + $0 } ?? s.kind.rawValue
        let end = s.endedAt.map { "–" + time($0, input) } ?? ""
        var parts = ["\n", Markup.element("h2", [], Markup.text(sessionName(s, input) + end + " (" + what + ")")), "\n"]
        parts.append(Markup.element("p", [("class", "pain")], "Pain before: " + Markup.element("b", [], pain(s.painBefore))
                                    + " · after: " + Markup.element("b", [], pain(s.painAfter))) + "\n")
        var facts: [String] = []
        if !s.devices.isEmpty { facts.append((s.devices.count == 1 ? "device " : "devices ") + s.devices.joined(separator: ", ")) }
        if s.state == .open { facts.append("not closed: the session ended unexpectedly (what it finished is kept)") }
        if !facts.isEmpty { parts.append(Markup.element("p", [("class", "meta")], Markup.text(facts.joined(separator: " · "))) + "\n") }
        for r in s.recordings {
            parts.append(note("recording " + r.path + (r.sha256.map { " (sha256 " + $0.prefix(16) + "…)" } ?? "")))
        }
        if s.exercises.isEmpty { parts.append(note("No exercise was finished in this session.")) }
        parts += s.exercises.sorted { $0.position < $1.position }.map { exercise($0, input) }
        let pairs = comparisons(s, input)
        if !pairs.isEmpty {
            parts.append("<h3>Left and right</h3>\n")
            parts.append(Markup.element("ul", [("class", "session-symmetry")], pairs.map { symmetryItem($0, input) }.joined()) + "\n")
        }
        let attributes: Markup.Attributes = [("class", "session"), ("data-session", idText(s)),
                                             ("data-pain-before", s.painBefore.map(String.init) ?? ""),
                                             ("data-pain-after", s.painAfter.map(String.init) ?? ""), ("data-exercises", "\(s.exercises.count)")]
        return Markup.element("section", attributes, parts.joined()) + "\n"
    }

    /// The routine summary's words for a comparison, less its "symmetry  NAME: " lead; its flags after it.
    static func symmetryItem(_ c: SideComparison, _ input: ReportInput) -> String {
        let lines = TextReport.symmetry(c).split(separator: "\n").map(String.init)
        let lead = "symmetry  \(c.exercise): "
        let first = lines.first.map { $0.hasPrefix(lead) ? String($0.dropFirst(lead.count)) : $0 } ?? ""
        let flags = lines.dropFirst().map { "; " + $0.drop { $0 == " " || $0 == "!" } }.joined()
        return Markup.element("li", c.flags.isEmpty ? [] : [("class", "flag")], Markup.text(title(c.exercise, input) + ": " + first + flags)) + "\n"
    }

    /// What one exercise did, in words.
    static func facts(_ e: ExerciseRecord, _ input: ReportInput) -> [String] {
        let s = e.summary
        var parts: [String] = []
        switch input.kind(of: e) {
        case .stretch:
            parts.append("\(e.completeHolds) of " + plural(s.holds.count, "hold", "holds") + " complete")
            parts.append(HTMLText.duration(e.secondsUnderStretch) + " under stretch")
            if let peak = s.holds.map(\.peakFlexion).max() { parts.append("peak \(HTMLText.fixed(peak, 1))°") }
        case .strength:
            parts.append("\(e.completeReps) of " + plural(e.allReps, "rep", "reps") + " complete")
            let sets = Set((s.reps ?? []).map(\.set)).count
            if sets > 0 { parts.append(plural(sets, "set", "sets")) }
        case .walk:
            parts.append(plural(s.steps ?? 0, "step", "steps"))
            if let c = s.cadence { parts.append("\(HTMLText.fixed(c, 0)) steps a minute") }
            if let w = s.walkingSeconds { parts.append(HTMLText.duration(w) + " walking") }
            if let m = e.walkedMetres(profile: input.profile) {
                parts.append(distance(m, input.profile) + (e.distanceIsEstimated(profile: input.profile) ? " (steps × calibrated stride)" : ""))
            }
        }
        parts.append(plural(s.formErrors.count, "form error", "form errors"))
        if !s.strapSlips.isEmpty { parts.append(plural(s.strapSlips.count, "strap slip", "strap slips")) }
        parts.append(HTMLText.duration(e.end - e.start) + " from " + HTMLText.clock(e.start))
        return parts
    }

    static func exercise(_ e: ExerciseRecord, _ input: ReportInput) -> String {
        let p = input.protocols[e.exercise]
        let s = e.summary
        let target = p.flatMap(TargetBand.init)
        var parts = [Markup.element("h3", [], Markup.text("\(e.position). " + title(e.exercise, input) + " — \(e.side.rawValue) leg (\(e.ending.rawValue))")), "\n"]
        parts.append(Markup.element("p", [], Markup.text(facts(e, input).joined(separator: " · "))) + "\n")
        var legend = [swatch(ReportStyle.trace, "thigh flexion")]
        if !s.holds.isEmpty { legend.append(swatch(ReportStyle.holdBand, "holds")) }
        if !(s.reps ?? []).isEmpty { legend.append(swatch(ReportStyle.repBand, "reps")) }
        if let target { legend.append(swatch(ReportStyle.targetBand, "target: " + target.label)) }
        if !s.formErrors.isEmpty { legend.append(swatch(ReportStyle.formError, "form errors")) }
        var figure = [TraceChart.svg(e, target: target), "\n", Markup.element("p", [("class", "legend")], legend.joined()), "\n"]
        if p == nil {
            figure.append(note("No protocol named " + e.exercise + " is known here: no target is drawn."))
        } else if target == nil, input.kind(of: e) == .strength {
            figure.append(note("Its reps move along abduction; the trace shows flexion, so no target is drawn."))
        }
        if !s.formErrors.isEmpty {
            let items = s.formErrors.map { err in
                Markup.element("li", [("class", "error-item"), ("data-kind", err.kind.rawValue)],
                               Markup.text(HTMLText.clock(err.t) + (err.rep.map { ", rep \($0)" } ?? "") + ": " + input.catalogue.message(err.kind)
                                           + " — “" + input.catalogue.correction(err.kind) + "”")) + "\n"
            }
            figure.append(Markup.element("ol", [("class", "errors")], "\n" + items.joined()) + "\n")
        }
        parts.append(Markup.element("figure", [], figure.joined()) + "\n")
        let attributes: Markup.Attributes = [("class", "exercise"), ("data-exercise", e.exercise), ("data-side", e.side.rawValue),
                                             ("data-ending", e.ending.rawValue), ("data-holds", "\(s.holds.count)"),
                                             ("data-reps", "\(e.allReps)"), ("data-errors", "\(s.formErrors.count)")]
        return Markup.element("article", attributes, "\n" + parts.joined()) + "\n"
    }

    static func swatch(_ colour: String, _ label: String) -> String {
        Markup.element("span", [("class", "swatch"), ("style", "background:" + colour)]) + Markup.text(label)
    }
}
