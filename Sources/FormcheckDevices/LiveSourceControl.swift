import FormcheckFormats
import Synchronization

/// The stop request shared by a `LiveSource`, its stream's termination handler and its reader
/// thread.
final class LiveSourceControl: Sendable {
    private let stopped = Atomic<Bool>(false)

    /// Asks the reader thread to finish; it does after its current poll (at most the poll
    /// interval). Safe from any thread, and more than once.
    func stop() {
        stopped.store(true, ordering: .releasing)
    }

    var isStopped: Bool {
        stopped.load(ordering: .acquiring)
    }
}
