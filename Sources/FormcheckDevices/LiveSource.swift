import FormcheckFormats
import Foundation
import MotionCore

/// A live motion-sensor node as an asynchronous stream: a dedicated thread polls the node and
/// yields what it reads, so the blocking C calls stay off the Swift concurrency pool.
///
/// `LiveSource<InputEvent>` yields raw events; `LiveSource<[InputEvent]>` yields them in the
/// batches they were read in (one element a wake-up: what `formcheck live` reads, through
/// `LiveConnection(batches:)`); `LiveSource<SensorReading>` yields samples and gaps through
/// `SampleDecoder`, the element type `Recording.forEachReading` hands out.
///
/// The reader wakes once per `EvdevBuffer.pause` (7.5 ms for a motion node), not once per frame:
/// after a read that found events it sleeps that long while the kernel buffers the next frames,
/// then reads them all at once — at 1 kHz about 8 frames a wake-up instead of one. The pause is
/// half of what the node's buffer holds at 1 kHz, so the kernel does not drop events unless the
/// reader is also scheduled that much late; after a read that filled more than half of the
/// buffer it reads again at once. An event waits at most one pause longer than it would with a
/// reader that wakes for each frame (the latency it adds to a cue).
///
/// The stream finishes normally after `stop()` (or when the consumer stops iterating or is
/// cancelled), having yielded every event read before; it finishes by throwing `InputError`
/// (`.deviceGone`, whose message carries the controller's uniq) when the device disappears, also
/// after yielding every event read before. The buffer is unbounded: at a controller's 250–1000
/// frames per second a consumer that keeps up holds a few batches.
public struct LiveSource<Element: Sendable>: Sendable {
    /// The node read.
    public let path: String
    /// The node's description when reading started (axis values as they were then).
    public let description: DeviceDescription
    /// The controller's unique id, to find it again after it disappears (see
    /// `DeviceDiscovery.waitForMotionNode(uniq:)`).
    public let uniq: String?
    public let stream: AsyncThrowingStream<Element, any Error>
    private let control: LiveSourceControl

    /// Starts the reader thread; it owns `node` from now on and closes it when it ends.
    /// - Parameters:
    ///   - pollMilliseconds: longest wait for events before checking for `stop()`.
    ///   - pause: seconds the reader sleeps after a read that found events; nil: the node's
    ///     `EvdevBuffer.pause`.
    ///   - makeDeliver: called once on the reader thread; the function it returns yields each
    ///     batch read (as events, samples or the batch itself).
    init(node: sending any EventNode, pollMilliseconds: Int32, pause: Double?,
                          makeDeliver: @escaping @Sendable () -> ([InputEvent], AsyncThrowingStream<Element, any Error>.Continuation) -> Void) {
        path = node.path
        description = node.description
        uniq = node.uniq
        let buffer = EvdevBuffer(for: description)
        let pause = pause ?? buffer.pause
        let control = LiveSourceControl()
        self.control = control
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Element.self, throwing: (any Error).self)
        self.stream = stream
        continuation.onTermination = { _ in control.stop() }
        // `node` was passed as `sending`: no one else holds it, so the thread may own it.
        nonisolated(unsafe) let owned = node
        let thread = Thread {
            let deliver = makeDeliver()
            var batch: [InputEvent] = []
            batch.reserveCapacity(256)
            while !control.isStopped {
                batch.removeAll(keepingCapacity: true)
                var failure: InputError?
                do throws(InputError) {
                    try owned.readEvents(into: &batch, timeoutMilliseconds: pollMilliseconds)
                } catch {
                    failure = error
                }
                if !batch.isEmpty { deliver(batch, continuation) }
                if let failure {
                    continuation.finish(throwing: failure)
                    return
                }
                // Let the kernel gather the next frames: one wake-up a pause, not one a frame.
                if pause > 0, !batch.isEmpty, !buffer.isNearlyFull(afterReading: batch.count), !control.isStopped {
                    SystemCall.sleep(seconds: pause)
                }
            }
            continuation.finish()
        }
        thread.name = "formcheck " + path
        thread.start()
    }

    /// Ends the stream after the reader's current poll or pause (at most the poll interval); events
    /// read until then are still yielded.
    public func stop() {
        control.stop()
    }
}

extension LiveSource where Element == InputEvent {
    /// Reads `device`'s raw events on a thread of their own.
    /// - Parameter pollMilliseconds: longest wait before the reader checks for `stop()`.
    public init(device: sending EvdevDevice, pollMilliseconds: Int32 = 100) {
        self.init(node: device, pollMilliseconds: pollMilliseconds, pause: nil)
    }

    /// Reads any node (the bench's `PipeEventNode`), an event at a time.
    /// - Parameter pause: seconds between reads that found events; nil: the node's `EvdevBuffer.pause`.
    package init(node: sending any EventNode, pollMilliseconds: Int32 = 100, pause: Double?) {
        self.init(node: node, pollMilliseconds: pollMilliseconds, pause: pause, makeDeliver: {
            { batch, continuation in for e in batch { continuation.yield(e) } }
        })
    }
}

extension LiveSource where Element == [InputEvent] {
    /// Reads `device`'s raw events on a thread of their own, a batch (an array in the order read)
    /// per wake-up.
    /// - Parameter pollMilliseconds: longest wait before the reader checks for `stop()`.
    public init(device: sending EvdevDevice, pollMilliseconds: Int32 = 100) {
        self.init(node: device, pollMilliseconds: pollMilliseconds, pause: nil)
    }

    /// Reads any node (the bench's `PipeEventNode`), a batch per wake-up.
    /// - Parameter pause: seconds between reads that found events; nil: the node's `EvdevBuffer.pause`.
    package init(node: sending any EventNode, pollMilliseconds: Int32 = 100, pause: Double?) {
        self.init(node: node, pollMilliseconds: pollMilliseconds, pause: pause, makeDeliver: {
            { batch, continuation in continuation.yield(batch) }
        })
    }
}

extension LiveSource where Element == SensorReading {
    /// Reads `device` on a thread of its own and yields samples (SI units) and gaps, decoded from
    /// the current axis state on.
    /// - Throws: `.notMotionSensor` when the node is not usable (no resolution on an axis…).
    public init(device: sending EvdevDevice, pollMilliseconds: Int32 = 100) throws(InputError) {
        let seed = try SampleDecoder(description: device.description, path: device.path, initialValues: device.currentAxisValues)
        self.init(node: device, pollMilliseconds: pollMilliseconds, pause: nil, makeDeliver: {
            var decoder = seed
            return { batch, continuation in
                for e in batch {
                    if let reading = decoder.consume(e) { continuation.yield(reading) }
                }
            }
        })
    }
}
