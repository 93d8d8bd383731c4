import Foundation
import MotionCore
import Testing

@testable import FormcheckDevices
@testable import FormcheckFormats

/// Recordings read from their files in chunks give what the same bytes in memory give, on every
/// fixture; and every evemu fixture's events are what a plain String/Int reading of its E: lines
/// gives.
@Suite struct StreamingRecordingTests {
    /// Every file under Fixtures/ ending in `suffix`, recursively.
    static func fixtures(_ suffix: String) -> [String] {
        let root = Fixtures.root
        let names = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { root + "/" + $0 }
    }

    /// The E: lines of an evemu file read with String splitting and the standard integer parsers.
    static func referenceEvents(_ bytes: [UInt8]) throws -> [InputEvent] {
        var out: [InputEvent] = []
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix("E:") {
            let body = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let f = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            try #require(f.count == 5, "\(line)")
            let time = f[1].split(separator: ".")
            let micros = try #require(Int64(time[1]))
            out.append(InputEvent(time: try #require(Int64(time[0])) * 1_000_000 + micros,
                                  type: try #require(UInt16(f[2], radix: 16)), code: try #require(UInt16(f[3], radix: 16)),
                                  value: try #require(Int32(f[4]))))
        }
        return out
    }

    @Test func everyEvemuFixtureReadsAsTheReferenceParserReadsIt() throws {
        let files = Self.fixtures(".evemu")
        #expect(files.count >= 14)
        var events = 0
        for file in files {
            var reader = try EvemuReader(path: file)
            let ours = try reader.allEvents()
            let reference = try Self.referenceEvents(SystemFile.read(file))
            #expect(ours == reference, "\(file)")
            events += ours.count
        }
        // 338,025 events when this was written.
        #expect(events > 300_000)
    }

    @Test func everyFixtureReadFromItsFileIsWhatItsBytesGive() throws {
        let files = Self.fixtures(".evemu") + Self.fixtures(".csv")
        #expect(files.count >= 30)
        var readings = 0
        for file in files {
            let fromFile = try Recording(path: file)
            let fromBytes = try Recording(bytes: SystemFile.read(file), path: file)
            #expect(fromFile.description == fromBytes.description)
            #expect(fromFile.warnings == fromBytes.warnings)
            #expect(fromFile.csvUnits == fromBytes.csvUnits)
            let a: (readings: [SensorReading], statistics: DecoderStatistics?)
            do throws(InputError) { a = try fromFile.readAll() } catch {
                // Refused (the Wii Remote has no motion-sensor units): refused the same from bytes.
                #expect(throws: error) { _ = try fromBytes.readAll() }
                continue
            }
            let b = try fromBytes.readAll()
            #expect(a.readings == b.readings, "\(file)")
            #expect(a.statistics == b.statistics)
            #expect(try fromFile.events() == fromBytes.events())
            // And a second pass over the same recording gives the same again.
            #expect(try fromFile.readAll().readings == a.readings)
            readings += a.readings.count
        }
        // 120,140 readings when this was written.
        #expect(readings > 100_000)
    }

    /// A file without its extension is told by its first bytes, read from the file.
    @Test func aFileWithoutExtensionIsToldByItsFirstBytes() throws {
        let dir = NSTemporaryDirectory() + "formcheck-stream-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (fixture, format) in [(Fixtures.device("joycon-left-imu"), Recording.Format.evemu),
                                  (Fixtures.path("csv/geotec-s01-si.csv"), .csv)] {
            let copy = dir + "/recording"
            try? FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: fixture, toPath: copy)
            let r = try Recording(path: copy)
            #expect(r.format == format)
            #expect(try r.readAll().readings == Recording(path: fixture).readAll().readings)
        }
    }
}

extension StreamingRecordingTests {
    /// A pipe (`formcheck inspect <(zcat x.csv.gz)`) cannot be read twice: it is read once, into
    /// memory, and gives what the file gives.
    @Test func aPipeIsReadOnceAndGivesWhatTheFileGives() throws {
        let fixture = Fixtures.path("csv/geotec-s01-si.csv")
        let bytes = try SystemFile.read(fixture)
        try #require(bytes.count < 60_000)  // fits the pipe's buffer: written whole before reading
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(bytes))
        try pipe.fileHandleForWriting.close()
        let path = "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)"
        let r = try Recording(path: path)
        #expect(r.format == .csv)
        #expect(try r.readAll().readings == Recording(path: fixture).readAll().readings)
    }
}
