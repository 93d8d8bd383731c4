@testable import FormcheckDevices
import FormcheckFormats
import Testing

/// The kernel's evdev buffer for a reader, as drivers/input/evdev.c sizes it
/// (`evdev_compute_buffer_size`, `input_estimate_events_per_packet`), and the reader's pause.
@Suite struct EvdevBufferTests {
    static func description(_ name: String) throws -> DeviceDescription {
        try #require(try Recording(path: Fixtures.device(name)).description)
    }

    /// Every supported motion node: 6 axes and MSC_TIMESTAMP, 1 + 6 + 7 = 14 events a packet, room
    /// for 8 packets (112) rounded up to 128; a frame is at most 8 events (6 axes, the timestamp,
    /// SYN_REPORT), so 15 frames fit in the 127 slots before an overflow, and the reader pauses half
    /// of that at 1 kHz.
    @Test(arguments: ["dualsense-usb-motion-sensors", "dualsense-bt-motion-sensors", "dualshock4-v2-bt-motion-sensors",
                      "joycon-left-imu", "joycon-right-imu", "steam-deck-motion-sensors"])
    func aMotionNodeHolds128EventsAndTheReaderPauses7Point5Milliseconds(_ name: String) throws {
        let b = EvdevBuffer(for: try Self.description(name))
        #expect(b.capacity == 128)
        #expect(b.eventsPerFrame == 8)
        #expect(b.framesHeld == 15)
        #expect(abs(b.pause - 0.0075) < 1e-12)
    }

    /// The kernel's rounding: 8 events a packet × 8 is exactly its minimum of 64; 9 a packet (one
    /// axis) is 72, rounded up to 128.
    @Test func theBufferIsAtLeast64EventsAndAPowerOfTwo() {
        var d = DeviceDescription(name: "none", bustype: 3, vendor: 0, product: 0, version: 0)
        #expect(EvdevBuffer(for: d).capacity == 64)
        d.codes[EventCode.evAbs] = [EventCode.absX]
        #expect(EvdevBuffer(for: d).capacity == 128)
        // 1 + 8 + 7 = 16 a packet: 128 exactly; 17 (one more REL code): 136, so 256.
        d.codes[EventCode.evAbs] = Set(0...7)
        #expect(EvdevBuffer(for: d).capacity == 128)
        d.codes[EventCode.evRel] = [0]
        #expect(EvdevBuffer(for: d).capacity == 256)
    }

    /// Few events a frame: the pause stops at 8 ms (the Wii Remote's 3 axes: 4 events a frame,
    /// 31 frames held, 15.5 ms at 1 kHz); a 64-event buffer of 8-event frames (7 held) pauses 3.5 ms.
    @Test func thePauseIsHalfTheBufferAtOneKilohertzAndAtMost8Milliseconds() throws {
        let wii = EvdevBuffer(for: try Self.description("wii-remote-accelerometer"))
        #expect(wii.eventsPerFrame == 4 && wii.framesHeld == 31)
        #expect(wii.pause == EvdevBuffer.longestPause && EvdevBuffer.longestPause == 0.008)
        var d = DeviceDescription(name: "seven", bustype: 3, vendor: 0, product: 0, version: 0)
        d.codes[EventCode.evKey] = Set(0...6)
        let small = EvdevBuffer(for: d)
        #expect(small.capacity == 64 && small.eventsPerFrame == 8 && small.framesHeld == 7)
        #expect(abs(small.pause - 0.0035) < 1e-12)
    }

    /// A read of more than half the buffer is followed by another at once: 64 of 128 still pauses,
    /// 65 does not.
    @Test func aReadOfMoreThanHalfTheBufferDoesNotPause() throws {
        let b = EvdevBuffer(for: try Self.description("dualsense-usb-motion-sensors"))
        #expect(!b.isNearlyFull(afterReading: 64))
        #expect(b.isNearlyFull(afterReading: 65))
    }
}
