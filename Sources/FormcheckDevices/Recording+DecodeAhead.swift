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
        let queue = ReadingBatchQueue<SensorReading>(depth: depth, batchSize: batchSize, placeholder: .gap(SampleGap(reason: .synDropped, after: nil)))
        let recording = self
        let thread = Thread {
            queue.produce { put throws(InputError) in try recording.readReadings(while: put) }
        }
        thread.name = "formcheck decode"
        thread.start()
        defer { queue.waitForDecoder() }
        return try queue.consume(body)
    }

    /// `forEachReadingDecodedAhead` with a stage of its own between the decoder and `body`, on a
    /// third thread: the file is read and decoded on one thread (`readReadingsDecodedAhead`),
    /// `stage` turns every reading, in order, into a step on another, with `state` (which that
    /// thread owns until the pass ends; `state` is then what `stage` left), and `body` gets the
    /// steps in the same order on the calling thread — the three at once, a few batches apart
    /// (`formcheck replay`: the decoder, the angles, the coaching). `placeholder` fills the step
    /// batches before their first use. Memory: the decoder's slots and `depth` + 1 slots of
    /// `batchSize` steps, allocated once (`formcheck replay`'s `AngleStep`: 120 bytes, 600 KiB).
    /// `body` sees every step: there is no stopping early. Errors and statistics as `forEachReadingDecodedAhead`'s
    /// (an error is thrown after `body` has seen the steps of every reading before it; `state` is
    /// then what `stage` made of those readings).
    ///
    /// Inlinable, so that it is specialised for the caller's types (unspecialised, each step was
    /// copied through its type's metadata: 0.2 s more CPU on a 142 MB replay, measured).
    @inlinable
    public func forEachReadingDecodedAhead<State: Sendable, Step: Sendable>(
        batchSize: Int = Recording.decodeBatchSize, depth: Int = Recording.decodeDepth,
        state: inout State, placeholder: Step, stage: @escaping @Sendable (inout State, SensorReading) -> Step,
        _ body: (Step) -> Void
    ) throws(InputError) -> DecoderStatistics? {
        let queue = ReadingBatchQueue<Step>(depth: depth, batchSize: batchSize, placeholder: placeholder)
        let recording = self
        // The stage's state, handed back through the queue's lock (written before the producer
        // ends, read after `waitForDecoder`).
        let kept = StageState(state)
        let thread = Thread {
            var state = kept.value
            queue.produce { put throws(InputError) in
                defer { kept.value = state }
                return try recording.readReadingsDecodedAhead(batchSize: batchSize, depth: depth, while: { r in put(stage(&state, r)) })
            }
        }
        thread.name = "formcheck stage"
        thread.start()
        defer {
            queue.waitForDecoder()
            state = kept.value
        }
        return try queue.consume { step in
            body(step)
            return true
        }
    }
}

/// A decode-ahead stage's state while its thread owns it (`Recording.forEachReadingDecodedAhead(state:…)`).
@usableFromInline
final class StageState<State: Sendable>: @unchecked Sendable {
    @usableFromInline var value: State
    @usableFromInline init(_ value: State) { self.value = value }
}
