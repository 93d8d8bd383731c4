import MotionCore

/// The live terminal view, for a person lying on the floor 2 m from the screen: in big digits
/// (`BlockFont`) the seconds left of a hold (between holds the angle, walking the cadence); the
/// angle and the target band as a bar (`AngleBar`, whole degrees); a banner with the correction in
/// force while a hold is out of its band; the hold's progress, the rep on this side, steps and
/// cadence for walking, the last cue, and how to stop.
///
/// `render` is a pure function of the status; with `colour` it adds ANSI colours (SGR), without
/// it has no escape at all, and every state reads from shapes and words alone. `frame` adds the
/// terminal control to redraw in place without clearing the screen (no flicker).
public enum LiveView {
    /// The one-line hint at the bottom.
    public static let hint = "Ctrl-C ends the session"
    /// Widest progress bar, in columns.
    static let maximumBarWidth = 40

    /// What the big digits show, and the words under them.
    public struct Figure: Sendable, Hashable {
        /// In `BlockFont`'s characters.
        public var text: String
        public var label: String
        public var style: ViewStyle?
    }

    /// The screen: exactly `height` lines (newline-separated, none at the end), each at most `width`
    /// columns and without trailing spaces, content centred. Angles in degrees, times in seconds.
    public static func render(status: SessionStatus, exercise: ExerciseProtocol, side: Side, width: Int, height: Int,
                              colour: Bool = false) -> String {
        lines(status: status, exercise: exercise, side: side, width: width, height: height)
            .map { $0.text(colour: colour) }.joined(separator: "\n")
    }

    /// `render`'s screen with the escapes that redraw it in place: cursor home, each line cleared to
    /// its end, the rest of the screen cleared. Nothing is cleared before it is drawn over.
    public static func frame(status: SessionStatus, exercise: ExerciseProtocol, side: Side, width: Int, height: Int,
                             colour: Bool = false) -> String {
        let escape = "\u{1B}["
        let lines = lines(status: status, exercise: exercise, side: side, width: width, height: height)
            .map { $0.text(colour: colour) + escape + "K" }
        return escape + "H" + lines.joined(separator: "\n") + escape + "J"
    }

    /// The screen's lines, styled.
    public static func lines(status: SessionStatus, exercise: ExerciseProtocol, side: Side, width: Int, height: Int) -> [ViewLine] {
        let width = max(1, width), height = max(1, height)
        var top: [ViewLine] = [ViewLine(header(status: status, exercise: exercise, side: side, width: width), .title), ""]
        let figure = figure(status: status, exercise: exercise)
        var rest: [ViewLine] = [""]
        if !status.calibrated {
            rest.append("calibrating — keep still")
        } else {
            rest += AngleBar.lines(angle: status.flexion, band: status.target, scale: AngleBar.scale(for: exercise), width: width)
            if let target = status.target {
                let inside = status.flexion.map { target.contains($0.rounded()) } ?? false
                let text = "target \(number(target.lowerBound))–\(number(target.upperBound))°"
                rest.append(inside ? ViewLine(text) + ViewLine("  ✓", .good) : ViewLine(text))
            }
        }
        if let banner = status.banner {
            rest.append(ViewLine("!! " + banner + " !!", .banner))
        }
        switch exercise.kind {
        case .stretch:
            rest.append(holdLine(status: status, exercise: exercise, width: width))
            rest.append(ViewLine(repLine(status: status, side: side)))
        case .walk:
            rest.append(ViewLine(walkLine(status: status, exercise: exercise)))
        case .strength:
            rest += strengthLines(status: status, exercise: exercise, side: side)
        }
        if let cue = status.lastCue {
            rest.append("")
            rest.append(ViewLine("“\(cue)”"))
        }
        let big = BlockFont.render(figure.text)
        let room = height - 1 - top.count - rest.count - 1
        if BlockFont.width(figure.text) <= width && room >= big.count {
            top += big.map { ViewLine($0, figure.style) }
            top.append(ViewLine(figure.label))
        } else {
            top.append(ViewLine(figure.text + " " + figure.label, figure.style))
        }
        return layout(top + rest, width: width, height: height)
    }

