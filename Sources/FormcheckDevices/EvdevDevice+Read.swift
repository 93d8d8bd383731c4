import CLibevdev
import FormcheckFormats
import Glibc

/// Reading events: poll(2), then libevdev_next_event until the node has nothing more.
extension EvdevDevice {
    /// Most events one call appends, so a caller gets control back (to stop, to write) even
    /// from a node that never pauses.
    static let batchLimit = 4096

    /// Appends the events the node has to `events`, waiting up to `timeoutMilliseconds` for
    /// the first one.
    ///
    /// After a SYN_DROPPED (the kernel's buffer overflowed) the SYN_DROPPED event is appended,
    /// then libevdev's resync events (the axes that changed meanwhile, ending with a
    /// SYN_REPORT), then reading goes on normally: the order `FrameAssembler` expects. Event
    /// times are CLOCK_MONOTONIC microseconds.
    ///
    /// - Parameter timeoutMilliseconds: 0 returns at once; -1 waits until an event comes.
    /// - Throws: `.deviceGone` (its message carries the uniq) when the device disappeared, and
    ///   `.system` on other read errors. Events read before the error are in `events` all the
    ///   same (an `inout` argument is written back when a function throws): none is lost.
    public func readEvents(into events: inout [InputEvent], timeoutMilliseconds: Int32) throws(InputError) {
        let before = events.count
        try drain(into: &events)
        guard events.count == before else { return }
        let revents = try SystemCall.pollInput(fd, timeoutMilliseconds: timeoutMilliseconds, path: path)
        if revents & Int16(POLLIN) != 0 {
            try drain(into: &events)
        }
        if revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            throw InputError.deviceGone(path: path, uniq: uniq)
        }
    }

    /// libevdev_next_event until -EAGAIN (or `batchLimit` events).
    private func drain(into events: inout [InputEvent]) throws(InputError) {
        var ev = input_event()
        var count = 0
        while count < Self.batchLimit {
            let flags = syncing ? LIBEVDEV_READ_FLAG_SYNC : LIBEVDEV_READ_FLAG_NORMAL
            let rc = libevdev_next_event(handle, flags.rawValue, &ev)
            switch rc {
            case Int32(LIBEVDEV_READ_STATUS_SUCCESS.rawValue):
                events.append(Self.event(ev))
                count += 1
            case Int32(LIBEVDEV_READ_STATUS_SYNC.rawValue):
                // In normal mode: the SYN_DROPPED itself; in sync mode: one resync event.
                events.append(Self.event(ev))
                count += 1
                syncing = true
            case -EAGAIN:
                // In sync mode -EAGAIN ends the resync; normal events may follow at once.
                guard syncing else { return }
                syncing = false
            case -EINTR:
                continue
            case -ENODEV:
                throw InputError.deviceGone(path: path, uniq: uniq, errno: ENODEV)
            default:
                let e = -rc
                throw InputError(.system, path: path, "read failed: \(SystemCall.message(e))", errno: e)
            }
        }
    }

    /// A kernel event as formcheck's, its time in microseconds.
    static func event(_ ev: input_event) -> InputEvent {
        var ev = ev
        let micros = withUnsafePointer(to: &ev) { p in
            Int64(formcheck_event_sec(p)) * 1_000_000 + Int64(formcheck_event_usec(p))
        }
        return InputEvent(time: micros, type: ev.type, code: ev.code, value: ev.value)
    }
}
