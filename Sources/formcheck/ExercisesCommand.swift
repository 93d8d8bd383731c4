import ArgumentParser
import FormcheckFeedback

struct ExercisesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercises",
        abstract: "List the exercises (built-in and your own) with their parameters.",
        discussion: """
            Each exercise is a protocol file (JSON): posture, start band, hold angle and time, reps per \
            side, and the thresholds of the form checks (degrees, seconds, degrees per second). --json \
            prints them as an array of those files' content, a starting point for a protocol of your own: \
            save one as $XDG_CONFIG_HOME/formcheck/protocols/NAME.json (default ~/.config/formcheck/protocols/) \
            and it is listed here and coached with --exercise NAME (a built-in name is replaced by your file), \
            or pass any file with --protocol FILE.
            """)

    @Flag(help: "Print the protocols as a JSON array.")
    var json = false

    func run() async throws {
        let protocols: [ExerciseProtocol]
        do {
            protocols = try ExerciseLibrary.all()
        } catch let error as ExerciseLibrary.LoadError {
            printError("formcheck: \(error)\n  fix: correct that file (compare with a built-in protocol: 'formcheck exercises --json' "
                       + "without it), or move it out of \(ExerciseLibrary.userFolder())")
            if case .invalid = error { throw ExitCode(65) }
            throw ExitCode(66)
        }
        if json {
            print(try jsonText(protocols))
        } else {
            print(protocols.map(Self.text).joined(separator: "\n\n"))
        }
    }

    /// One exercise for people: its parameters, one per line, then how to do it.
    static func text(_ p: ExerciseProtocol) -> String {
        var lines = ["\(p.name) — \(p.title)"]
        func row(_ label: String, _ value: String) { lines.append("  " + label.padding(15) + value) }
        func n(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : fixed(x, 1) }
        row("posture", p.posture.rawValue)
        if let band = p.startBand { row("start band", "\(n(band.flexion))° ± \(n(band.tolerance))°") }
        if let angle = p.holdAngle { row("hold angle", "\(n(angle))° or more") }
        if let seconds = p.holdSeconds { row("hold time", "\(n(seconds)) s") }
        if let reps = p.repsPerSide { row("reps per side", String(reps)) }
        if let adduction = p.minimumAdduction { row("crossed over", "adduction \(n(adduction))° or more during the hold") }
        if let limit = p.overshootAngle { row("overshoot", "beyond \(n(limit))°") }
        if let rate = p.maximumRate {
            row("too fast", "over \(n(rate)) °/s" + (p.rateSmoothingHz.map { " (rate smoothed at \(n($0)) Hz)" } ?? ""))
        }
        if p.kind == .stretch, let hold = p.hold {
            row("a hold", "\(n(hold.minimumSeconds)) s or more beyond \(n(p.holdThreshold))°, steadier than \(n(hold.steadyRate)) °/s; "
                + "ends \(n(hold.endAfter)) s after leaving")
        }
        if let bounce = p.bounce {
            row("bouncing", "\(bounce.reversals) reversals of \(n(bounce.peakToPeak))° or more within \(n(bounce.window)) s")
        }
        if let cadence = p.briskCadence { row("brisk cadence", "\(n(cadence)) steps/min or more") }
        for (i, line) in wrap(p.instructions, width: 62).enumerated() {
            row(i == 0 ? "how" : "", line)
        }
        return lines.joined(separator: "\n")
    }

    /// Words in lines of at most `width` columns (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
