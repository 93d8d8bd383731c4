import FormcheckFeedback
import FormcheckInput
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// The live path: a recording fed through the same pipeline at real-time pacing on a fake clock,
/// stopped mid-hold (Ctrl-C), and unplugged mid-hold and plugged back in.
@Suite struct LiveSessionTests {
    /// True orientation by sample time (the filter is tested elsewhere).
    struct TrueOrientation: OrientationEstimator {
        var orientations: [Quaternion]
        var period: Double
        mutating func update(_ s: IMUSample) -> Quaternion {
            orientations[min(max(Int((s.time / period).rounded()), 0), orientations.count - 1)]
        }
        mutating func gapOccurred() {}
        var gyroBias: Vector3 { .zero }
    }

    /// A fake clock: records how far the pacing asked to sleep, never waits.
    final class FakeClock: @unchecked Sendable {
        private let lock = NSLock()
        private var latest = 0.0
        var now: Double { lock.withLock { latest } }
        func sleep(until t: Double) async throws { lock.withLock { latest = max(latest, t) } }
    }

    struct Setup {
        var scenario: Scenario
        var rendering: ScenarioRenderer.Rendering
        var events: [InputEvent]
        var runner: LiveSessionRunner<TrueOrientation>
        var recordingPath: String
    }

    static func setup(_ name: String) throws -> Setup {
        let scenario = ScenarioLibrary.named(name)!
        let r = ScenarioRenderer(scenario).render()
        let events = try Recording(bytes: Array(r.evemuText().utf8), path: name).events()
        let pipeline = SessionPipeline(estimator: TrueOrientation(orientations: r.orientations, period: scenario.device.samplePeriod),
                                       exercise: try ExerciseLibrary.named(scenario.exercise), side: scenario.side)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("formcheck-live-\(UUID().uuidString).evemu").path
        let recording = try RecordingFile(path: path, description: r.description)
        return Setup(scenario: scenario, rendering: r, events: events, runner: LiveSessionRunner(pipeline: pipeline, recording: recording), recordingPath: path)
    }

    static func connection(_ events: [InputEvent], _ setup: Setup, clock: FakeClock, failAt: Int64? = nil) -> LiveSessionRunner<TrueOrientation>.Connection {
        connection(events, setup.rendering.description, clock: clock, failAt: failAt)
    }

    static func connection(_ events: [InputEvent], _ description: DeviceDescription, clock: FakeClock, failAt: Int64? = nil) -> LiveSessionRunner<TrueOrientation>.Connection {
        let paced = PacedEventSource.stream(events) { try await clock.sleep(until: $0) }
        // Unplugged: the stream throws what EvdevDevice throws when the node goes away.
        let stream = AsyncThrowingStream<InputEvent, any Error> { continuation in
            let task = Task {
                do {
                    for try await e in paced {
                        if let failAt, e.time >= failAt {
                            continuation.finish(throwing: InputError(.deviceGone, path: "/dev/input/event7", "the device disappeared"))
                            return
                        }
                        continuation.yield(e)
                    }
                    continuation.finish()
                } catch { continuation.finish(throwing: error) }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
        return .init(events: stream, description: description,
                     initialValues: [:], path: "/dev/input/event7", uniq: "aa:bb:cc:dd:ee:ff")
    }

    @Test func ctrlCMidHoldEndsWithTheSummaryAndACompleteRecording() async throws {
        var s = try Self.setup("piriformis-joycon")
        let hold = s.rendering.truth.holds[0]
        // Ctrl-C 20 s into the first hold: the source stops there.
        let stopAt = s.events.first!.time + Int64((hold.start + 20) * 1e6)
        let clock = FakeClock()
        var emitted: [SessionEvent] = []
        let summary = try await s.runner.run(Self.connection(s.events.filter { $0.time < stopAt }, s, clock: clock),
                                             reconnect: nil, emit: { e, _ in emitted.append(e) }, notice: { _ in })
        try s.runner.recording?.close()
        // Paced in real time: the clock went to the stop time.
        #expect(abs(clock.now - (hold.start + 20)) < 0.05)
        #expect(summary.holds.count == 1)
        let h = try #require(summary.holds.first)
        #expect(!h.complete && abs(h.start - hold.start) < 0.5)
        #expect(summary.formErrors.map(\.kind) == [.shortHold])
        if case .summary = emitted.last {} else { Issue.record("no summary at the end") }
        // The recording is complete: it reads back, every sample up to Ctrl-C.
        let back = try Recording(path: s.recordingPath).readAll().readings
        let samples = back.filter { if case .sample = $0 { true } else { false } }.count
        #expect(abs(samples - Int((hold.start + 20) / s.scenario.device.samplePeriod)) <= 4)
        try? FileManager.default.removeItem(atPath: s.recordingPath)
    }

    @Test func unplugMidHoldWaitsForTheDeviceAndCarriesOn() async throws {
        var s = try Self.setup("piriformis-joycon")
        let hold = s.rendering.truth.holds[0]
        let t0 = s.events.first!.time
        let unplug = t0 + Int64((hold.start + 25) * 1e6)
        let back = unplug + 1_000_000  // back after one second
        // After reconnecting: the same device, a new node; frames resume after the outage.
        let after = s.events.filter { $0.time >= back }
        let clock = FakeClock()
        var notices: [String] = []
        let description = s.rendering.description
        let summary = try await s.runner.run(
            Self.connection(s.events, s, clock: clock, failAt: unplug),
            reconnect: { uniq in
                #expect(uniq == "aa:bb:cc:dd:ee:ff")
                return Self.connection(after, description, clock: clock)
            },
            emit: { _, _ in }, notice: { notices.append($0) })
        try s.runner.recording?.close()
        #expect(notices.contains { $0.contains("disappeared") } && notices.contains { $0.contains("back") })
        // The hold survived a one-second outage; both holds are reported as in the truth.
        #expect(summary.holds.count == 2)
        for (h, t) in zip(summary.holds, s.rendering.truth.holds) {
            #expect(abs(h.start - t.start) <= TruthAngleSessionTests.boundaryTolerance && abs(h.end - t.end) <= TruthAngleSessionTests.boundaryTolerance)
            #expect(h.complete)
        }
        #expect(summary.formErrors.isEmpty)
        // The recording marks the outage as a gap and replays to the same holds.
        let recording = try Recording(path: s.recordingPath)
        let readings = try recording.readAll().readings
        #expect(readings.contains { if case .gap = $0 { true } else { false } })
        try? FileManager.default.removeItem(atPath: s.recordingPath)
    }
}
