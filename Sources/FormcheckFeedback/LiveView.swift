import MotionCore

/// The live terminal view, for a person lying on the floor a few metres from the screen: the
/// flexion angle in big digits (`BlockFont`), the target band, the hold's progress and seconds
/// left, the rep on this side, steps and cadence for walking, the last cue, and how to stop.
///
/// `render` is a pure function of the status (no escape sequences); `frame` adds the terminal
/// control to redraw in place.
public enum LiveView {
    /// The one-line hint at the bottom.
    public static let hint = "Ctrl-C ends the session"
    /// Widest progress bar, in columns.
    static let maximumBarWidth = 40

    /// The screen: exactly `height` lines (newline-separated, none at the end), each at most `width`
    /// columns and without trailing spaces, content centred. Angles in degrees, times in seconds.
    public static func render(status: SessionStatus, exercise: ExerciseProtocol, side: Side, width: Int, height: Int) -> String {
        let width = max(1, width), height = max(1, height)
        var content: [String] = []
        content.append(header(status: status, exercise: exercise, side: side, width: width))
        content.append("")
        let angle = status.flexion.map { DecimalText.fixed($0, 1) + "°" } ?? "--.-°"
        let big = BlockFont.render(angle)
        if BlockFont.width(angle) <= width && height >= big.count + 8 {
            content += big
        } else {
            content.append("flexion " + angle)
        }
        content.append("")
        if !status.calibrated {
            content.append("calibrating — keep still")
        } else if let target = status.target {
            let inside = status.flexion.map { target.contains($0) } ?? false
            content.append("target \(number(target.lowerBound))–\(number(target.upperBound))°" + (inside ? "  ✓" : ""))
        }
        switch exercise.kind {
        case .stretch:
            content.append(holdLine(status: status, exercise: exercise, width: width))
            content.append(repLine(status: status, side: side))
        case .walk:
            content.append(walkLine(status: status, exercise: exercise))
        case .strength:
            // Complete reps in the set against the set's target (the tempo guide is not drawn yet).
            content.append("reps \(status.reps)/\(exercise.reps?.perSet ?? 0)")
        }
        if let cue = status.lastCue {
            content.append("")
            content.append("“\(cue)”")
        }
        return layout(content, width: width, height: height)
    }

    /// `render`'s screen with the escapes that redraw it in place: cursor home, each line cleared to
    /// its end, the rest of the screen cleared.
    public static func frame(status: SessionStatus, exercise: ExerciseProtocol, side: Side, width: Int, height: Int) -> String {
        let screen = render(status: status, exercise: exercise, side: side, width: width, height: height)
        let escape = "\u{1B}["
        let lines: [String] = screen.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + escape + "K" }
        return escape + "H" + lines.joined(separator: "\n") + escape + "J"
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
    static func holdLine(status: SessionStatus, exercise: ExerciseProtocol, width: Int) -> String {
        guard status.holding, let held = status.held else {
            guard let seconds = status.holdSeconds ?? exercise.holdSeconds else { return "hold when you reach the target" }
            let angle = exercise.holdAngle.map { " at \(number($0))° or more" } ?? ""
            return "hold \(number(seconds)) s\(angle)"
        }
        let heldText = "\(Int(max(0, held).rounded(.down))) s held"
        guard let seconds = status.holdSeconds, seconds > 0 else { return "holding — " + heldText }
        let left = status.secondsLeft ?? max(0, seconds - held)
        let leftText = left <= 0 ? "done — release slowly" : "\(Int(left.rounded(.up))) s left"
        let text = "  " + heldText + " — " + leftText
        let barWidth = max(10, min(maximumBarWidth, width - 2 - text.count))
        return bar(fraction: held / seconds, width: barWidth) + text
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
    static func layout(_ content: [String], width: Int, height: Int) -> String {
        var lines = content
        let room = max(0, height - 1)
        if lines.count > room { lines.removeAll { $0.isEmpty } }
        if lines.count > room { lines.removeLast(lines.count - room) }
        let top = (room - lines.count) / 2
        var screen = Array(repeating: "", count: top) + lines
        screen += Array(repeating: "", count: room - screen.count)
        screen.append(hint)
        if height == 1 { screen = [hint] }
        return screen.map { trimmingTrailingSpaces(centre($0, width: width)) }.joined(separator: "\n")
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }

    static func centre(_ line: String, width: Int) -> String {
        guard line.count < width else { return String(line.prefix(width)) }
        guard !line.isEmpty else { return "" }
        return String(repeating: " ", count: (width - line.count) / 2) + line
    }
}
