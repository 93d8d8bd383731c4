import FormcheckDevices

/// Standard input in raw mode for single keys: no line buffering, no echo (Ctrl-C still a signal),
/// a read returning after 0.1 s without a key. The terminal calls are `TerminalDevice`'s
/// (FormcheckDevices).
enum RawInput {
    /// Raw mode on; the settings to give back (nil: standard input is not a terminal, or refused).
    static func enter() -> TerminalDevice.Settings? {
        TerminalDevice.standardInput.enterKeyMode()
    }

    /// The settings `enter` saved, back.
    static func leave(_ original: TerminalDevice.Settings) {
        TerminalDevice.standardInput.restore(original)
    }

    enum Read: Equatable {
        case key(UInt8)
        /// 0.1 s without a key.
        case none
        /// Standard input failed (closed terminal): stop reading.
        case failed
    }

    /// A key, nothing after 0.1 s, or a failure.
    static func readByte() -> Read {
        do {
            return try TerminalDevice.standardInput.readByte().map(Read.key) ?? .none
        } catch {
            return .failed
        }
    }
}
