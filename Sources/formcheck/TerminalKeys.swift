import FormcheckFeedback
import Foundation
import Glibc

/// Single keys from the terminal during a live routine: standard input in raw mode (no line
/// buffering, no echo; Ctrl-C still a signal), read on a thread of its own, `s` and `r` pressed
/// into the runner's `RoutineKeys`. `stop()` gives the terminal its settings back (also done if
/// formcheck ends normally or by Ctrl-C; after kill -9 `reset` does it).
final class TerminalKeys: @unchecked Sendable {
    private let lock = NSLock()
    private var saved: termios?
    private var stopped = false
    private var thread: Thread?

    /// Starts reading when standard input is a terminal (otherwise nothing: no keys).
    init(into keys: RoutineKeys) {
        guard Terminal.isTerminal(0) else { return }
        var original = termios()
        guard tcgetattr(0, &original) == 0 else { return }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        // read() returns after 0.1 s without a key, so the thread sees `stop()`.
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 1
        }
        guard tcsetattr(0, TCSANOW, &raw) == 0 else { return }
        saved = original
        let thread = Thread { [self] in
            var byte: UInt8 = 0
            while !isStopped {
                let n = read(0, &byte, 1)
                if n < 0 && errno != EINTR && errno != EAGAIN { break }
                guard n == 1, let key = RoutineKey.allCases.first(where: { $0.rawValue.asciiValue == byte | 0x20 }) else { continue }
                keys.press(key)
            }
        }
        self.thread = thread
        thread.start()
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Stops reading and restores the terminal.
    func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            if var original = saved { tcsetattr(0, TCSANOW, &original) }
        }
    }

    deinit { stop() }
}
