/// The contract over a whole session's JSON Lines, beyond each line: `t` never decreases, the
/// summary comes once and last, the first cue is `setup` or `startPosition` (a `sensor` cue aside),
/// each hold's start
/// precedes its end, and a hold with an `overshoot`, `shallow` or `sagging` error during it is not
/// complete (in its `holdEnded` line and in the summary); the same for a strengthening rep (its
/// `repEnded` line and the summary's `reps`).
extension SessionEventJSON {
    /// Checks a session's lines in order; throws at the first that breaks the contract.
    public static func validate(session lines: [String]) throws(Invalid) {
        var lastT = -Double.infinity
        var open: [Int: Double] = [:]
        var spoiled: [Int: [Double]] = [:]
        var ended: [Int: Bool] = [:]
        var repsEnded: [Int: Bool] = [:]
        var firstCue: String?
        for (i, line) in lines.enumerated() {
            let type = try validate(line: line)
            // validate(line:) parsed it: these cannot fail.
            guard let value = try? JSONValue(parsing: line), let t = value["t"]?.doubleValue else { continue }
            guard t >= lastT else { throw Invalid(line: line, reason: "line \(i + 1): t \(t) is before the line above (\(lastT))") }
            lastT = t
            switch type {
            case "cue":
                // A sensor gone or back (two sensors) may come at any time, before the setup too.
                if firstCue == nil, value["kind"]?.stringValue != CueKind.sensor.rawValue {
                    firstCue = value["kind"]?.stringValue
                    guard firstCue == CueKind.setup.rawValue || firstCue == CueKind.startPosition.rawValue else {
                        throw Invalid(line: line, reason: "line \(i + 1): the first cue is \(firstCue ?? "?"), not setup or startPosition")
                    }
                }
            case "holdStarted":
                if let rep = value["rep"]?.intValue, let start = value["start"]?.doubleValue { open[rep] = start }
            case "formError":
                let kind = value["kind"]?.stringValue.flatMap(FormError.init(rawValue:))
                if let kind, kind.spoilsHold, let rep = value["rep"]?.intValue { spoiled[rep, default: []].append(t) }
            case "holdEnded":
                guard let rep = value["rep"]?.intValue, let start = value["start"]?.doubleValue, let end = value["end"]?.doubleValue,
                      case .bool(let complete)? = value["complete"] else { continue }
                guard open[rep] == start else { throw Invalid(line: line, reason: "line \(i + 1): hold \(rep) ends without starting at \(start)") }
                guard start <= end, end <= t else { throw Invalid(line: line, reason: "line \(i + 1): hold \(rep) runs \(start)–\(end), reported at \(t)") }
                if complete && (spoiled[rep] ?? []).contains(where: { $0 >= start }) {
                    throw Invalid(line: line, reason: "line \(i + 1): hold \(rep) had an overshoot, shallow or sagging error but is complete")
                }
                ended[rep] = complete
                open[rep] = nil
            case "repEnded":
                guard let rep = value["rep"]?.intValue, let start = value["start"]?.doubleValue, let end = value["end"]?.doubleValue,
                      case .bool(let complete)? = value["complete"] else { continue }
                guard start <= end, end <= t else { throw Invalid(line: line, reason: "line \(i + 1): rep \(rep) runs \(start)–\(end), reported at \(t)") }
                if complete && (spoiled[rep] ?? []).contains(where: { $0 >= start }) {
                    throw Invalid(line: line, reason: "line \(i + 1): rep \(rep) had an overshoot, shallow or sagging error but is complete")
                }
                repsEnded[rep] = complete
            case "summary":
                guard i == lines.count - 1 else { throw Invalid(line: line, reason: "line \(i + 1): the summary is not the last line") }
                if case .array(let reps)? = value["reps"] {
                    for r in reps {
                        guard let rep = r["rep"]?.intValue, case .bool(let complete)? = r["complete"] else { continue }
                        guard repsEnded[rep] == complete else {
                            throw Invalid(line: line, reason: "summary: rep \(rep) complete \(complete), but its repEnded line says \(repsEnded[rep].map(String.init) ?? "nothing")")
                        }
                    }
                }
                guard case .array(let holds)? = value["holds"] else { continue }
                for h in holds {
                    guard let rep = h["rep"]?.intValue, case .bool(let complete)? = h["complete"] else { continue }
                    guard ended[rep] == complete else {
                        throw Invalid(line: line, reason: "summary: hold \(rep) complete \(complete), but its holdEnded line says \(ended[rep].map(String.init) ?? "nothing")")
                    }
                }
            default:
                break
            }
        }
        guard let last = lines.last, (try? validate(line: last)) == "summary" else {
            throw Invalid(line: lines.last ?? "", reason: "the last line is not the summary")
        }
    }
}
