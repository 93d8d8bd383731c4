import FormcheckDevices
import FormcheckFormats
import Foundation
import MotionCore
import Testing

/// CSV files from real loggers: the GeoTecINIT excerpts of Fixtures/csv (CC BY 4.0, see its
/// README) — a real Android log with whole-millisecond arrival times, and the same rows in g, °/s
/// and µs — against the excerpt in s, m/s² and rad/s on the dataset's uniform clock.
@Suite struct CSVLoggerTests {
    static func fixture(_ name: String) -> String { Fixtures.path("csv/geotec-s01-\(name).csv") }

    static func samples(_ recording: Recording) throws -> [IMUSample] {
        try recording.readAll().readings.compactMap { if case .sample(let s) = $0 { s } else { nil } }
    }

    /// The reference: s, m/s², rad/s as converted by the dataset (its `t` is the uniform clock it fitted).
    static let reference: [IMUSample] = (try? samples(Recording(path: fixture("si")))) ?? []

    /// The t column of a fixture as written.
    static func writtenTimes(_ name: String) throws -> [Double] {
        let text = try String(contentsOfFile: fixture(name), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { Double($0.split(separator: ",")[0])! }
    }

    @Test func referenceReadsAsItIs() throws {
        let recording = try Recording(path: Self.fixture("si"))
        #expect(recording.warnings.isEmpty, "\(recording.warnings)")
        let u = try #require(recording.csvUnits)
        #expect(u.units == .si)
        #expect(u.acceleration.source == .detected && u.angularRate.source == .detected && u.time.source == .detected)
        #expect(Self.reference.count == 600)
        // Times exactly as written: a uniform clock needs no re-timing.
        #expect(Self.reference.map(\.time) == (try Self.writtenTimes("si")))
    }

    @Test func androidLogIsRetimedOnAFittedClock() throws {
        let recording = try Recording(path: Self.fixture("android-ms"))
        let readings = try recording.readAll().readings
        let samples = try Self.samples(recording)
        // Every row kept, no gap: the jumps of more than 50 ms in this log are delivery delays.
        #expect(samples.count == 600)
        #expect(readings.count == 600)
        let written = try Self.writtenTimes("android-ms")
        let repeats = zip(written, written.dropFirst()).filter { $0 == $1 }.count
        #expect(repeats > 30, "the fixture is a real Android log with repeated milliseconds")
        // One warning for the unit, one for the re-timing, saying what was done.
        #expect(recording.warnings.count == 2, "\(recording.warnings)")
        #expect(recording.warnings[0].hasPrefix("t is in ms"))
        let retimed = recording.warnings[1]
        #expect(retimed.hasPrefix("times re-timed on a fitted uniform clock of 102."), "\(retimed)")
        #expect(retimed.contains("of 600 rows, \(repeats) repeat the previous row's time"), "\(retimed)")
        #expect(retimed.hasSuffix("every row kept"))
        // Uniform steps, at the phone's rate: the dataset's clock, 9.7598 ms (102.46 Hz).
        let period = (samples[599].time - samples[0].time) / 599
        for k in 1..<samples.count { #expect(abs(samples[k].time - samples[k - 1].time - period) < 1e-9) }
        let referencePeriod = (Self.reference[599].time - Self.reference[0].time) / 599
        #expect(abs(1 / period - 1 / referencePeriod) < 0.1, "fitted \(1 / period) Hz, dataset \(1 / referencePeriod) Hz")
        // Over the whole excerpt the fitted clock stays within half a period of the dataset's
        // (origins aside: only time differences matter).
        let offset = zip(samples, Self.reference).map { $0.time - $1.time }.reduce(0, +) / 600
        for (s, r) in zip(samples, Self.reference) { #expect(abs(s.time - r.time - offset) < referencePeriod / 2) }
        // The motion values are the rows' own.
        #expect(samples.map(\.acceleration) == Self.reference.map(\.acceleration))
        #expect(samples.map(\.angularVelocity) == Self.reference.map(\.angularVelocity))
    }

    @Test func accelerationInGIsConverted() throws {
        let recording = try Recording(path: Self.fixture("g"))
        #expect(recording.csvUnits?.acceleration.unit == .g)
        #expect(recording.csvUnits?.acceleration.source == .detected)
        #expect(recording.warnings.count == 1)
        #expect(recording.warnings.first?.hasPrefix("ax, ay, az are in g (median |a| at rest") == true, "\(recording.warnings)")
        let samples = try Self.samples(recording)
        #expect(samples.count == 600)
        // Written with 6 decimals in g: within 0.5e-6 g of the m/s² values.
        for (s, r) in zip(samples, Self.reference) {
            #expect((s.acceleration - r.acceleration).norm < 1e-6 * 9.80665)
            #expect(s.angularVelocity == r.angularVelocity)
            #expect(s.time == r.time)
        }
        // Gravity: the excerpt starts seated and still (the dataset measured 9.70–9.97 m/s² seated).
        let summary = try RecordingSummary(recording: recording)
        let g = try #require(summary.gravityAtStart).norm
        #expect(abs(g - 9.81) < 0.3, "gravity \(g) m/s²")
    }

    @Test func angularRateInDegreesIsConverted() throws {
        let recording = try Recording(path: Self.fixture("degs"))
        #expect(recording.csvUnits?.angularRate.unit == .degreesPerSecond)
        #expect(recording.warnings.count == 1)
        #expect(recording.warnings.first?.hasPrefix("gx, gy, gz are in °/s") == true, "\(recording.warnings)")
        let samples = try Self.samples(recording)
        #expect(samples.count == 600)
        for (s, r) in zip(samples, Self.reference) {
            // 6 decimals of °/s: within 0.5e-6 °/s.
            #expect((s.angularVelocity - r.angularVelocity).norm < 1e-6 * .pi / 180)
            #expect(s.acceleration == r.acceleration)
        }
    }

    @Test func timeInMicrosecondsIsConverted() throws {
        let recording = try Recording(path: Self.fixture("us"))
        #expect(recording.csvUnits?.time.unit == .us)
        #expect(recording.warnings.count == 1)
        #expect(recording.warnings.first?.hasPrefix("t is in µs (median step 9760") == true, "\(recording.warnings)")
        let samples = try Self.samples(recording)
        #expect(samples.count == 600)
        // Whole microseconds: within 0.5 µs of the seconds.
        for (s, r) in zip(samples, Self.reference) { #expect(abs(s.time - r.time) <= 0.5e-6 + 1e-12) }
    }

    @Test func statedUnitsOverrideDetectionWithoutWarning() throws {
        let stated = try Recording(path: Self.fixture("g"), units: CSVUnits(acceleration: .g))
        #expect(stated.warnings.isEmpty)
        #expect(stated.csvUnits?.acceleration.source == .given)
        #expect(try Self.samples(stated).map(\.acceleration) == (try Self.samples(Recording(path: Self.fixture("g")))).map(\.acceleration))
        // Stated wrongly, the user is believed: the values stay as written (|a| ≈ 1).
        let wrong = try Recording(path: Self.fixture("g"), units: CSVUnits(acceleration: .metersPerSecondSquared))
        #expect(wrong.warnings.isEmpty)
        let first = try #require(try Self.samples(wrong).first)
        #expect(abs(first.acceleration.norm - 1) < 0.05)
        let ms = try Recording(path: Self.fixture("android-ms"), units: CSVUnits(time: .ms))
        #expect(ms.warnings.count == 1, "only the re-timing is reported: \(ms.warnings)")
    }

    /// The Android log with rows `range` removed, as a file's bytes.
    static func androidLog(removing range: Range<Int>) throws -> [UInt8] {
        var lines = try String(contentsOfFile: fixture("android-ms"), encoding: .utf8).split(separator: "\n").map(String.init)
        lines.removeSubrange((range.lowerBound + 1)..<(range.upperBound + 1))
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    @Test func rowsMissingFromALogAreAGap() throws {
        // 30 rows (0.29 s) lost after row 399: the rows after the jump do not catch up.
        let bytes = try Self.androidLog(removing: 400..<430)
        let recording = try Recording(bytes: bytes, path: "lost.csv")
        let readings = try recording.readAll().readings
        #expect(readings.count == 571)
        let gapIndex = try #require(readings.firstIndex { if case .gap = $0 { true } else { false } })
        #expect(gapIndex == 400)
        guard case .gap(let gap) = readings[gapIndex], case .sample(let before) = readings[gapIndex - 1],
            case .sample(let after) = readings[gapIndex + 1]
        else {
            Issue.record("no sample on each side of the gap")
            return
        }
        #expect(gap.reason == .timeJump)
        #expect(gap.after == before.time)
        // The jump is 31 periods (30 rows lost), to within a period; the clock on either side is uniform.
        let period = 1 / 102.46
        #expect(abs((after.time - before.time) / period - 31) < 1, "\((after.time - before.time) / period) periods")
        #expect(recording.warnings.last?.contains("1 jump the rows did not catch up with (rows missing) kept as a gap, at line 402") == true,
                "\(recording.warnings)")
        let summary = try RecordingSummary(recording: recording)
        #expect(summary.gaps.count == 1)
        #expect(summary.gaps.first?.reason == .timeJump)
        #expect(summary.gaps.first?.missingSamples.map { abs($0 - 30) <= 1 } == true)
    }
}
