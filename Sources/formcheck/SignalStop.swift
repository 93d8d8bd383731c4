import Dispatch
import FormcheckDevices

/// Ctrl-C (SIGINT) and SIGTERM end a session cleanly instead of killing the process.
enum SignalStop {
    /// Ignores the default action of SIGINT and SIGTERM and calls `stop` when one arrives.
    static func install(_ stop: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        StopSignal.allCases.map { signal in
            signal.ignore()
            let source = DispatchSource.makeSignalSource(signal: signal.number, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }

    /// Cancels the signal sources and gives SIGINT and SIGTERM their default action back.
    static func restore(_ sources: [any DispatchSourceSignal]) {
        for source in sources { source.cancel() }
        for signal in StopSignal.allCases { signal.restoreDefault() }
    }
}
