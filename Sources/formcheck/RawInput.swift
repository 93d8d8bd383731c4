import Glibc

/// Standard input in raw mode for single keys: no line buffering, no echo (Ctrl-C still a signal),
/// a read returning after 0.1 s without a key. The terminal calls, wrapped once.
enum RawInput {
    /// Raw mode on; the settings to give back (nil: standard input is not a terminal, or refused).
    static func enter() -> termios? {
        guard Terminal.isTerminal(0) else { return nil }
        var original = termios()
        guard tcgetattr(0, &original) == 0 else { return nil }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        // read() returns after 0.1 s without a key, so a reader sees that it should stop.
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 1
        }
        guard tcsetattr(0, TCSANOW, &raw) == 0 else { return nil }
        return original
    }

    /// The settings `enter` saved, back.
    static func leave(_ original: termios) {
        var original = original
        tcsetattr(0, TCSANOW, &original)
    }

    enum Read: Equatable {
        case key(UInt8)
        /// 0.1 s without a key, or an interrupted read.
        case none
        /// Standard input failed (closed terminal): stop reading.
        case failed
    }

    /// A key, nothing after 0.1 s, or a failure.
    static func readByte() -> Read {
        var byte: UInt8 = 0
        let n = read(0, &byte, 1)
        return n == 1 ? .key(byte) : n < 0 && errno != EINTR && errno != EAGAIN ? .failed : .none
    }
}