    /// The big figure: the seconds left while holding (rounded up: "23" until 22 s are left); the
    /// angle in whole degrees otherwise; the cadence, in whole steps per minute, walking; the reps
    /// left of the set, strengthening.
    public static func figure(status: SessionStatus, exercise: ExerciseProtocol) -> Figure {
        switch exercise.kind {
        case .strength:
            let left = max(0, (exercise.reps?.perSet ?? 0) - status.reps)
            return Figure(text: "\(left)", label: left == 1 ? "rep left" : "reps left", style: left == 0 ? .good : nil)
        case .walk:
            let text = status.cadence.map { "\(Int($0.rounded()))" } ?? "--"
            let brisk = exercise.briskCadence.map { b in status.cadence.map { $0 >= b } ?? false } ?? false
            return Figure(text: text, label: "steps/min", style: brisk ? .good : nil)
        case .stretch:
            if status.holding, let seconds = status.holdSeconds, seconds > 0 {
                let left = max(0, status.secondsLeft ?? seconds - (status.held ?? 0))
                let whole = Int(left.rounded(.up))
                if status.banner != nil { return Figure(text: "\(whole)", label: "seconds left — paused", style: .attention) }
                return Figure(text: "\(whole)", label: whole == 0 ? "done — release slowly" : "seconds left", style: .good)
            }
            guard status.calibrated, let flexion = status.flexion else { return Figure(text: "--°", label: "degrees", style: nil) }
            let whole = flexion.rounded()
            let inside = status.target?.contains(whole) ?? false
            return Figure(text: "\(Int(whole))°", label: "degrees", style: inside ? .good : nil)
        }
    }

    /// The progress bar: `width` cells, `fraction` (0…1) of them full.
    public static func bar(fraction: Double, width: Int) -> String {
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let full = Int((f * Double(width)).rounded(.down))
        return "[" + String(repeating: "█", count: full) + String(repeating: "░", count: width - full) + "]"
    }

    /// `Supine piriformis stretch — right leg — 1:15` (minutes:seconds since the start); without
    /// the time when that does not fit.
    static func header(status: SessionStatus, exercise: ExerciseProtocol, side: Side, width: Int) -> String {
        let total = Int(max(0, status.t))
        let clock = "\(total / 60):" + (total % 60 < 10 ? "0" : "") + "\(total % 60)"
        let title = "\(exercise.title) — \(side.rawValue) leg"
        return title.count + 3 + clock.count <= width ? title + " — " + clock : title
    }

    /// `42 s held — 18 s left` with its bar while holding; what to do otherwise.
    static func holdLine(status: SessionStatus, exercise: ExerciseProtocol, width: Int) -> ViewLine {
        guard status.holding, let held = status.held else {
            guard let seconds = status.holdSeconds ?? exercise.holdSeconds else { return "hold when you reach the target" }
            let angle = exercise.holdAngle.map { " at \(number($0))° or more" } ?? ""
            return ViewLine("hold \(number(seconds)) s\(angle)")
        }
        let heldText = "\(Int(max(0, held).rounded(.down))) s held"
        guard let seconds = status.holdSeconds, seconds > 0 else { return ViewLine("holding — " + heldText) }
        let left = status.secondsLeft ?? max(0, seconds - held)
        let leftText = left <= 0 ? "done — release slowly" : "\(Int(left.rounded(.up))) s left"
        let text = "  " + heldText + " — " + leftText + (status.banner != nil ? " (paused)" : "")
        let barWidth = max(10, min(maximumBarWidth, width - 2 - text.count))
        return ViewLine(bar(fraction: held / seconds, width: barWidth), status.banner != nil ? .attention : .good) + ViewLine(text)
    }

    /// `rep 1 of 2 — right`: the rep under way (or the next one), and when all are done, so.
    static func repLine(status: SessionStatus, side: Side) -> String {
        guard let reps = status.repsPerSide else {
            return "rep \(status.holding ? status.reps : status.reps + 1) — \(side.rawValue)"
        }
        if !status.holding && status.reps >= reps {
            return "\(reps) of \(reps) reps done — \(side.rawValue): switch legs"
        }
        return "rep \(status.holding ? status.reps : status.reps + 1) of \(reps) — \(side.rawValue)"
    }

