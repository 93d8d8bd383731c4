import Dispatch
import FormcheckDevices
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM end a session cleanly instead of killing the process.
///
/// The process has one Dispatch signal source for each, made at the first `install` and never
/// cancelled; `install` points them at a stop and `restore` points them back, so the pain question,
/// the session and the question after it each get the signal in turn. Outside every installation
/// a signal ends the process as its default action would (killed by it: a shell says 130 or 143).
///
/// Why once: on Linux libdispatch puts its own handler on a signal (sigaction) when the first
/// source for it is registered, and never again in the process (swift-corelibs-libdispatch,
/// src/event/event_epoll.c, `_dispatch_muxnote_create`, `signals_with_unotes`). A source made
/// after one was cancelled and the signal given `SIG_DFL` and then `SIG_IGN` back never saw the
/// signal: the kernel dropped it as ignored (`SignalStopTests.aSecondInstallationGetsTheSignal`).
enum SignalStop {
    /// What `restore` takes back: the stop the signals went to before.
    struct Installation: Sendable {
        fileprivate let previous: (@Sendable () -> Void)?
    }

    /// From now on SIGINT and SIGTERM call `stop` (on a Dispatch queue), until `restore`. The first
    /// installation in the process returns once Dispatch has registered both sources (at most
    /// 10 s; a signal sent before that is ignored).
    static func install(_ stop: @escaping @Sendable () -> Void) -> Installation {
        Installation(previous: SignalRouter.shared.exchange(stop))
    }

    /// The signals go back where they went before `installation`: the stop of the one it was made
    /// inside, else the default action (the process ends).
    static func restore(_ installation: Installation) {
        _ = SignalRouter.shared.exchange(installation.previous)
    }
}

/// The process's one pair of signal sources (SIGINT, SIGTERM) and the stop they call now.
private final class SignalRouter: @unchecked Sendable {
    static let shared = SignalRouter()

    private let lock = NSLock()
    private var stop: (@Sendable () -> Void)?
    /// Kept for the process's life: a source is never cancelled (see `SignalStop`).
    private var sources: [any DispatchSourceSignal] = []

    private init() {
        let registered = DispatchSemaphore(value: 0)
        sources = StopSignal.allCases.map { signal in
            // Until Dispatch's own handler is on the signal (at registration), ignored.
            signal.ignore()
            let source = DispatchSource.makeSignalSource(signal: signal.number, queue: .global())
            source.setEventHandler { [unowned self] in self.deliver(signal) }
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            return source
        }
        // Bounded: a source Dispatch cannot register (no signalfd) must not hang the command.
        let deadline = DispatchTime.now() + .seconds(10)
        for _ in sources { _ = registered.wait(timeout: deadline) }
    }

    /// Sets the stop the signals call; the one they called.
    func exchange(_ new: (@Sendable () -> Void)?) -> (@Sendable () -> Void)? {
        lock.withLock {
            let old = stop
            stop = new
            return old
        }
    }

    private func deliver(_ signal: StopSignal) {
        if let stop = lock.withLock({ stop }) {
            stop()
        } else {
            signal.endProcess()
        }
    }
}
