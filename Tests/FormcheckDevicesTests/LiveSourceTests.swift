@testable import FormcheckDevices
import FormcheckFormats
import Foundation
import Testing

/// The live reader (`LiveSource`'s thread: poll, read, its pause, the stream) on a node that hands
/// out events as evdev does (`PipeEventNode`): every event read, in order, whether handed on a
/// batch a wake-up or an event at a time; the writer's end read as the device gone, after every
/// event; `stop()` ending the stream normally.
@Suite struct LiveSourceTests {
    static let description: DeviceDescription = {
        try! Recording(path: Fixtures.device("dualsense-usb-motion-sensors")).description!
    }()

    /// `frames` frames as a 1 kHz DualSense sends them: the axes that changed (all six on every
    /// third frame, one otherwise), the timestamp, SYN_REPORT; times in µs.
    static func frames(_ count: Int) -> [[InputEvent]] {
        (0..<count).map { i in
            let t = 5_000_000 + Int64(i) * 1000
            let axes: [UInt16] = i % 3 == 0 ? Array(0...5) : [UInt16(i % 6)]
            return axes.map { InputEvent(time: t, type: EventCode.evAbs, code: $0, value: Int32(i * 7 + Int($0))) }
                + [InputEvent(time: t, type: EventCode.evMsc, code: EventCode.mscTimestamp, value: Int32(truncatingIfNeeded: i * 1000)),
                   InputEvent(time: t, type: EventCode.evSyn, code: EventCode.synReport, value: 0)]
        }
    }

    /// Writes every frame (from a thread of its own: more than the pipe holds waits for the
    /// reader), then closes the pipe.
    static func write(_ frames: [[InputEvent]], to writer: EventPipeWriter) {
        let thread = Thread {
            for f in frames { try! writer.write(f[...]) }
            writer.close()
        }
        thread.start()
    }

    /// 5000 frames (about 19,000 events, several times what the pipe holds), read with the pause
    /// of a motion node: the batches, put end to end, are the events written, and the end of the
    /// pipe is `.deviceGone` after the last of them.
    @Test func batchesCarryEveryEventInOrderThenTheDeviceIsGone() async throws {
        let frames = Self.frames(5000)
        let (node, writer) = try PipeEventNode.make(description: Self.description, path: "/dev/input/event9")
        let source = LiveSource<[InputEvent]>(node: node, pause: nil)
        Self.write(frames, to: writer)
        var read: [InputEvent] = []
        var batches = 0
        var ending: InputError?
        do {
            for try await batch in source.stream {
                #expect(!batch.isEmpty)
                read += batch
                batches += 1
            }
        } catch let error as InputError {
            ending = error
        }
        #expect(ending?.kind == .deviceGone)
        #expect(ending?.path == "/dev/input/event9")
        #expect(read == frames.flatMap { $0 })
        #expect(batches >= 1 && batches <= read.count)
    }

    /// The same an event at a time (`LiveSource<InputEvent>`, what `formcheck record` reads), with
    /// the reader of before (no pause: a read a frame).
    @Test func eventsOneAtATimeAreEveryEventInOrder() async throws {
        let frames = Self.frames(3000)
        let (node, writer) = try PipeEventNode.make(description: Self.description)
        let source = LiveSource<InputEvent>(node: node, pause: 0)
        Self.write(frames, to: writer)
        var read: [InputEvent] = []
        var ending: InputError?
        do {
            for try await e in source.stream { read.append(e) }
        } catch let error as InputError {
            ending = error
        }
        #expect(ending?.kind == .deviceGone)
        #expect(read == frames.flatMap { $0 })
    }

    /// Ctrl-C: `stop()` while the device is still there ends the stream without an error, after the
    /// events read before it (the writer keeps its end open until the stream has ended).
    @Test func stopEndsTheStreamNormallyAfterTheEventsRead() async throws {
        let frames = Self.frames(40)
        let (node, writer) = try PipeEventNode.make(description: Self.description)
        let source = LiveSource<[InputEvent]>(node: node, pause: nil)
        for f in frames { try writer.write(f[...]) }
        var read: [InputEvent] = []
        for try await batch in source.stream {
            read += batch
            if read.count == frames.joined().count { source.stop() }
        }
        #expect(read == frames.flatMap { $0 })
        writer.close()
    }
}