    /// Strengthening: `set 1 of 2 — reps 3/10 — right`; the tempo guide, the stage under way in
    /// brackets and capitals with its seconds so far (whole tenths, rounded down) (`[UP 1.2 s] › top 2 s › down 1 s`, the
    /// protocol's tempo: up and down at least, the pause at the top); the last rep's range against
    /// the target. While resting between sets: `rest — set 2 next`.
    static func strengthLines(status: SessionStatus, exercise: ExerciseProtocol, side: Side) -> [ViewLine] {
        guard let r = exercise.reps else { return [] }
        let set = status.set ?? 1
        var lines: [ViewLine] = [ViewLine("set \(set) of \(status.sets ?? r.sets) — reps \(status.reps)/\(r.perSet) — \(side.rawValue)")]
        if status.resting {
            lines.append(ViewLine("rest — set \(set) next", .attention))
        } else {
            lines.append(tempoLine(status: status, rules: r))
        }
        if let range = status.lastRange {
            let target = abs(r.topAngle - r.startAngle)
            let text = ViewLine("last rep \(Int(range.rounded()))° of \(number(target))°")
            lines.append(status.lastComplete == true ? text + ViewLine("  ✓", .good) : text + ViewLine("  ✗", .attention))
        }
        return lines
    }

    /// The tempo guide: up › top › down, the stage under way marked.
    static func tempoLine(status: SessionStatus, rules r: ExerciseProtocol.RepRules) -> ViewLine {
        var stages: [(RepStage, String)] = [(.up, "up \(number(r.minimumUpSeconds)) s")]
        if r.holdSeconds > 0 { stages.append((.top, "hold \(number(r.holdSeconds)) s")) }
        stages.append((.down, "down \(number(r.minimumDownSeconds)) s"))
        var line = ViewLine()
        for (i, (stage, text)) in stages.enumerated() {
            if i > 0 { line = line + ViewLine(" › ") }
            let current = status.stage == stage
            if current, let since = status.stageSince {
                let name = stage == .top ? "HOLD" : stage.rawValue.uppercased()
                line = line + ViewLine("[\(name) \(DecimalText.fixed((max(0, status.t - since) * 10).rounded(.down) / 10, 1)) s]", .good)
            } else {
                line = line + ViewLine(text)
            }
        }
        return line
    }

    /// `steps 112   cadence 112.0 steps/min (brisk: 100 or more)`.
    static func walkLine(status: SessionStatus, exercise: ExerciseProtocol) -> String {
        let cadence = status.cadence.map { DecimalText.fixed($0, 1) + " steps/min" } ?? "—"
        let brisk = exercise.briskCadence.map { " (brisk: \(number($0)) or more)" } ?? ""
        return "steps \(status.steps ?? 0)   cadence \(cadence)\(brisk)"
    }

    /// Whole numbers without a point, others to 0.1.
    static func number(_ x: Double) -> String { DecimalText.trimmed(x, 1) }

    /// Centres `content` (each line, and the block vertically) over `height − 1` lines, with the
    /// hint on the last line. Too little room: blank lines go first, then lines from the bottom.
    static func layout(_ content: [ViewLine], width: Int, height: Int) -> [ViewLine] {
        var lines = content
        let room = max(0, height - 1)
        if lines.count > room { lines.removeAll { $0.plain.allSatisfy { $0 == " " } } }
        if lines.count > room { lines.removeLast(lines.count - room) }
        let top = (room - lines.count) / 2
        var screen = Array(repeating: ViewLine(), count: top) + lines
        screen += Array(repeating: ViewLine(), count: room - screen.count)
        screen.append(ViewLine(hint))
        if height == 1 { screen = [ViewLine(hint)] }
        return screen.map { centre($0, width: width).trimmingTrailingSpaces }
    }

    static func centre(_ line: ViewLine, width: Int) -> ViewLine {
        guard line.width < width else { return line.prefix(width) }
        guard !line.isEmpty else { return line }
        return ViewLine(String(repeating: " ", count: (width - line.width) / 2)) + line
    }
}
