import Foundation
import MotionCore
import Testing

@testable import FormcheckDevices
@testable import FormcheckFeedback
@testable import FormcheckFormats

/// A recording coached on three threads (`SessionPipeline.consume(_:events:sample:)`: the decoder,
/// the angles, the coaching) against the same recording coached a reading at a time on one
/// (`consume(_:into:)`): the same events in the same order, the same status after every sample,
/// the same angle state and summary at the end, and on a malformed line the same error after the
/// same events.
@Suite struct SessionPipelineRecordingTests {
    /// What a coached pass gave.
    struct Run: Equatable {
        /// The events of each reading that made some, as handed out.
        var events: [[SessionEvent]] = []
        var statuses: [SessionStatus] = []
        var error: InputError?
        var samples = 0
        var calibration: StrapCalibration?
        var final: [SessionEvent] = []
    }

    static func pipeline(_ exercise: String) throws -> SessionPipeline<OrientationFilter> {
        SessionPipeline(estimator: OrientationFilter(), exercise: try ExerciseLibrary.named(exercise), side: .right)
    }

    static func oneAtATime(_ r: Recording, exercise: String) throws -> Run {
        var p = try pipeline(exercise)
        var run = Run()
        do {
            _ = try r.forEachReading { reading in
                var made: [SessionEvent] = []
                p.consume(reading, into: &made)
                if !made.isEmpty { run.events.append(made) }
                if case .sample = reading { run.statuses.append(p.status) }
            }
        } catch { run.error = error }
        return end(&p, run)
    }

    static func threaded(_ r: Recording, exercise: String) throws -> Run {
        var p = try pipeline(exercise)
        var run = Run()
        do {
            _ = try p.consume(r, events: { run.events.append($0) }, sample: { run.statuses.append($0) })
        } catch { run.error = error }
        return end(&p, run)
    }

    static func end(_ p: inout SessionPipeline<OrientationFilter>, _ run: Run) -> Run {
        var run = run
        run.samples = p.samples
        run.calibration = p.angles.tracker.calibration
        p.finish(into: &run.final)
        return run
    }

    @Test(arguments: [("scenarios/piriformis-joycon.evemu", "piriformis"), ("scenarios/hamstring-shallow.evemu", "hamstring"),
                      ("devices/dualsense-reconnect-hamstring-cut.evemu", "hamstring")])
    func aRecordingIsCoachedAsReadingByReading(file: String, exercise: String) throws {
        let r = try Recording(path: Fixtures.path(file))
        let want = try Self.oneAtATime(r, exercise: exercise)
        #expect(want.error == nil)
        #expect(want.samples > 2000)
        #expect(want.calibration != nil)
        #expect(want.events.joined().count >= 3)
        #expect(want.final.contains { if case .summary = $0 { true } else { false } })
        let got = try Self.threaded(r, exercise: exercise)
        #expect(got.events == want.events)
        #expect(got.statuses.count == want.statuses.count)
        #expect(got == want)
    }

    /// The hand-over's step, whose size the replay's memory figure (600 KiB of slots) rests on.
    @Test func aStepIs120Bytes() {
        #expect(MemoryLayout<AngleStep>.stride == 120)
    }

    /// A malformed line mid-session: the events of every reading before it, then its error.
    @Test func aMalformedLineStopsItAfterTheSameEventsWithTheSameError() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("scenarios/piriformis-joycon.evemu"))))
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) + [0x0A] }
        let bad = lines.count * 2 / 3
        lines[bad - 1] = Array("E: 120.004000 0003 zz 17\n".utf8)
        let path = NSTemporaryDirectory() + "formcheck-staged-" + UUID().uuidString + ".evemu"
        try Data(lines.flatMap { $0 }).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try Recording(path: path)
        let want = try Self.oneAtATime(r, exercise: "piriformis")
        #expect(want.error?.line == bad)
        #expect(want.events.joined().contains { if case .holdEnded = $0 { true } else { false } })
        #expect(try Self.threaded(r, exercise: "piriformis") == want)
    }
}
