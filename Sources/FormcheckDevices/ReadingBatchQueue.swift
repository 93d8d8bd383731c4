import FormcheckFormats
import Foundation
import MotionCore

/// The hand-over between a recording's decode thread and the thread that consumes its readings
/// (`Recording.readReadingsDecodedAhead`), or between a stage's thread and the thread that
/// consumes the stage's steps (`Recording.forEachReadingDecodedAhead(state:placeholder:stage:_:)`:
/// `Element` is the step; "the decoder" below is then the stage's thread): a ring of `depth` + 1
/// slots of `batchSize` elements,
/// allocated once. The decoder fills a slot and publishes it; the consumer reads the oldest
/// published slot and releases it; the decoder waits while every other slot is published. Then
/// how the pass ended: the decoder's statistics, or the error that stopped it, taken after every
/// slot published before it. Memory does not grow with the recording, and no batch is allocated
/// as the pass goes (batches allocated by the decode thread and freed by the consumer left glibc's
/// arena of the decoder at 16 MB on a 172 MB replay, measured: the slots avoid malloc).
@usableFromInline
final class ReadingBatchQueue<Element: Sendable>: @unchecked Sendable {
    /// How a pass ended.
    @usableFromInline
    enum Ending: Sendable {
        /// The decoder read the whole recording.
        case end(DecoderStatistics?)
        /// The decoder stopped at this error.
        case failure(InputError)
    }

    @usableFromInline let batchSize: Int
    let slotCount: Int
    /// slotCount × batchSize elements; slot i starts at i × batchSize.
    private let storage: UnsafeMutablePointer<Element>
    /// Elements in each published slot.
    private var counts: [Int]
    private let condition = NSCondition()
    /// Slots published and released so far (slot of counter c: c % slotCount).
    private var published = 0
    private var released = 0
    private var ending: Ending?
    private var cancelled = false
    private var finished = false

    /// - Parameters:
    ///   - depth: slots the decoder may have published and not yet released (at least 1).
    ///   - batchSize: elements a slot holds (at least 1);
    ///   - placeholder: what the slots hold before they are first filled.
    @usableFromInline
    init(depth: Int, batchSize: Int, placeholder: Element) {
        self.batchSize = max(1, batchSize)
        slotCount = max(1, depth) + 1
        storage = .allocate(capacity: slotCount * self.batchSize)
        storage.initialize(repeating: placeholder, count: slotCount * self.batchSize)
        counts = [Int](repeating: 0, count: slotCount)
    }

    deinit {
        storage.deinitialize(count: slotCount * batchSize)
        storage.deallocate()
    }

    // MARK: each side whole

    /// The decoder's side, on its thread, from start to end: `read` hands each element to `put`,
    /// in order, and stops when `put` returns false (the consumer cancelled the pass); the slots
    /// are published as they fill, then how the pass ended (what `read` returned, or its error,
    /// after every element before it); then `decoderEnded`. Inlinable, so that the slots are
    /// filled by code specialised for `Element`.
    @inlinable
    func produce(_ read: (_ put: (Element) -> Bool) throws(InputError) -> DecoderStatistics?) {
        defer { decoderEnded() }
        let size = batchSize
        guard var slot = slotToFill() else { return }
        var count = 0
        /// Publishes the slot being filled (when it holds elements) and, unless it is the `last`,
        /// takes the next; false when the consumer stopped the pass.
        func handOver(last: Bool = false) -> Bool {
            guard count > 0 else { return true }
            publish(count: count)
            count = 0
            if last { return true }
            guard let next = slotToFill() else { return false }
            slot = next
            return true
        }
        var stopped = false
        do throws(InputError) {
            let statistics = try read { element in
                slot[count] = element
                count += 1
                if count == size, !handOver() {
                    stopped = true
                    return false
                }
                return true
            }
            if !stopped, handOver(last: true) { finish(.end(statistics)) }
        } catch {
            if handOver(last: true) { finish(.failure(error)) }
        }
    }

    /// The consumer's side, from start to end: every element published, in order, to `body`
    /// until it returns false (then the pass is cancelled: nil); then the decoder's statistics,
    /// or its error. The caller waits for the decoder afterwards (`waitForDecoder`).
    @inlinable
    func consume(_ body: (Element) -> Bool) throws(InputError) -> DecoderStatistics? {
        while let batch = nextBatch() {
            for element in batch {
                guard body(element) else {
                    cancel()
                    return nil
                }
            }
            release()
        }
        switch end {
        case .end(let statistics)?:
            return statistics
        case .failure(let error)?:
            throw error
        case nil:
            return nil  // not reached: nextBatch returns nil only once the pass has ended
        }
    }

    // MARK: the decoder's side

    /// The slot to fill next, waiting while every other slot is published; nil when the consumer
    /// cancelled the pass. The slot is the decoder's until `publish`.
    @usableFromInline
    func slotToFill() -> UnsafeMutablePointer<Element>? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled, published - released >= slotCount - 1 { condition.wait() }
        guard !cancelled else { return nil }
        return storage + (published % slotCount) * batchSize
    }

    /// The slot `slotToFill` gave now holds `count` elements (1…batchSize), for the consumer.
    @usableFromInline
    func publish(count: Int) {
        condition.lock()
        counts[published % slotCount] = count
        published += 1
        condition.broadcast()
        condition.unlock()
    }

    /// How the pass ended, after the last slot published; then the decode thread ends.
    @usableFromInline
    func finish(_ ending: Ending) {
        condition.lock()
        self.ending = ending
        condition.broadcast()
        condition.unlock()
    }

    /// Said by the decode thread as its last act.
    @usableFromInline
    func decoderEnded() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: the consumer's side

    /// The oldest published slot's elements, waiting until there is one; nil when the pass ended
    /// (then `ending` says how). The slot is the consumer's until `release`.
    @usableFromInline
    func nextBatch() -> UnsafeBufferPointer<Element>? {
        condition.lock()
        defer { condition.unlock() }
        while published == released && ending == nil { condition.wait() }
        guard published > released else { return nil }
        let slot = released % slotCount
        return UnsafeBufferPointer(start: storage + slot * batchSize, count: counts[slot])
    }

    /// The consumer is done with the slot `nextBatch` gave.
    @usableFromInline
    func release() {
        condition.lock()
        released += 1
        condition.broadcast()
        condition.unlock()
    }

    /// How the pass ended (once `nextBatch` returned nil).
    @usableFromInline
    var end: Ending? {
        condition.lock()
        defer { condition.unlock() }
        return ending
    }

    /// The consumer wants no more: a waiting or later `slotToFill` returns nil.
    @usableFromInline
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the decode thread has ended (it holds the recording's file open until then).
    @usableFromInline
    func waitForDecoder() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
