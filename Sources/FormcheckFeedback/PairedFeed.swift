import FormcheckFormats
import MotionCore

/// One sensor of a pair, from raw events to `PairedReading`s: the node's events decoded into
/// readings (`SampleDecoder`, as for one sensor) and each sample's time put on the kernel clock
/// (`KernelClockOffset`, from the kernel time of the event that completed its frame). Live and
/// replayed alike: a replay gives the events the kernel times they were read at (the session
/// file's `start`), so both see the same times.
public struct PairedFeed: Sendable {
    public let side: Side
    private var decoder: SampleDecoder
    private var offset = KernelClockOffset()
    private var lastTime: Double?

    /// - Throws: `.notMotionSensor` when the description is not a usable motion node.
    public init(side: Side, description: DeviceDescription, path: String, initialValues: [UInt16: Int32]? = nil) throws(InputError) {
        self.side = side
        decoder = try SampleDecoder(description: description, path: path, initialValues: initialValues)
    }

    /// One raw event (its time the kernel's, microseconds); a reading when it completes one.
    public mutating func consume(_ e: InputEvent) -> PairedReading? {
        guard let reading = decoder.consume(e) else { return nil }
        return paired(reading, kernelTime: e.time)
    }

    /// The device came back (a new node with the same uniq): a gap, then its readings.
    public mutating func reconnected(initialValues: [UInt16: Int32]) -> PairedReading {
        paired(decoder.deviceReconnected(initialValues: initialValues), kernelTime: nil)
    }

    private mutating func paired(_ reading: SensorReading, kernelTime: Int64?) -> PairedReading {
        guard case .sample(let s) = reading else {
            return PairedReading(side: side, reading: reading, offset: offset.seconds ?? 0, time: lastTime)
        }
        if let kernelTime, s.time.isFinite { offset.observe(sampleTime: s.time, kernelTime: kernelTime) }
        let t = max(lastTime ?? -.infinity, offset.aligned(s.time))
        if t.isFinite { lastTime = t }
        return PairedReading(side: side, reading: reading, offset: offset.seconds ?? 0, time: lastTime)
    }

    /// A recording of the pair, read back: its events put back on the kernel clock they were read
    /// on (`start`, the session file's: the first event's kernel time, microseconds; the file's own
    /// times start at 1 µs), then decoded as live.
    public static func readings(of recording: Recording, side: Side, start: Int64?) throws(InputError) -> [PairedReading] {
        guard let description = recording.description else {
            throw InputError(.malformed, path: recording.path, "a session's recordings are evemu files", fix: "record the pair with 'formcheck record'")
        }
        var feed = try PairedFeed(side: side, description: description, path: recording.path)
        let shift = (start ?? 1) - 1
        var out: [PairedReading] = []
        for var e in try recording.events() {
            e.time += shift
            if let r = feed.consume(e) { out.append(r) }
        }
        return out
    }
}
