import Glibc

/// The signals that end a session cleanly: Ctrl-C (SIGINT) and SIGTERM.
package enum StopSignal: CaseIterable, Sendable {
    case interrupt
    case terminate

    /// The signal's number (SIGINT 2, SIGTERM 15 on Linux), for a dispatch signal source.
    package var number: Int32 {
        switch self {
        case .interrupt: SIGINT
        case .terminate: SIGTERM
        }
    }

    /// Its default action (ending the process) off: the signal is ignored, so only a signal
    /// source sees it. `restoreDefault()` gives the action back.
    package func ignore() { SystemCall.setSignal(self, ignore: true) }

    /// Its default action (ending the process) back.
    package func restoreDefault() { SystemCall.setSignal(self, ignore: false) }
}
