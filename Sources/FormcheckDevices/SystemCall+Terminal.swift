import FormcheckFormats
import Glibc
import SystemPackage

/// The system calls of the terminal and of signals, each wrapped once: read(2) through
/// swift-system; isatty(3), tcgetattr(3)/tcsetattr(3), ioctl(2) TIOCGWINSZ and signal(2) in C
/// (swift-system has no wrapper for them).
extension SystemCall {
    /// isatty(3): whether `fd` is a terminal.
    static func isTerminal(_ fd: FileDescriptor) -> Bool {
        isatty(fd.rawValue) == 1
    }

    /// tcgetattr(3): the terminal's settings, nil when `fd` is not a terminal or they cannot be read.
    static func terminalSettings(_ fd: FileDescriptor) -> termios? {
        var settings = termios()
        guard case .success = retryingOnInterrupt({ tcgetattr(fd.rawValue, &settings) }) else { return nil }
        return settings
    }

    /// tcsetattr(3) `TCSANOW`: the settings, now; false when the terminal refused them.
    static func setTerminalSettings(_ fd: FileDescriptor, _ settings: termios) -> Bool {
        var settings = settings
        guard case .success = retryingOnInterrupt({ tcsetattr(fd.rawValue, TCSANOW, &settings) }) else { return false }
        return true
    }

    /// ioctl(2) TIOCGWINSZ: columns and rows of the terminal, nil when `fd` is not one or the
    /// terminal reports no size (0 × 0).
    static func windowSize(_ fd: FileDescriptor) -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(fd.rawValue, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// One read(2) of at most one byte, retried when a signal interrupts it: the byte, nil when
    /// none came (the terminal's read timeout, end of input, or EAGAIN on a non-blocking descriptor).
    /// - Throws: `.system` with errno when the read fails (a closed terminal, a bad descriptor).
    static func readByte(_ fd: FileDescriptor, name: String) throws(InputError) -> UInt8? {
        var byte: UInt8 = 0
        let n: Int
        do {
            n = try withUnsafeMutableBytes(of: &byte) { try fd.read(into: $0, retryOnInterrupt: true) }
        } catch let e as Errno {
            if e == .resourceTemporarilyUnavailable || e == .wouldBlock { return nil }
            throw InputError(.system, path: name, "cannot read a key: \(message(e.rawValue))",
                             fix: "keys are off for the rest of this run; run formcheck from a terminal to answer with keys, or give the answer as an option (--pain)",
                             errno: e.rawValue)
        } catch {
            throw InputError(.system, path: name, "cannot read a key", errno: EIO)
        }
        return n == 1 ? byte : nil
    }

    /// signal(2): `signal` ignored (`ignore`), or given its default action back.
    static func setSignal(_ signal: StopSignal, ignore: Bool) {
        _ = Glibc.signal(signal.number, ignore ? SIG_IGN : SIG_DFL)
    }

    /// signal(2) `SIG_DFL`, pthread_sigmask(3) `SIG_UNBLOCK` and raise(3) in the calling thread:
    /// the process ended by `signal`'s default action; _exit(2) with 128 + its number should it
    /// still run.
    static func endProcess(by signal: StopSignal) -> Never {
        _ = Glibc.signal(signal.number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal.number)
        _ = pthread_sigmask(SIG_UNBLOCK, &set, nil)
        _ = raise(signal.number)
        _exit(128 + signal.number)
    }
}
