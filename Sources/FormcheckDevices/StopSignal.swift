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

    /// Its default action (ending the process) off: the signal is ignored until a signal source
    /// has it (Dispatch puts its own handler on it then).
    package func ignore() { SystemCall.setSignal(self, ignore: true) }

    /// Ends the process as the signal's default action does (killed by it; a shell reports 128 +
    /// its number), from any thread, whatever handler or mask the signal had.
    package func endProcess() -> Never { SystemCall.endProcess(by: self) }
}
