import CLibevdev
import FormcheckFormats
import Glibc
import Synchronization
import SystemPackage

/// The writing end of a `PipeEventNode`: events as `struct input_event`s, the way a driver's
/// frames reach an evdev reader. Write a frame at a time (its events up to and including the
/// SYN_REPORT): a write of up to 4 KiB (PIPE_BUF) reaches the reader whole. Safe from any thread.
package final class EventPipeWriter: Sendable {
    private let fd: FileDescriptor
    private let path: String
    private let open = Atomic<Bool>(true)

    init(fd: FileDescriptor, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit {
        close()
    }

    /// Writes `events` in one write(2), times as given (microseconds).
    package func write(_ events: ArraySlice<InputEvent>) throws(InputError) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(events.count * MemoryLayout<input_event>.size)
        for e in events {
            var ev = input_event()
            formcheck_event_set_time(&ev, Int(e.time / 1_000_000), Int(e.time % 1_000_000))
            ev.type = e.type
            ev.code = e.code
            ev.value = e.value
            withUnsafeBytes(of: ev) { bytes.append(contentsOf: $0) }
        }
        try SystemCall.writeAll(fd, bytes, path: path)
    }

    /// Closes the pipe: the reader's stream ends as when the device goes away. Once.
    package func close() {
        guard open.exchange(false, ordering: .acquiringAndReleasing) else { return }
        SystemCall.closeDescriptor(fd)
    }
}
