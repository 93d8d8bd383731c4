import Foundation
import MotionCore
import Testing

@testable import FormcheckDevices
@testable import FormcheckFormats

/// Readings decoded on a thread of their own (`Recording.forEachReadingDecodedAhead`), held against
/// the single-threaded pass (`forEachReading`) on the same files: the same readings in the same
/// order, the same statistics, the same error with its file and line after the same readings — with
/// batches and queue depths from one reading to the default, so that the decoder runs ahead, waits
/// and hands over at every point of a file.
@Suite struct DecodeAheadTests {
    /// What a pass gave: the readings in order, then the statistics or the error.
    struct Pass: Equatable {
        var readings: [SensorReading] = []
        var statistics: DecoderStatistics?
        var error: InputError?
    }

    static func single(_ r: Recording) -> Pass {
        var p = Pass()
        do { p.statistics = try r.forEachReading { p.readings.append($0) } } catch { p.error = error }
        return p
    }

    static func ahead(_ r: Recording, batch: Int, depth: Int) -> Pass {
        var p = Pass()
        do { p.statistics = try r.forEachReadingDecodedAhead(batchSize: batch, depth: depth) { p.readings.append($0) } } catch { p.error = error }
        return p
    }

    /// (batch size, depth): one reading a batch, a batch that does not divide the file, the default.
    static let shapes = [(1, 1), (7, 2), (333, 1), (Recording.decodeBatchSize, Recording.decodeDepth)]

    static func temporaryFile(_ bytes: [UInt8], ext: String = "evemu") throws -> String {
        let path = NSTemporaryDirectory() + "formcheck-decode-ahead-" + UUID().uuidString + "." + ext
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func fixtureBytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(relative))))
    }

    /// The lines of `bytes` (LF kept), to edit a recording.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) + [0x0A] }
    }

    @Test func aRecordingFileGivesTheSameReadingsInTheSameOrderAndTheSameStatistics() throws {
        let r = try Recording(path: Fixtures.path("scenarios/strap-upside-down.evemu"))
        let want = Self.single(r)
        #expect(want.readings.count > 6000)
        #expect(want.error == nil)
        for (batch, depth) in Self.shapes {
            let got = Self.ahead(r, batch: batch, depth: depth)
            #expect(got.readings.count == want.readings.count, "batch \(batch), depth \(depth)")
            #expect(got == want, "batch \(batch), depth \(depth)")
        }
    }

    /// SYN_DROPPED in the file (a gap in the readings, a drop in the statistics with its line) and
    /// a CSV file (no statistics; its gaps are time jumps).
    @Test func gapsAndCSVFilesComeThroughAsTheyAre() throws {
        let evemu = try Recording(path: Fixtures.path("devices/dualsense-reconnect-hamstring-cut.evemu"))
        let want = Self.single(evemu)
        #expect(want.statistics?.drops.isEmpty == false)
        #expect(want.readings.contains { if case .gap = $0 { true } else { false } })
        let csv = try Recording(path: Fixtures.path("broad/05_undisturbed_slow_rotation_with_breaks_B_28-103s.csv"))
        let wantCSV = Self.single(csv)
        #expect(wantCSV.readings.count > 10000)
        for (batch, depth) in Self.shapes {
            #expect(Self.ahead(evemu, batch: batch, depth: depth) == want, "batch \(batch), depth \(depth)")
            #expect(Self.ahead(csv, batch: batch, depth: depth) == wantCSV, "batch \(batch), depth \(depth)")
        }
    }

    /// A malformed line deep in the file while the decoder runs ahead: every reading before it, then
    /// the same error — kind, file, line, message — as the single pass.
    @Test func aMalformedLineIsTheSameErrorWithItsFileAndLineAfterTheSameReadings() throws {
        var lines = Self.lines(try Self.fixtureBytes("scenarios/strap-upside-down.evemu"))
        let bad = 30_001  // 1-based line number
        lines[bad - 1] = Array("E: 120.004000 0003 zz 17\n".utf8)
        let path = try Self.temporaryFile(lines.flatMap { $0 })
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try Recording(path: path)
        let want = Self.single(r)
        #expect(want.error?.line == bad)
        #expect(want.error?.path == path)
        #expect(want.error?.kind == .malformed)
        #expect(want.readings.count > 3000)
        for (batch, depth) in Self.shapes {
            let got = Self.ahead(r, batch: batch, depth: depth)
            #expect(got.error == want.error, "batch \(batch), depth \(depth)")
            #expect(got.readings == want.readings, "batch \(batch), depth \(depth)")
        }
    }

    /// A file cut in the middle of an event line (a copy interrupted) and one cut after a whole
    /// line: what the single pass makes of each, the decoded-ahead pass makes too.
    @Test func aTruncatedFileEndsAsTheSinglePassEnds() throws {
        let bytes = try Self.fixtureBytes("scenarios/strap-upside-down.evemu")
        let newline = bytes[(bytes.count / 2)...].firstIndex(of: 0x0A)!
        for cut in [newline - 9, newline - 3, newline + 1] {
            let path = try Self.temporaryFile(Array(bytes[..<cut]))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let r = try Recording(path: path)
            let want = Self.single(r)
            #expect(want.readings.count > 2000)
            for (batch, depth) in Self.shapes {
                #expect(Self.ahead(r, batch: batch, depth: depth) == want, "cut at \(cut), batch \(batch), depth \(depth)")
            }
        }
        // Cut inside the time of an event: the single pass refuses that last line.
        let inTime = try Self.temporaryFile(Array(bytes[..<(newline + 6)]))
        defer { try? FileManager.default.removeItem(atPath: inTime) }
        let r = try Recording(path: inTime)
        let want = Self.single(r)
        #expect(want.error != nil)
        #expect(Self.ahead(r, batch: 7, depth: 2) == want)
    }

    /// `body` stopping the pass: it has seen exactly the readings before it stopped, the decoder is
    /// stopped and waited for (the call returns), and the next pass starts from the first reading.
    @Test func stoppingThePassEndsItAtThatReadingAndANewPassStartsAgain() throws {
        let r = try Recording(path: Fixtures.path("scenarios/strap-upside-down.evemu"))
        let all = Self.single(r).readings
        for (batch, depth) in Self.shapes {
            for stopAt in [1, 5, batch, batch + 1, 2500] {
                var seen: [SensorReading] = []
                let statistics = try r.readReadingsDecodedAhead(batchSize: batch, depth: depth, while: { reading in
                    seen.append(reading)
                    return seen.count < stopAt
                })
                #expect(statistics == nil)
                #expect(seen == Array(all.prefix(stopAt)), "batch \(batch), depth \(depth), stop at \(stopAt)")
            }
        }
        #expect(Self.ahead(r, batch: 7, depth: 1).readings == all)
    }
}
