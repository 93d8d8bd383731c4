import Foundation
import MotionCore
import Testing

@testable import FormcheckDevices
@testable import FormcheckFormats

/// Readings decoded on one thread and turned into steps by a stage on another
/// (`Recording.forEachReadingDecodedAhead(state:placeholder:stage:_:)`), held against the
/// single-threaded pass on the same files: a step for every reading, in order, made with the state
/// as the readings before left it; the stage's state handed back; the same statistics, or the same
/// error after the steps of the same readings — with batches and depths from one to the default.
@Suite struct StagedDecodeAheadTests {
    /// A stage's step: the reading and how many the stage had seen with it.
    struct Step: Equatable {
        var index: Int
        var reading: SensorReading
    }

    /// What a staged pass gave: the steps, the stage's state after it, the statistics or the error.
    struct Pass: Equatable {
        var steps: [Step] = []
        var state = 0
        var statistics: DecoderStatistics?
        var error: InputError?
    }

    static func staged(_ r: Recording, batch: Int, depth: Int) -> Pass {
        var p = Pass()
        var count = 0
        do {
            p.statistics = try r.forEachReadingDecodedAhead(batchSize: batch, depth: depth, state: &count,
                                                            placeholder: Step(index: -1, reading: .gap(SampleGap(reason: .synDropped, after: nil))),
                                                            stage: { count, reading in
                                                                count += 1
                                                                return Step(index: count, reading: reading)
                                                            }) { p.steps.append($0) }
        } catch { p.error = error }
        p.state = count
        return p
    }

    /// The single pass as the staged one should see it.
    static func single(_ r: Recording) -> Pass {
        let plain = DecodeAheadTests.single(r)
        return Pass(steps: plain.readings.enumerated().map { Step(index: $0.offset + 1, reading: $0.element) },
                    state: plain.readings.count, statistics: plain.statistics, error: plain.error)
    }

    @Test func everyReadingIsAStepInOrderAndTheStateComesBack() throws {
        for file in ["scenarios/strap-upside-down.evemu", "devices/dualsense-reconnect-hamstring-cut.evemu",
                     "broad/05_undisturbed_slow_rotation_with_breaks_B_28-103s.csv"] {
            let r = try Recording(path: Fixtures.path(file))
            let want = Self.single(r)
            #expect(want.steps.count > 2000, "\(file)")
            #expect(want.error == nil)
            for (batch, depth) in DecodeAheadTests.shapes {
                let got = Self.staged(r, batch: batch, depth: depth)
                #expect(got.state == want.state, "\(file), batch \(batch), depth \(depth)")
                #expect(got == want, "\(file), batch \(batch), depth \(depth)")
            }
        }
    }

    /// A malformed line deep in the file: the steps of every reading before it, the stage's state
    /// after those readings, then the same error (file, line) as the single pass.
    @Test func aMalformedLineIsTheSameErrorAfterTheStepsOfTheSameReadings() throws {
        var lines = DecodeAheadTests.lines(try DecodeAheadTests.fixtureBytes("scenarios/strap-upside-down.evemu"))
        let bad = 30_001
        lines[bad - 1] = Array("E: 120.004000 0003 zz 17\n".utf8)
        let path = try DecodeAheadTests.temporaryFile(lines.flatMap { $0 })
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try Recording(path: path)
        let want = Self.single(r)
        #expect(want.error?.line == bad)
        #expect(want.error?.path == path)
        #expect(want.state > 3000)
        for (batch, depth) in DecodeAheadTests.shapes {
            let got = Self.staged(r, batch: batch, depth: depth)
            #expect(got.error == want.error, "batch \(batch), depth \(depth)")
            #expect(got.state == want.state, "batch \(batch), depth \(depth)")
            #expect(got.steps == want.steps, "batch \(batch), depth \(depth)")
        }
    }

    /// A file cut in an event line: the staged pass ends as the single pass does.
    @Test func aTruncatedFileEndsAsTheSinglePassEnds() throws {
        let bytes = try DecodeAheadTests.fixtureBytes("scenarios/strap-upside-down.evemu")
        let newline = bytes[(bytes.count / 2)...].firstIndex(of: 0x0A)!
        for cut in [newline - 3, newline + 6] {
            let path = try DecodeAheadTests.temporaryFile(Array(bytes[..<cut]))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let r = try Recording(path: path)
            let want = Self.single(r)
            #expect(want.state > 2000)
            for (batch, depth) in DecodeAheadTests.shapes {
                #expect(Self.staged(r, batch: batch, depth: depth) == want, "cut at \(cut), batch \(batch), depth \(depth)")
            }
        }
    }
}
