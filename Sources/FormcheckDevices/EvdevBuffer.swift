import FormcheckFormats

/// The kernel's event buffer for one reader of an evdev node (drivers/input/evdev.c), sized as the
/// kernel sizes it from the device's capabilities, and how long a reader may pause between reads
/// without overflowing it.
///
/// The kernel estimates a device's events per packet (`input_estimate_events_per_packet`: one
/// SYN_REPORT, one per EV_ABS and EV_REL code, 7 for keys and MSC), gives each reader room for 8
/// packets (`EVDEV_BUF_PACKETS`), at least 64 events (`EVDEV_MIN_BUFFER_SIZE`), rounded up to a
/// power of two; the ring overflows (the reader gets SYN_DROPPED) when an event would fill its last
/// slot. A 6-axis motion node with MSC_TIMESTAMP: 1 + 6 + 7 = 14 per packet, 112, so 128 events.
/// Multi-touch axes (which the kernel counts once per slot) are counted once: the capacity is then
/// under the kernel's, never over it.
public struct EvdevBuffer: Sendable, Hashable {
    /// Events the kernel's buffer has room for (a power of two, ≥ 64).
    public let capacity: Int
    /// Most events one frame can carry: every EV_ABS, EV_REL, EV_KEY and EV_MSC code the node has,
    /// and the SYN_REPORT (a motion node: 6 axes, MSC_TIMESTAMP, SYN_REPORT = 8).
    public let eventsPerFrame: Int

    /// The fastest frame rate the pause is sized for, frames per second: issue 14's 1 kHz, above
    /// any supported controller's motion reports.
    public static let fastestFrameRate = 1000.0
    /// The longest pause, seconds, whatever the buffer: the latency it adds to every cue stays
    /// under the live view's redraw period (250 ms) by far, and Ctrl-C is seen within it.
    public static let longestPause = 0.008

    public init(for description: DeviceDescription) {
        let abs = description.codes[EventCode.evAbs]?.count ?? 0
        let rel = description.codes[EventCode.evRel]?.count ?? 0
        let perPacket = 1 + abs + rel + 7
        var size = 1
        while size < max(perPacket * 8, 64) { size <<= 1 }
        capacity = size
        let keys = description.codes[EventCode.evKey]?.count ?? 0
        let msc = description.codes[EventCode.evMsc]?.count ?? 0
        eventsPerFrame = min(abs + rel + keys + msc + 1, capacity - 1)
    }

    /// Frames that fit before the buffer overflows (its last slot is never filled), at
    /// `eventsPerFrame` each.
    public var framesHeld: Int { (capacity - 1) / max(eventsPerFrame, 1) }

    /// How long a reader may sleep after a read, seconds: the time half of `framesHeld` frames take
    /// at `fastestFrameRate` (the other half is the margin for the reader being scheduled late),
    /// at most `longestPause`. A 128-event motion node: 15 frames held, 7.5 ms; a 64-event one: 7
    /// frames, 3.5 ms.
    public var pause: Double {
        min(Self.longestPause, Double(framesHeld) / 2 / Self.fastestFrameRate)
    }

    /// Whether a read of `events` events came so near the capacity that the next read should not
    /// wait (a device faster than `fastestFrameRate`, or a reader scheduled late): more than half
    /// of it.
    public func isNearlyFull(afterReading events: Int) -> Bool {
        events > capacity / 2
    }
}
