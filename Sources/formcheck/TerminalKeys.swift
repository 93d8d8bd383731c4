import FormcheckFeedback
import FormcheckDevices
import Foundation

/// Single keys from the terminal during a live routine: standard input in raw mode (no line
/// buffering, no echo; Ctrl-C still a signal), read on a thread of its own, `s` and `r` pressed
/// into the runner's `RoutineKeys`. `stop()` gives the terminal its settings back (also done if
/// formcheck ends normally or by Ctrl-C; after kill -9 `reset` does it).
final class TerminalKeys: @unchecked Sendable {
    private let lock = NSLock()
    private var saved: TerminalDevice.Settings?
    private var stopped = false
    private var thread: Thread?

    /// Starts reading when standard input is a terminal (otherwise nothing: no keys).
    init(into keys: RoutineKeys) {
        guard let original = RawInput.enter() else { return }
        saved = original
        let thread = Thread { [self] in
            while !isStopped {
                switch RawInput.readByte() {
                case .failed: return
                case .none: continue
                case .key(let byte):
                    guard let key = RoutineKey.allCases.first(where: { $0.rawValue.asciiValue == byte | 0x20 }) else { continue }
                    keys.press(key)
                }
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
            if let original = saved { RawInput.leave(original) }
        }
    }

    deinit { stop() }
}
