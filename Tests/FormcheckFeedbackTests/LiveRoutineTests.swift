import FormcheckFeedback
import FormcheckDevices
import FormcheckFormats
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// `formcheck routine`'s path: a simulated routine recording through `LiveRoutineRunner`, paced in
/// real time on a fake clock (as LiveSessionTests drives `LiveSessionRunner`): the same events as
/// `replay --routine` of the same recording, the skip and repeat keys, Ctrl-C ending with the
/// routine's summary and the recording kept, and the routine view's frames.
@Suite struct LiveRoutineTests {
    struct Fixture {
        var events: [InputEvent]
        var description: DeviceDescription
        var readings: [SensorReading]
        var truth: ScenarioTruth
        var plan: RoutinePlan
        /// `replay --routine` of the recording: every event, the summary last.
        var replayed: [RoutineEvent]
    }

    /// The routine-stretches scenario (4 steps, the strap moved twice), rendered once.
    static let stretches = Result { () throws -> Fixture in
        let s = try #require(ScenarioLibrary.named("routine-stretches"))
        let r = ScenarioRenderer(s).render()
        let recording = try Recording(bytes: Array(r.evemuText().utf8), path: s.name)
        let readings = try recording.readAll().readings
        let plan = try RoutineSessionTests.plan("stretches-short")
        var replayed: [RoutineEvent] = []
        RoutineSession.replay(readings, plan: plan, estimator: OrientationFilter()) { replayed.append($0) }
        return Fixture(events: try recording.events(), description: r.description, readings: readings, truth: r.truth,
                       plan: plan, replayed: replayed)
    }

    /// How far a live event's time may be from the replay's, seconds. Both see the same samples in
    /// the same order (measured: every event at the same time, 0 s apart); the tolerance is one
    /// sample period at 200 Hz, so a reading shifted by one sample would still be allowed but
    /// anything later is not.
    static let timeTolerance = 0.005

    static func connection(_ events: [InputEvent], _ f: Fixture, clock: LiveSessionTests.FakeClock) -> LiveConnection {
        LiveConnection(events: PacedEventSource.stream(events) { try await clock.sleep(until: $0) }, description: f.description,
                       initialValues: f.description.absInfo.mapValues(\.value), path: "/dev/input/event7", uniq: "aa:bb:cc:dd:ee:ff")
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("formcheck-routine-\(UUID().uuidString).evemu").path
    }

    /// What an event is, without its times (to compare sequences).
    static func kind(_ e: RoutineEvent) -> String {
        switch e {
        case .session(let s): "\(s.jsonLine.split(separator: ",").first ?? "")"  // {"kind":… or {"t":…
        case .exerciseStarted(_, let step, let exercise, let side): "started \(step) \(exercise) \(side)"
        case .exerciseEnded(_, let step, let ending, _): "ended \(step) \(ending)"
        case .strapMoved(_, let side, _, _): "strap \(side)"
        case .summary: "summary"
        }
    }

