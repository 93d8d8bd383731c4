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

    @Argument(help: ArgumentHelp("One exercise (\(ExerciseLibrary.names.joined(separator: ", ")), or one of yours); default: all."))
    var name: String?

    @Flag(help: "Print as JSON: with NAME exactly a protocol file ('--protocol' loads it), without an array of them.")
    var json = false

    func run() async throws {
        let protocols: [ExerciseProtocol]
        do {
            protocols = try name.map { [try ExerciseLibrary.named($0)] } ?? ExerciseLibrary.all()
        } catch let error as ExerciseLibrary.LoadError {
            if case .unknown = error {
                printError("formcheck: \(error)\n  fix: 'formcheck exercises' lists them")
                throw ExitCode(64)
            }
            printError("formcheck: \(error)\n  fix: correct that file (compare with a built-in protocol: 'formcheck exercises --json' "
                       + "without it), or move it out of \(ExerciseLibrary.userFolder())")
            if case .invalid = error { throw ExitCode(65) }
            throw ExitCode(66)
        }
        if json {
            print(name == nil ? try jsonText(protocols) : try jsonText(protocols[0]))
        } else {
            print(protocols.map(Self.text).joined(separator: "\n\n"))
        }
    }

    /// Every number of a protocol, as `key.path value` pairs in the file's order of keys.
    static func parameters(_ p: ExerciseProtocol) -> [(String, String)] {
        guard let text = try? jsonText(p), let value = try? JSONValue(parsing: text) else { return [] }
        var rows: [(String, String)] = []
        func walk(_ v: JSONValue, _ path: String) {
            switch v {
            case .object(let members): for m in members { walk(m.value, path.isEmpty ? m.key : path + "." + m.key) }
            case .array(let items): rows.append((path, "[" + items.map(\.compactText).joined(separator: ", ") + "]"))
            case .number(let n): rows.append((path, n))
            case .null, .bool, .string: break
            }
        }
        walk(value, "")
        return rows
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
            row("too fast", "over \(n(rate)) °/s" + " (rate smoothed at \(n(p.rateSmoothingHz)) Hz)")
        }
        if p.kind == .stretch {
            let hold = p.hold
            row("a hold", "\(n(hold.minimumSeconds)) s or more beyond \(n(p.holdThreshold))°, steadier than \(n(hold.steadyRate)) °/s; "
                + "ends \(n(hold.endAfter)) s after leaving")
        }
        if let r = p.reps {
            row("reps", "\(r.sets) × \(r.perSet) " + (r.perSide ? "per side" : "(both legs at once)") + ", \(n(r.restSeconds)) s rest between sets")
            row("movement", "\(n(r.startAngle))° ± \(n(r.startTolerance))° → \(n(r.topAngle))°"
                + (r.holdSeconds > 0 ? ", \(n(r.holdSeconds)) s at the top" : "") + "; up ≥ \(n(r.minimumUpSeconds)) s, down ≥ \(n(r.minimumDownSeconds)) s")
            if r.axis != .flexion { row("axis", r.axis.rawValue) }
            if r.compensationDegrees > 0 { row("compensation", "roll or out of plane more than \(n(r.compensationDegrees))° from the rep's start") }
        }
        if let bounce = p.bounce {
            row("bouncing", "\(bounce.reversals) reversals of \(n(bounce.peakToPeak))° or more within \(n(bounce.window)) s")
        }
        if let cadence = p.briskCadence { row("brisk cadence", "\(n(cadence)) steps/min or more") }
        for (i, line) in wrap(p.instructions, width: 62).enumerated() {
            row(i == 0 ? "how" : "", line)
        }
        lines.append("  parameters (degrees, seconds, °/s, Hz, steps/min; the keys of 'formcheck exercises --json \(p.name)')")
        let rows = parameters(p)
        let width = rows.map(\.0.count).max() ?? 0
        for (key, value) in rows { lines.append("    " + key.padding(width + 2) + value) }
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
