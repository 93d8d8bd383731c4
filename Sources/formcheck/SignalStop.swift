import Dispatch
import FormcheckDevices

/// Ctrl-C (SIGINT) and SIGTERM end a session cleanly instead of killing the process.
enum SignalStop {
    /// Ignores the default action of SIGINT and SIGTERM and calls `stop` when one arrives. Returns
    /// once Dispatch has registered both sources: `resume` registers a source later, on Dispatch's
    /// own queue, and a signal sent before that (already ignored) would be lost — a Ctrl-C at once
    /// after the question was put (PainQuestionSignalTests sends it as soon as it is on stderr).
    static func install(_ stop: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        let registered = DispatchSemaphore(value: 0)
        let sources = StopSignal.allCases.map { signal in
            signal.ignore()
            let source = DispatchSource.makeSignalSource(signal: signal.number, queue: .global())
            source.setEventHandler(handler: stop)
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            return source
        }
        for _ in sources { registered.wait() }
        return sources
    }

    /// Cancels the signal sources and gives SIGINT and SIGTERM their default action back.
    static func restore(_ sources: [any DispatchSourceSignal]) {
        for source in sources { source.cancel() }
        for signal in StopSignal.allCases { signal.restoreDefault() }
    }
}
