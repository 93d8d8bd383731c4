import Foundation

/// The keys pressed during a live routine, waiting for the runner: the terminal's reader (any
/// thread) presses them, `LiveRoutineRunner` takes them before its next reading (the device sends
/// one every few milliseconds; while it is unplugged they wait for it to be back).
public final class RoutineKeys: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [RoutineKey] = []

    public init() {}

    /// The skip key.
    public func skip() { press(.skip) }
    /// The repeat key.
    public func repeatExercise() { press(.repeatExercise) }

    public func press(_ key: RoutineKey) {
        lock.withLock { pending.append(key) }
    }

    /// The keys pressed since the last call, in order.
    func take() -> [RoutineKey] {
        lock.withLock {
            defer { pending.removeAll() }
            return pending
        }
    }
}
