import Glibc

/// The terminal formcheck draws on.
enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Columns and rows of standard output's terminal (TIOCGWINSZ), else $COLUMNS/$LINES, else 80 × 24.
    static func size() -> (width: Int, height: Int) {
        var w = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0, w.ws_row > 0 { return (Int(w.ws_col), Int(w.ws_row)) }
        let env = { (name: String) in getenv(name).flatMap { Int(String(cString: $0)) } }
        return (env("COLUMNS") ?? 80, env("LINES") ?? 24)
    }
}