    @Test func liveGivesTheEventsOfTheReplay() async throws {
        let f = try Self.stretches.get()
        let clock = LiveSessionTests.FakeClock()
        var runner = LiveRoutineRunner(session: RoutineSession(plan: f.plan, estimator: OrientationFilter()), recording: nil)
        var live: [RoutineEvent] = []
        var frames: [(status: RoutineStatus, text: String)] = []
        var current: RoutineStatus?
        let sink = LiveRoutineViewSink(colour: false, size: { (80, 30) }, write: { frames.append((current!, $0)) })
        let summary = try await runner.run(Self.connection(f.events, f, clock: clock), reconnect: nil,
                                           emit: { e, status in live.append(e); current = status; sink.emit(e, status: status) },
                                           progress: { current = $0; sink.tick($0) }, notice: { _ in })
        // Paced: the clock went to the recording's end.
        #expect(abs(clock.now - Double(f.events.last!.time - f.events.first!.time) / 1e6) < 0.01)
        // Event for event what the replay gave, each at the same time (within one sample).
        #expect(live.map(Self.kind) == f.replayed.map(Self.kind))
        let worst = zip(live, f.replayed).map { abs($0.time - $1.time) }.max() ?? .infinity
        #expect(worst <= Self.timeTolerance, "worst time difference \(worst) s")
        guard case .summary(let replayedSummary)? = f.replayed.last else {
            Issue.record("the replay has no routine summary")
            return
        }
        #expect(summary.steps.map(\.ending) == replayedSummary.steps.map(\.ending))
        #expect(summary.complete && summary.steps.count == 4 && summary.symmetry.count == 2)
        #expect(throws: Never.self) { try SessionEventJSON.validate(routine: live.map(\.jsonLine)) }

        // The view: the step under way on the first line of each frame, the strap move between
        // steps with what comes next, the routine's summary last.
        let drawn = frames.dropLast()
        #expect(drawn.count > 4 * 200)  // 240 s at 4 frames a second
        for (status, text) in drawn {
            let first = text.dropFirst(LiveViewSink.start.count).split(separator: "\n").first.map(String.init) ?? text
            if let step = status.step {
                #expect(first.contains("step \(step.number) of 4 — stretches-short"))
                #expect(text.contains("\(step.exercise.title) — \(step.side.rawValue) leg"))
            } else if let side = status.movingStrapTo, let next = status.next {
                #expect(first.contains("step \(next.number) of 4 next"))
                #expect(text.contains("Move the strap to your \(side.rawValue) thigh") && text.contains("next: \(next.exercise.title)"))
            }
            #expect(text.contains(LiveRoutineView.hint))
        }
        #expect(drawn.contains { $0.status.movingStrapTo == .left } && drawn.contains { $0.status.movingStrapTo == .right })
        #expect(frames.last?.text.hasPrefix(LiveViewSink.end) == true)
        #expect(frames.last?.text.contains(TextReport.routineSummary(summary)) == true)
    }

