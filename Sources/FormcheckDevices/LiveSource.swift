import FormcheckFormats
import Foundation
import MotionCore

/// A live motion-sensor node as an asynchronous stream: a dedicated thread polls the node and
/// yields what it reads, so the blocking C calls stay off the Swift concurrency pool.
///
/// `LiveSource<InputEvent>` yields raw events; `LiveSource<SensorReading>` yields samples and gaps
/// through `SampleDecoder`, the element type `Recording.forEachReading` hands out.
///
/// The stream finishes normally after `stop()` (or when the consumer stops iterating or is
/// cancelled), having yielded every event read before; it finishes by throwing `InputError`
/// (`.deviceGone`, whose message carries the controller's uniq) when the device disappears, also
/// after yielding every event read before. The buffer is unbounded: at a controller's 250–1000
/// frames per second a consumer that keeps up holds a few frames.
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

    /// Starts the reader thread; it owns `device` from now on and closes it when it ends.
    /// - Parameters:
    ///   - pollMilliseconds: longest wait for events before checking for `stop()`.
    ///   - makeConverter: called once on the reader thread; the function it returns turns each
    ///     event into an element (or none).
    init(device: sending EvdevDevice, pollMilliseconds: Int32,
         makeConverter: @escaping @Sendable () -> (InputEvent) -> Element?) {
        path = device.path
        description = device.description
        uniq = device.uniq
        let control = LiveSourceControl()
        self.control = control
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Element.self, throwing: (any Error).self)
        self.stream = stream
        continuation.onTermination = { _ in control.stop() }
        // `device` was passed as `sending`: no one else holds it, so the thread may own it.
        nonisolated(unsafe) let owned = device
        let thread = Thread {
            let convert = makeConverter()
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
                for event in batch {
                    if let element = convert(event) { continuation.yield(element) }
                }
                if let failure {
                    continuation.finish(throwing: failure)
                    return
                }
            }
            continuation.finish()
        }
        thread.name = "formcheck " + path
        thread.start()
    }

    /// Ends the stream after the reader's current poll (at most the poll interval); events read
    /// until then are still yielded.
    public func stop() {
        control.stop()
    }
}

extension LiveSource where Element == InputEvent {
    /// Reads `device`'s raw events on a thread of their own.
    /// - Parameter pollMilliseconds: longest wait before the reader checks for `stop()`.
    public init(device: sending EvdevDevice, pollMilliseconds: Int32 = 100) {
        self.init(device: device, pollMilliseconds: pollMilliseconds, makeConverter: { { $0 } })
    }
}

extension LiveSource where Element == SensorReading {
    /// Reads `device` on a thread of its own and yields samples (SI units) and gaps, decoded from
    /// the current axis state on.
    /// - Throws: `.notMotionSensor` when the node is not usable (no resolution on an axis…).
    public init(device: sending EvdevDevice, pollMilliseconds: Int32 = 100) throws(InputError) {
        let seed = try SampleDecoder(description: device.description, path: device.path, initialValues: device.currentAxisValues)
        self.init(device: device, pollMilliseconds: pollMilliseconds, makeConverter: {
            var decoder = seed
            return { decoder.consume($0) }
        })
    }
}
