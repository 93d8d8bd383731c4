import FormcheckFormats
import Glibc
import SystemPackage

/// A terminal formcheck draws on or reads single keys from: standard input, standard output, or
/// (in tests) a pseudo-terminal. Its C calls are in `SystemCall+Terminal`.
package struct TerminalDevice: Sendable {
    package let descriptor: FileDescriptor
    /// What errors call it ("standard input").
    package let name: String

    package init(_ descriptor: FileDescriptor, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Descriptor `fd` (0 standard input, 1 standard output, 2 standard error, else "descriptor N").
    package init(rawDescriptor fd: Int32) {
        let names = ["standard input", "standard output", "standard error"]
        self.init(FileDescriptor(rawValue: fd), name: names.indices.contains(Int(fd)) ? names[Int(fd)] : "descriptor \(fd)")
    }

    package static let standardInput = TerminalDevice(.standardInput, name: "standard input")
    package static let standardOutput = TerminalDevice(.standardOutput, name: "standard output")

    /// The settings a terminal had before `enterKeyMode`, to give back with `restore`.
    package struct Settings: @unchecked Sendable {
        // termios: plain integers and a byte array, copied by value.
        fileprivate let saved: termios
    }

    /// Whether the descriptor is a terminal.
    package var isTerminal: Bool { SystemCall.isTerminal(descriptor) }

    /// Columns and rows (TIOCGWINSZ); nil when it is not a terminal or reports no size.
    package func windowSize() -> (columns: Int, rows: Int)? { SystemCall.windowSize(descriptor) }

    /// Single-key mode: no line buffering (ICANON off), no echo (ECHO off), Ctrl-C still a signal
    /// (ISIG left on), and a read that returns after 0.1 s without a key (VMIN 0, VTIME 1 decisecond).
    /// - Returns: the settings to give back; nil when it is not a terminal or refused the change
    ///   (then nothing changed).
    package func enterKeyMode() -> Settings? {
        guard isTerminal, let original = SystemCall.terminalSettings(descriptor) else { return nil }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 1
        }
        guard SystemCall.setTerminalSettings(descriptor, raw) else { return nil }
        return Settings(saved: original)
    }

    /// The settings `enterKeyMode` saved, back (TCSANOW); false when the terminal refused them.
    @discardableResult
    package func restore(_ settings: Settings) -> Bool {
        SystemCall.setTerminalSettings(descriptor, settings.saved)
    }

    /// A key: its byte, or nil when none came within the read timeout (0.1 s in key mode).
    /// - Throws: `InputError` `.system` with errno and what to do, when the read fails.
    package func readByte() throws(InputError) -> UInt8? {
        try SystemCall.readByte(descriptor, name: name)
    }
}
