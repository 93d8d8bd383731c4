import CLibevdev
import FormcheckFormats
import Glibc
import SystemPackage

/// A stand-in for an evdev node: the read end of a pipe that carries `struct input_event`s as
/// evdev's read(2) hands them out (`EventPipeWriter` writes them, one frame a write, as the kernel
/// wakes a reader at each SYN_REPORT). `LiveSource` reads it as it reads a device — the same
/// thread, poll(2), pause and stream — so `formcheck-bench --only live-1khz` measures the live path
/// on a machine without input devices. What it leaves out: libevdev's copy of each event from its
/// own queue (`libevdev_next_event`), and SYN_DROPPED (a pipe blocks its writer instead of
/// dropping). The writer closing the pipe reads as the device gone (`.deviceGone`).
package final class PipeEventNode: EventNode {
    package let path: String
    package let uniq: String?
    package let description: DeviceDescription
    private let fd: FileDescriptor
    /// Room for more than a pipe holds (64 KiB): one read takes all there is.
    private let bytes: UnsafeMutableRawBufferPointer
    /// Bytes at the start of `bytes` read and not yet a whole event (a read ends on an event
    /// boundary when every write was whole events, as `EventPipeWriter`'s are).
    private var kept = 0
    private static let eventSize = MemoryLayout<input_event>.size

    /// - Parameter fd: the pipe's read end; closed in deinit.
    init(fd: FileDescriptor, path: String, description: DeviceDescription) {
        self.fd = fd
        self.path = path
        self.description = description
        uniq = description.uniq
        bytes = .allocate(byteCount: 4096 * Self.eventSize, alignment: MemoryLayout<input_event>.alignment)
    }

    deinit {
        bytes.deallocate()
        SystemCall.closeDescriptor(fd)
    }

    /// A pipe and its two ends: the node a `LiveSource` reads, and the writer that feeds it.
    package static func make(description: DeviceDescription, path: String = "pipe") throws(InputError) -> (PipeEventNode, EventPipeWriter) {
        let (r, w) = try SystemCall.makePipe(path: path)
        return (PipeEventNode(fd: r, path: path, description: description), EventPipeWriter(fd: w, path: path))
    }

    package func readEvents(into events: inout [InputEvent], timeoutMilliseconds: Int32) throws(InputError) {
        let revents = try SystemCall.pollInput(fd, timeoutMilliseconds: timeoutMilliseconds, path: path)
        if revents & Int16(POLLIN) != 0 {
            let n = try SystemCall.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: bytes[kept...]), path: path)
            if n == 0 { throw InputError.deviceGone(path: path, uniq: uniq) }
            let total = kept + n
            let whole = total / Self.eventSize * Self.eventSize
            for offset in stride(from: 0, to: whole, by: Self.eventSize) {
                events.append(EvdevDevice.event(bytes.loadUnaligned(fromByteOffset: offset, as: input_event.self)))
            }
            kept = total - whole
            if kept > 0 { bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[whole..<total])) }
        } else if revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            throw InputError.deviceGone(path: path, uniq: uniq)
        }
    }
}
