import Foundation
import Testing

@testable import FormcheckDevices
@testable import FormcheckFormats

@Suite struct RecordingFileTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/devices")

    static func fixture(_ name: String) throws -> EvemuReader {
        let path = fixtures.appendingPathComponent(name).path
        return try EvemuReader(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
    }

    static func temporaryPath() -> String {
        NSTemporaryDirectory() + "formcheck-recording-" + UUID().uuidString + ".evemu"
    }

    static func readBack(_ path: String) throws -> (description: DeviceDescription, events: [InputEvent]) {
        var reader = try EvemuReader(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
        return (reader.description, try reader.allEvents())
    }

    static func endsFrame(_ e: InputEvent) -> Bool {
        e.type == EventCode.evSyn && (e.code == EventCode.synReport || e.code == EventCode.synDropped)
    }

    @Test func writesTheFixtureBackFrameByFrameValidAtEveryInstant() throws {
        var source = try Self.fixture("synthetic-dualsense-usb-pitch90.evemu")
        let events = try source.allEvents()
        #expect(events.count == 2020)
        #expect(events.first?.time == 1120)
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try RecordingFile(path: path, description: source.description, kernelRelease: nil, dmi: nil)

        // The header alone is a valid recording with no events.
        let empty = try Self.readBack(path)
        #expect(empty.description == source.description)
        #expect(empty.events.isEmpty)

        // As evemu-record does: the first event at 1 µs, the rest at the same distances.
        let shift = events[0].time - 1
        var frames = 0
        for (i, e) in events.enumerated() {
            try file.append(e)
            if Self.endsFrame(e) {
                frames += 1
                // Killed now, the file holds exactly the frames so far and parses.
                let now = try Self.readBack(path)
                #expect(now.events.count == i + 1)
                #expect(now.events.last == InputEvent(time: e.time - shift, type: e.type, code: e.code, value: e.value))
                #expect(file.pendingEventCount == 0)
            } else if i % 97 == 0 {
                // Killed in mid-frame: the frame being read is not in the file yet.
                let now = try Self.readBack(path)
                #expect(now.events.last.map(Self.endsFrame) ?? true)
                #expect(now.events.count == i + 1 - file.pendingEventCount)
            }
        }
        #expect(file.framesWritten == frames)
        #expect(frames == 392)
        #expect(file.eventsWritten == 2020)
        #expect(file.lastWrittenTime == events.last!.time - shift)
        try file.close()

        let back = try Self.readBack(path)
        #expect(back.description == source.description)
        #expect(back.events == events.map { InputEvent(time: $0.time - shift, type: $0.type, code: $0.code, value: $0.value) })
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(text.hasPrefix("# EVEMU 1.3\n# Input device name: \"Sony Interactive Entertainment DualSense Wireless Controller Motion Sensors\"\n"))
        let firstEvent = try #require(text.split(separator: "\n").first { $0.hasPrefix("E:") })
        #expect(firstEvent == "E: 0.000001 0003 0003 -044\t# EV_ABS / ABS_RX               -44")
        #expect(text.contains("E: 0.880433 0000 0003 0000\t# ------------ SYN_DROPPED (0) ---------- +44ms\n"))

        // What formcheck decodes from the copy is what it decodes from the original, shifted.
        let original = try Recording(path: Self.fixtures.appendingPathComponent("synthetic-dualsense-usb-pitch90.evemu").path).readAll()
        let copy = try Recording(path: path).readAll()
        #expect(copy.readings.count == original.readings.count)
        #expect(copy.statistics?.frames == original.statistics?.frames)
        #expect(copy.statistics?.drops.count == 1)
    }

    @Test func closeDropsAnUnfinishedFrame() throws {
        let source = try Self.fixture("dualsense-usb-motion-sensors.evemu")
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try RecordingFile(path: path, description: source.description, kernelRelease: nil, dmi: nil)
        let frame = [
            InputEvent(time: 5_000_000, type: EventCode.evAbs, code: EventCode.absX, value: 12),
            InputEvent(time: 5_000_000, type: EventCode.evAbs, code: EventCode.absY, value: 8190),
            InputEvent(time: 5_000_000, type: EventCode.evMsc, code: EventCode.mscTimestamp, value: 4000),
            InputEvent(time: 5_000_000, type: EventCode.evSyn, code: EventCode.synReport, value: 0),
        ]
        try file.append(contentsOf: frame)
        try file.append(InputEvent(time: 5_004_000, type: EventCode.evAbs, code: EventCode.absX, value: 40))
        try file.append(InputEvent(time: 5_004_000, type: EventCode.evAbs, code: EventCode.absZ, value: -3))
        #expect(file.pendingEventCount == 2)
        #expect(file.framesWritten == 1)
        try file.close()
        try file.close()
        let back = try Self.readBack(path)
        #expect(back.events == frame.map { InputEvent(time: $0.time - 4_999_999, type: $0.type, code: $0.code, value: $0.value) })
        #expect(back.events.first?.time == 1)
        #expect(back.description == source.description)
        let late = #expect(throws: InputError.self) { try file.append(frame[0]) }
        #expect(late?.message == "recording already closed")
    }

    @Test func cannotCreateInAMissingFolder() {
        let error = #expect(throws: InputError.self) {
            _ = try RecordingFile(path: "/nonexistent-formcheck-dir/out.evemu",
                                  description: DeviceDescription(name: "x", bustype: 3, vendor: 1, product: 2, version: 3))
        }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.exitStatus == 66)
    }
}
