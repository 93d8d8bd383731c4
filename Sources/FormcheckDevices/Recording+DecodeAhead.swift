import FormcheckFormats
import Foundation
import MotionCore

extension Recording {
    /// Readings a batch of the decode thread holds (`forEachReadingDecodedAhead`): 64 KiB (a
    /// reading is 64 bytes); the five slots are 320 KiB of the replay's peak RSS.
    public static let decodeBatchSize = 1024
    /// Batches the decode thread may run ahead of the consumer.
    public static let decodeDepth = 4

    /// `forEachReading` with the reading and decoding on a thread of their own: the file is read,
    /// parsed and decoded into batches of `batchSize` readings, at most `depth` batches ahead of
    /// `body`, which runs on the calling thread and sees every reading in the order
    /// `forEachReading` gives them. Memory does not grow with the file (`depth` + 1 slots
    /// of `batchSize` readings, allocated once: 320 KiB). An error (a malformed line, a read that
    /// fails) is thrown after `body` has seen every reading before it — the same error, file and line as
    /// `forEachReading`'s. Returns what the decoder saw (evemu; nil for CSV).
    public func forEachReadingDecodedAhead(batchSize: Int = Recording.decodeBatchSize, depth: Int = Recording.decodeDepth,
                                           _ body: (SensorReading) -> Void) throws(InputError) -> DecoderStatistics? {
        try readReadingsDecodedAhead(batchSize: batchSize, depth: depth, while: { r in
            body(r)
            return true
        })
    }

    /// `readReadings(while:)` decoded ahead (see `forEachReadingDecodedAhead`): `body` runs on the
    /// calling thread until it returns false; then the decode thread is stopped (it may have read
    /// up to `depth` + 1 batches further) and waited for. Returns the decoder's statistics when the
    /// whole recording was read; nil when `body` stopped it (what the decoder saw until then is not
    /// what `body` saw) or for CSV.
    public func readReadingsDecodedAhead(batchSize: Int = Recording.decodeBatchSize, depth: Int = Recording.decodeDepth,
                                         while body: (SensorReading) -> Bool) throws(InputError) -> DecoderStatistics? {
        let queue = ReadingBatchQueue(depth: depth, batchSize: batchSize)
        let recording = self
        let thread = Thread {
            defer { queue.decoderEnded() }
            let size = queue.batchSize
            guard var slot = queue.slotToFill() else { return }
            var count = 0
            /// Publishes the slot being filled (when it holds readings) and, unless it is the
            /// `last`, takes the next; false when the consumer stopped the pass.
            func handOver(last: Bool = false) -> Bool {
                guard count > 0 else { return true }
                queue.publish(count: count)
                count = 0
                if last { return true }
                guard let next = queue.slotToFill() else { return false }
                slot = next
                return true
            }
            var stopped = false
            do throws(InputError) {
                let statistics = try recording.readReadings(while: { r in
                    slot[count] = r
                    count += 1
                    if count == size, !handOver() {
                        stopped = true
                        return false
                    }
                    return true
                })
                if !stopped, handOver(last: true) { queue.finish(.end(statistics)) }
            } catch {
                if handOver(last: true) { queue.finish(.failure(error)) }
            }
        }
        thread.name = "formcheck decode"
        thread.start()
        defer { queue.waitForDecoder() }
        while let readings = queue.nextBatch() {
            for r in readings {
                guard body(r) else {
                    queue.cancel()
                    return nil
                }
            }
            queue.release()
        }
        switch queue.end {
        case .end(let statistics)?:
            return statistics
        case .failure(let error)?:
            throw error
        case nil:
            return nil  // not reached: nextBatch returns nil only once the pass has ended
        }
    }
}
