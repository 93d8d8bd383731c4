import Foundation

/// Results that several tests need, computed once per key and shared (the simulator's renderings
/// and what the pipelines make of them are deterministic: computing them again tests nothing
/// more). Tests run in parallel: a key's first caller computes while later ones wait for it.
final class ComputedOnce<Value: Sendable>: @unchecked Sendable {
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var value: Value?
    }

    private let lock = NSLock()
    private var slots: [String: Slot] = [:]

    func value(_ key: String, _ compute: () throws -> Value) rethrows -> Value {
        let slot = lock.withLock {
            if let s = slots[key] { return s }
            let s = Slot()
            slots[key] = s
            return s
        }
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let v = slot.value { return v }
        let v = try compute()
        slot.value = v
        return v
    }
}
