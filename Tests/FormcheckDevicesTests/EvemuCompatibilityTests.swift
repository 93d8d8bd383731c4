import CLibevemu
import FormcheckDevices
import FormcheckFormats
import Glibc
import Testing

/// formcheck's evemu files against the reference implementation, libevemu (Debian libevemu-dev).
@Suite struct EvemuCompatibilityTests {
    /// libevemu reads `text` (evemu_read + evemu_read_event) and writes it back (evemu_write +
    /// evemu_write_event), as evemu-record/evemu-play would see it.
    static func libevemuRoundTrip(_ text: String) throws -> String {
        var input = Array(text.utf8)
        return try input.withUnsafeMutableBytes { raw -> String in
            guard let inFile = fmemopen(raw.baseAddress, raw.count, "r") else { throw RoundTripError.io }
            defer { fclose(inFile) }
            var buffer: UnsafeMutablePointer<CChar>?
            var size = 0
            guard let outFile = open_memstream(&buffer, &size) else { throw RoundTripError.io }
            guard let device = evemu_new(nil) else { throw RoundTripError.io }
            defer { evemu_delete(device) }
            guard evemu_read(device, inFile) > 0 else {
                fclose(outFile)
                free(buffer)
                throw RoundTripError.libevemuRejected
            }
            evemu_write(device, outFile)
            var event = input_event()
            while evemu_read_event(inFile, &event) > 0 { evemu_write_event(outFile, &event) }
            fclose(outFile)
            defer { free(buffer) }
            return String(cString: buffer!)
        }
    }

    enum RoundTripError: Error { case io, libevemuRejected }

    /// The `+Nms` note on SYN lines counts from libevemu's process-wide last SYN, so it depends on
    /// what else the process wrote; everything else must match byte for byte.
    static func withoutSynDeltas(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let r = line.ranges(of: "---------- ").last, line.hasSuffix("ms") else { return String(line) }
            return String(line[..<r.upperBound])
        }.joined(separator: "\n")
    }

    static func parse(_ text: String, path: String) throws -> (DeviceDescription, [InputEvent]) {
        var reader = try EvemuReader(bytes: Array(text.utf8), path: path)
        return (reader.description, try reader.allEvents())
    }

    @Test(arguments: Fixtures.deviceFiles)
    func ourFilesAreWhatLibevemuWrites(_ name: String) throws {
        let path = Fixtures.device(name)
        var reader = try EvemuReader(bytes: SystemFile.read(path), path: path)
        let events = try reader.allEvents()
        let ours = EvemuWriter.text(for: reader.description, events: events)
        let theirs = try Self.libevemuRoundTrip(ours)
        #expect(Self.withoutSynDeltas(ours) == Self.withoutSynDeltas(theirs))
        // And libevemu's rewrite reads back to the same device and events.
        let (d2, e2) = try Self.parse(theirs, path: "libevemu-output")
        #expect(d2.name == reader.description.name)
        #expect(d2.idString == reader.description.idString)
        #expect(d2.properties == reader.description.properties)
        #expect(d2.codes == reader.description.codes)
        #expect(d2.absInfo.mapValues { [$0.minimum, $0.maximum, $0.fuzz, $0.flat, $0.resolution] }
            == reader.description.absInfo.mapValues { [$0.minimum, $0.maximum, $0.fuzz, $0.flat, $0.resolution] })
        #expect(e2 == events)
    }

    /// The fixtures' event lines were written by libevemu 2.7 in a fresh process, so even the
    /// `+Nms` notes must match ours exactly.
    @Test(arguments: ["synthetic-dualsense-usb-pitch90", "synthetic-joycon-left-pitch90"])
    func eventLinesMatchTheFixtureByteForByte(_ name: String) throws {
        let path = Fixtures.device(name)
        let bytes = try SystemFile.read(path)
        var reader = try EvemuReader(bytes: bytes, path: path)
        let events = try reader.allEvents()
        var writer = EvemuWriter()
        let ours = events.map { writer.line(for: $0) }.joined()
        let original = String(decoding: bytes, as: UTF8.self)
            .split(separator: "\n").filter { $0.hasPrefix("E:") }.map { $0 + "\n" }.joined()
        #expect(events.count > 2000)
        #expect(ours == original)
    }

    /// The description lines (N: I: P: B: A:) of every fixture, which libevemu wrote, match ours.
    @Test(arguments: Fixtures.deviceFiles)
    func descriptionLinesMatchTheFixture(_ name: String) throws {
        let path = Fixtures.device(name)
        let bytes = try SystemFile.read(path)
        let reader = try EvemuReader(bytes: bytes, path: path)
        let ours = EvemuWriter.header(for: reader.description, kernelRelease: nil)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
        let original = String(decoding: bytes, as: UTF8.self)
            .split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("E:") }
        #expect(ours == original)
    }

    /// A file in the old 1.1 layout (no resolution field) is read; libevemu agrees on the ranges.
    @Test func readsEvemu11() throws {
        let text = """
            # EVEMU 1.1
            N: Old Device
            I: 0003 054c 0ce6 8111
            P: 40 00 00 00 00 00 00 00
            B: 03 3f 00 00 00 00 00 00 00
            A: 00 -32768 32768 16 0
            A: 01 -32768 32768 16 0
            A: 02 -32768 32768 16 0
            A: 03 -2097152 2097152 16 0
            A: 04 -2097152 2097152 16 0
            A: 05 -2097152 2097152 16 0
            E: 0.000001 0003 0000 0005
            E: 0.000001 0000 0000 0000

            """
        let (d, e) = try Self.parse(text, path: "old.evemu")
        #expect(d.absInfo[0]?.minimum == -32768)
        #expect(d.absInfo[3]?.maximum == 2_097_152)
        #expect(d.absInfo[3]?.resolution == 0)
        #expect(e.count == 2)
        let (d2, e2) = try Self.parse(try Self.libevemuRoundTrip(text), path: "libevemu-output")
        #expect(d2.absInfo.mapValues(\.maximum) == d.absInfo.mapValues(\.maximum))
        #expect(e2 == e)
        // No resolution: the node is refused for samples, saying why.
        #expect(throws: InputError.self) { try SensorScale(for: d, path: "old.evemu") }
    }
}
