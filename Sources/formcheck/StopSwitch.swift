import FormcheckDevices
import FormcheckFormats
import Foundation

/// Stops whichever live source is current (the device may have been reconnected).
final class StopSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var source: LiveSource<[InputEvent]>
    private var stopped = false
    private var wait: Task<MotionNode, any Error>?

    init(source: LiveSource<[InputEvent]>) {
        self.source = source
    }

    func replace(_ s: LiveSource<[InputEvent]>) {
        lock.withLock {
            source = s
            if stopped { s.stop() }
        }
    }

    /// Registers a wait for the device to come back; false (and the wait cancelled) if already stopped.
    func waiting(_ task: Task<MotionNode, any Error>) -> Bool {
        lock.withLock {
            wait = task
            if stopped { task.cancel() }
            return !stopped
        }
    }

    func stop() {
        lock.withLock {
            stopped = true
            source.stop()
            wait?.cancel()
        }
    }
}
