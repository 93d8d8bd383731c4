import Dispatch
import Synchronization

/// Independent pieces of work side by side on the machine's cores (Dispatch's
/// `concurrentPerform`), their results in the order of their indices: the same results as one
/// after the other, sooner.
enum ParallelMap {
    /// `body(0)`, …, `body(count − 1)`, run concurrently; the results in index order.
    static func run<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let results = Mutex<[T?]>([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let r = body(i)
            results.withLock { $0[i] = r }
        }
        return results.withLock { $0.map { $0! } }
    }
}