    /// The keys as `formcheck routine` presses them from the terminal: skip step 1 five seconds in,
    /// repeat step 3 three seconds after its first hold ends — the same endings as the session's
    /// own key calls (RoutineSessionTests.skipAndRepeatKeys).
    @Test func skipAndRepeatThroughTheRunnersKeys() async throws {
        let f = try Self.stretches.get()
        let segments = try #require(f.truth.exercises)
        let left = f.truth.holds.filter { $0.start >= segments[2].start && $0.end <= segments[2].end }
        try #require(left.count == 2)
        var runner = LiveRoutineRunner(session: RoutineSession(plan: f.plan, estimator: OrientationFilter()), recording: nil)
        let keys = runner.keys
        var presses: [(Double, RoutineKey)] = [(5, .skip), (left[0].end + 3, .repeatExercise)]
        var pressedAt: [Double] = []
        var events: [RoutineEvent] = []
        _ = try await runner.run(Self.connection(f.events, f, clock: LiveSessionTests.FakeClock()), reconnect: nil,
                                 emit: { e, _ in events.append(e) },
                                 progress: { status in
                                     if let (t, key) = presses.first, status.t >= t {
                                         presses.removeFirst()
                                         pressedAt.append(status.t)
                                         keys.press(key)
                                     }
                                 }, notice: { _ in })
        #expect(pressedAt.count == 2)
        let ended = RoutineSessionTests.ended(events)
        #expect(ended.map(\.step) == [1, 2, 3, 3])
        #expect(ended.map(\.ending) == [.skipped, .done, .repeated, .done])
        // Each key took effect with the next sample: the step ended within a sample of the press.
        let endings = events.compactMap { if case .exerciseEnded(let t, _, let ending, _) = $0, ending != .done { t } else { nil } }
        #expect(endings.count == 2)
        for (t, pressed) in zip(endings, pressedAt) { #expect(t >= pressed && t - pressed <= Self.timeTolerance, "\(t) vs \(pressed)") }
        if ended.count == 4 {
            #expect(ended[0].summary.holds.isEmpty && ended[2].summary.holds.count == 1)
            let again = try #require(ended[3].summary.holds.first)
            #expect(abs(again.start - left[1].start) <= TruthAngleSessionTests.boundaryTolerance)
        }
        guard case .summary(let s)? = events.last else {
            Issue.record("no routine summary")
            return
        }
        #expect(!s.complete)
        #expect(throws: Never.self) { try SessionEventJSON.validate(routine: events.map(\.jsonLine)) }
    }

    /// Ctrl-C 10 s into the first hamstring hold on the left (step 3): the step ends as stopped,
    /// the routine's summary comes last, and the recording has every sample up to the stop and
    /// replays to the same steps.
    @Test func ctrlCEndsWithTheRoutineSummaryAndKeepsTheRecording() async throws {
        let f = try Self.stretches.get()
        let segments = try #require(f.truth.exercises)
        let hold = try #require(f.truth.holds.first { $0.start >= segments[2].start })
        let stop = hold.start + 10
        let t0 = f.events.first!.time
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recording = try RecordingFile(path: path, description: f.description)
        var runner = LiveRoutineRunner(session: RoutineSession(plan: f.plan, estimator: OrientationFilter()), recording: recording)
        let clock = LiveSessionTests.FakeClock()
        var events: [RoutineEvent] = []
        // Ctrl-C: the source stops there (the CLI's stop switch ends the device's stream).
        let summary = try await runner.run(Self.connection(f.events.filter { $0.time < t0 + Int64(stop * 1e6) }, f, clock: clock),
                                           reconnect: nil, emit: { e, _ in events.append(e) }, notice: { _ in })
        try recording.close()
        #expect(abs(clock.now - stop) < 0.01)
        #expect(summary.steps.map(\.ending) == [.done, .done, .stopped] && !summary.complete)
        let stopped = try #require(summary.steps.last)
        #expect(stopped.summary.holds.count == 1 && stopped.summary.holds.first?.complete == false)
        #expect(summary.symmetry.map(\.exercise) == ["piriformis"])  // the hamstring not done on both legs
        if case .summary? = events.last {} else { Issue.record("no routine summary at the end") }
        #expect(!runner.deviceLost)
        // The recording: every sample up to Ctrl-C, and the same routine when replayed.
        let back = try Recording(path: path).readAll().readings
        let samples = back.filter { if case .sample = $0 { true } else { false } }.count
        let first = Self.firstSampleTime(f)
        let expected = f.readings.filter { if case .sample(let s) = $0 { s.time < first + stop } else { false } }.count
        // At most one Joy-Con report more: its three samples are timed across the report, the last
        // ones just after the stop (measured: 3 more).
        #expect(samples >= expected && samples - expected <= 3, "\(samples) samples recorded, \(expected) before the stop")
        let again = RoutineSession.replay(back, plan: f.plan, estimator: OrientationFilter()) { _ in }
        #expect(again?.steps.map(\.ending) == summary.steps.map(\.ending))
        #expect(again?.steps.map(\.end) == summary.steps.map(\.end))
    }

    /// While the user gets into the next exercise's posture (no step under way, no strap move): the
    /// view says what to do — the next exercise's announcement — under `step N of M next`.
    @Test func theViewWhileGettingIntoPosition() throws {
        let plan = try RoutineScenarioTests.plan(.two)
        let bridge = try #require(plan.steps.first { $0.exercise.name == "bridge" })
        var status = RoutineStatus(routine: plan.routine.name, steps: plan.steps.count)
        status.next = bridge
        let text = LiveRoutineView.render(status: status, width: 100, height: 12)
        #expect(text.split(separator: "\n").first?.contains("step \(bridge.number) of \(plan.steps.count) next — sciatica-daily-short") == true)
        #expect(text.contains("Next: Glute bridge, both legs. Lie on your back, knees bent, feet flat, and keep still"))
        #expect(!text.contains("Move the strap"))
    }

    static func firstSampleTime(_ f: Fixture) -> Double {
        for r in f.readings { if case .sample(let s) = r { return s.time } }
        return 0
    }
}
