import FormcheckFormats
import SystemPackage

/// An evemu recording being written as events arrive, valid at every instant.
///
/// The header goes out in one write(2) when the file is created; after that events are held
/// until their frame ends (SYN_REPORT, or SYN_DROPPED, which closes the broken frame before it)
/// and each whole frame goes out in one write(2). A process killed at any moment (SIGKILL, a
/// crash) leaves a file that ends after a complete frame, which evemu-play, libevemu and
/// formcheck read. (Data in the page cache survives a killed process; `close()` also fsyncs, for
/// a power cut after it.)
///
/// Times are shifted as evemu-record shifts them: the first event is at 0.000001 s and the
/// others keep their distance from it (offset = first event time − 1 µs).
public final class RecordingFile {
    public let path: String
    /// The device described in the header.
    public let description: DeviceDescription
    /// Open until `close()`.
    private var fd: FileDescriptor?
    private var writer = EvemuWriter()
    /// Events of the frame not yet ended, times already shifted.
    private var pending: [InputEvent] = []
    /// Subtracted from every event time; set by the first event.
    private var offset: Int64?
    /// Complete frames written (each ends with SYN_REPORT or SYN_DROPPED).
    public private(set) var framesWritten = 0
    /// Events written to the file (events of an unfinished frame are not counted).
    public private(set) var eventsWritten = 0
    /// Time of the last event written, microseconds in the file's time line (first event = 1).
    public private(set) var lastWrittenTime: Int64?
    /// The time of the first event appended, as it came (a live node's: CLOCK_MONOTONIC,
    /// microseconds) — what a session file records as the recording's `start` (nil: no event yet).
    public var firstEventTime: Int64? { offset.map { $0 + 1 } }

    /// Creates (or truncates) `path`, mode 0644, and writes the description.
    /// - Parameters:
    ///   - kernelRelease, dmi: the `# Kernel:` and `# DMI:` header lines evemu writes; nil leaves
    ///     them out.
    /// - Throws: `.cannotOpen` when the file cannot be created, `.system` when writing fails.
    public init(path: String, description: DeviceDescription,
                kernelRelease: String? = EvemuWriter.kernelRelease(), dmi: String? = EvemuWriter.dmiModalias()) throws(InputError) {
        self.path = path
        self.description = description
        let fd = try SystemCall.createFile(path)
        let header = EvemuWriter.header(for: description, kernelRelease: kernelRelease, dmi: dmi)
        do {
            try SystemCall.writeAll(fd, Array(header.utf8), path: path)
        } catch {
            SystemCall.closeDescriptor(fd)
            throw error
        }
        self.fd = fd
    }

    deinit {
        if let fd { SystemCall.closeDescriptor(fd) }
    }

    /// Events held for a frame that has not ended yet.
    public var pendingEventCount: Int { pending.count }

    /// Adds one event; when it ends a frame, the frame is written.
    /// - Throws: `.system` when the write fails (the frame is then not kept), or when the file
    ///   was closed.
    public func append(_ event: InputEvent) throws(InputError) {
        guard let fd else {
            throw InputError(.system, path: path, "recording already closed")
        }
        if offset == nil { offset = event.time - 1 }
        var e = event
        // A monotonic clock never goes back before the first event; should it, stay at zero
        // rather than write a negative time.
        e.time = max(0, event.time - offset!)
        pending.append(e)
        guard e.type == EventCode.evSyn, e.code == EventCode.synReport || e.code == EventCode.synDropped else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pending.count * 72)
        for p in pending { writer.append(p, to: &bytes) }
        let frame = pending
        pending.removeAll(keepingCapacity: true)
        try SystemCall.writeAll(fd, bytes, path: path)
        framesWritten += 1
        eventsWritten += frame.count
        lastWrittenTime = e.time
    }

    /// Adds events in order; see `append(_:)`.
    public func append<S: Sequence<InputEvent>>(contentsOf events: S) throws(InputError) {
        for e in events { try append(e) }
    }

    /// Flushes the file to disk and closes it. Events of a frame that has not ended are dropped
    /// on purpose, as the kernel drops an unfinished frame: the file ends after a complete
    /// frame. Closing twice does nothing.
    public func close() throws(InputError) {
        guard let descriptor = fd else { return }
        pending.removeAll()
        fd = nil
        defer { SystemCall.closeDescriptor(descriptor) }
        try SystemCall.flushToDisk(descriptor, path: path)
    }
}
