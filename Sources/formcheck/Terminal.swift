import FormcheckDevices
import Foundation

/// The terminal formcheck draws on (its C calls are `TerminalDevice`'s, in FormcheckDevices).
enum Terminal {
    /// Whether descriptor 0 (standard input) or 1 (standard output) is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool {
        TerminalDevice(rawDescriptor: fd).isTerminal
    }

    /// Columns and rows of standard output's terminal (TIOCGWINSZ), else $COLUMNS/$LINES, else 80 × 24.
    static func size() -> (width: Int, height: Int) {
        if let size = TerminalDevice.standardOutput.windowSize() { return (size.columns, size.rows) }
        let environment = ProcessInfo.processInfo.environment
        let env = { (name: String) in environment[name].flatMap { Int($0) } }
        return (env("COLUMNS") ?? 80, env("LINES") ?? 24)
    }
}
