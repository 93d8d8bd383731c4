/// Whether the live view uses colour: only on a terminal, never with `NO_COLOR` set to anything
/// (no-color.org), never on `TERM` unset or `dumb`.
public enum TerminalColour {
    /// - Parameters:
    ///   - environment: the process environment (`TERM`, `NO_COLOR`).
    ///   - isTerminal: standard output is a terminal (isatty).
    public static func enabled(environment: [String: String], isTerminal: Bool) -> Bool {
        guard isTerminal else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
        return true
    }
}
