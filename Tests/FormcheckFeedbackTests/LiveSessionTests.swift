import FormcheckFeedback
import FormcheckDevices
import FormcheckFormats
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

    /// `replay --realtime` on a terminal: the runner paced on a fake clock, its statuses drawn by the
    /// live view's sink. Frames come at 4 Hz of session time, drawn over each other (cleared once);
    /// while the knee is past the cap the banner is on every frame, and gone from the frames after;
    /// the summary comes last, the cursor shown again.
    @Test func realtimeReplayDrawsTheLiveViewAtFourHertz() async throws {
        var s = try Self.setup("knee-to-chest-overshoot")
        let exercise = try ExerciseLibrary.named("knee-to-chest")
        var frames: [(status: SessionStatus, text: String)] = []
        var current = SessionStatus()
        var written: [String] = []
        let sink = LiveViewSink(exercise: exercise, side: s.scenario.side, colour: false, size: { (80, 24) },
                                write: { written.append($0); frames.append((current, $0)) })
        let clock = FakeClock()
        let summary = try await s.runner.run(Self.connection(s.events, s, clock: clock), reconnect: nil,
                                             emit: { e, status in sink.emit(e, status: status) },
                                             progress: { status in current = status; sink.tick(status) }, notice: { _ in })
        try s.runner.recording?.close()
        try? FileManager.default.removeItem(atPath: s.recordingPath)

        let drawn = frames.dropLast()
        // One frame per quarter second of the session, the first at its first sample.
        #expect(abs(drawn.count - Int(summary.t * 4)) <= 1, "\(drawn.count) frames in \(summary.t) s")
        for (a, b) in zip(drawn, drawn.dropFirst()) {
            #expect((b.status.t * 4).rounded(.down) == (a.status.t * 4).rounded(.down) + 1)
        }
        #expect(written[0].hasPrefix(LiveViewSink.start + "\u{1B}[H"))
        #expect(written.dropFirst().dropLast().allSatisfy { $0.hasPrefix("\u{1B}[H") && !$0.contains("\u{1B}[2J") })
        #expect(written.last!.hasPrefix(LiveViewSink.end) && written.last!.contains(TextReport.summary(summary)))
        #expect(written.allSatisfy { !$0.contains("\u{1B}[0m") })  // no colour asked

        // The banner while the correction is in force, and only then.
        let paused = drawn.filter { $0.status.banner != nil }
        #expect(paused.count > 20 * 4)  // the hold at 138° lasts about 30 s
        #expect(paused.allSatisfy { $0.text.contains("!! Too far — ease off !!") && $0.text.contains("seconds left — paused") })
        #expect(drawn.filter { $0.status.banner == nil }.allSatisfy { !$0.text.contains("!! ") })
        let after = try #require(drawn.lastIndex { $0.status.banner != nil })
        #expect(drawn.count > after + 4)  // frames after the correction, without it
        // The bar's marker follows the angle to the whole degree: 138° at the hold.
        let held = try #require(paused.last)
        #expect(held.text.contains("▲ \(Int(held.status.flexion!.rounded()))°"))
    }

    /// A good hold counts down in the big digits, one number per second, in step with the status.
    @Test func holdSecondsLeftInTheBigDigits() async throws {
        var s = try Self.setup("knee-to-chest")
        let exercise = try ExerciseLibrary.named("knee-to-chest")
        var frames: [(status: SessionStatus, text: String)] = []
        var current = SessionStatus()
        let sink = LiveViewSink(exercise: exercise, side: s.scenario.side, colour: true, size: { (80, 24) },
                                write: { frames.append((current, $0)) })
        _ = try await s.runner.run(Self.connection(s.events, s, clock: FakeClock()), reconnect: nil,
                                   emit: { e, status in sink.emit(e, status: status) },
                                   progress: { status in current = status; sink.tick(status) }, notice: { _ in })
        try s.runner.recording?.close()
        try? FileManager.default.removeItem(atPath: s.recordingPath)
        let counting = frames.filter { $0.status.holding && $0.status.banner == nil && ($0.status.secondsLeft ?? 0) > 0 }
        #expect(counting.count > 3 * 20 * 4)
        for f in counting {
            let whole = Int(f.status.secondsLeft!.rounded(.up))
            let big = BlockFont.render("\(whole)")
            // Coloured green (counting, in the band), row by row.
            for row in big { #expect(f.text.contains(ViewStyle.good.on + String(row.reversed().drop { $0 == " " }.reversed()) + ViewStyle.off), "\(whole)") }
        }
        let digits = Set(counting.map { Int($0.status.secondsLeft!.rounded(.up)) })
        #expect(digits.contains(23) && digits.contains(1))
    }

    /// The real reader against a replay: the session's frames written into a pipe one frame a
    /// write (as the kernel wakes a reader at each SYN_REPORT) and read by `LiveSource`'s thread —
    /// its poll, its pause, a batch a wake-up through `LiveConnection(batches:)` — give, event for
    /// event, the session the same events handed over one at a time give. The pipe's end reads as
    /// the device gone for good (no reconnection).
    @Test func theReaderInBatchesCoachesEventForEventAsTheReplay() async throws {
        let scenario = ScenarioLibrary.named("piriformis-joycon")!
        let r = ScenarioRenderer(scenario).render()
        let events = try Recording(bytes: Array(r.evemuText().utf8), path: "piriformis-joycon").events()
        func runner() throws -> LiveSessionRunner<TrueOrientation> {
            LiveSessionRunner(pipeline: SessionPipeline(estimator: TrueOrientation(orientations: r.orientations, period: scenario.device.samplePeriod),
                                                        exercise: try ExerciseLibrary.named(scenario.exercise), side: scenario.side),
                              recording: nil)
        }
        var replay = try runner()
        var want: [SessionEvent] = []
        _ = try await replay.run(LiveConnection(events: PacedEventSource.stream(events) { _ in }, description: r.description,
                                                initialValues: [:], path: "replay", uniq: nil),
                                 reconnect: nil, emit: { e, _ in want.append(e) }, notice: { _ in })

        let (node, writer) = try PipeEventNode.make(description: r.description, path: "/dev/input/event7")
        let source = LiveSource<[InputEvent]>(node: node, pause: nil)
        let thread = Thread {
            var from = 0
            for (i, e) in events.enumerated() where e.type == EventCode.evSyn && e.code == EventCode.synReport {
                try! writer.write(events[from...i])
                from = i + 1
            }
            writer.close()
        }
        thread.start()
        var live = try runner()
        var got: [SessionEvent] = []
        var notices: [String] = []
        _ = try await live.run(LiveConnection(batches: source.stream, description: r.description, initialValues: [:],
                                              path: "/dev/input/event7", uniq: nil),
                               reconnect: nil, emit: { e, _ in got.append(e) }, notice: { notices.append($0) })
        #expect(live.deviceLost && notices == ["the device disappeared; ending the session"])
        #expect(want.count > 10)
        #expect(got == want)
        let holds = want.compactMap { if case .summary(let s) = $0 { s.holds.count } else { nil } }
        #expect(holds == [r.truth.holds.count])
    }
}
