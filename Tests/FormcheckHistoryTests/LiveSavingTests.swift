import FormcheckFeedback
@testable import FormcheckHistory
import FormcheckFormats
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// `formcheck routine`'s saving without a device: the simulated stretches routine through
/// `LiveRoutineRunner` (its events and statuses as live gives them) into a `HistoryWriter` — each
/// exercise in the history as soon as it ends, with its trace — and a stop midway (Ctrl-C) leaving
/// the exercises done and the one under way as stopped.
@Suite struct LiveSavingTests {
    struct Fixture {
        var events: [InputEvent]
        var description: DeviceDescription
        var truth: ScenarioTruth
        var plan: RoutinePlan
    }

    static let routines = HistoryFixtures.packageRoot + "/Fixtures/routines"

    static let stretches = Result { () throws -> Fixture in
        let s = try #require(ScenarioLibrary.named("routine-stretches"))
        let r = ScenarioRenderer(s).render()
        let recording = try Recording(bytes: Array(r.evemuText().utf8), path: s.name)
        let plan = try RoutinePlan(RoutineLibrary.load(routines + "/stretches-short.json"), protocols: { try ExerciseLibrary.named($0) })
        return Fixture(events: try recording.events(), description: r.description, truth: r.truth, plan: plan)
    }

    /// Runs the routine live (unpaced) until the recording's second `until` (nil: its end), saving
    /// into `store`; returns the session's id and how many exercises were in the history at each
    /// `exerciseEnded`.
    static func run(_ f: Fixture, store: HistoryStore, until: Double? = nil) async throws -> (id: Int64, seen: [Int]) {
        let first = f.events.first?.time ?? 0
        let events = until.map { u in f.events.filter { Double($0.time - first) / 1e6 <= u } } ?? f.events
        let connection = LiveConnection(events: PacedEventSource.stream(events) { _ in }, description: f.description,
                                        initialValues: f.description.absInfo.mapValues(\.value), path: "/dev/input/event7", uniq: "aa:bb")
        let writer = HistoryWriter(store: store, record: SessionRecord(startedAt: HistoryFixtures.date(), kind: .routine,
                                                                       routine: f.plan.routine.name, devices: ["pad (aa:bb)"], painBefore: 4),
                                   recorder: .routine(), beginNow: true)
        let id = try #require(writer.saver?.sessionID)
        var runner = LiveRoutineRunner(session: RoutineSession(plan: f.plan, estimator: OrientationFilter()), recording: nil)
        var seen: [Int] = []
        _ = try await runner.run(connection, reconnect: nil, emit: { e, _ in
            #expect(writer.routineEvent(e) == nil)
            if case .exerciseEnded = e { seen.append((try? store.session(id: id)?.exercises.count) ?? -1) }
        }, progress: { status in
            writer.sample(t: status.t, flexion: status.session?.flexion)
        }, notice: { _ in })
        try writer.close(endedAt: HistoryFixtures.date(hours: 0.1), painAfter: 3, recordings: [])
        return (id, seen)
    }

    @Test func eachExerciseIsInTheHistoryAsSoonAsItEnds() async throws {
        let f = try Self.stretches.get()
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let store = try HistoryStore(path: dir.path + "/h.sqlite")
        let (id, seen) = try await Self.run(f, store: store)
        #expect(seen == [1, 2, 3, 4])
        let s = try #require(try store.session(id: id))
        #expect(s.state == .closed && s.painBefore == 4 && s.painAfter == 3 && s.devices == ["pad (aa:bb)"])
        let segments = try #require(f.truth.exercises)
        #expect(s.exercises.map { "\($0.exercise) \($0.side.rawValue) \($0.ending.rawValue)" }
                == segments.map { "\($0.exercise) \($0.side.rawValue) done" })
        for (e, segment) in zip(s.exercises, segments) {
            let holds = f.truth.holds.filter { $0.start >= segment.start && $0.end <= segment.end }
            #expect(e.summary.holds.count == holds.count)
            // The trace spans the exercise at 10 Hz, and its highest known value is the hold's angle
            // within the angle requirement, 1° (measured: 0.03–0.83°, as RoutineSymmetryTests' peaks).
            let trace = try #require(e.trace)
            #expect(abs(trace.start - e.start) < 1e-9 && trace.flexion.count == Int(((e.end - e.start) * 10 - 1e-9).rounded(.up)))
            let peak = Double(trace.flexion.filter { !$0.isNaN }.max() ?? 0)
            let truthPeak = holds.map(\.flexion).max() ?? 0
            #expect(abs(peak - truthPeak) <= 1, "\(e.exercise) \(e.side): trace peak \(peak)°, truth \(truthPeak)°")
        }
    }

    /// Stopped 150 s in (during the left hamstring, the third exercise): the first two are done,
    /// the third stopped, the session closed.
    @Test func stoppedMidwayTheDoneExercisesAndTheOneUnderWayAreKept() async throws {
        let f = try Self.stretches.get()
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let store = try HistoryStore(path: dir.path + "/h.sqlite")
        let (id, seen) = try await Self.run(f, store: store, until: 150)
        #expect(seen == [1, 2, 3])
        let s = try #require(try store.session(id: id))
        #expect(s.exercises.map(\.ending) == [.done, .done, .stopped])
        #expect(s.exercises.last?.exercise == "hamstring" && s.exercises.last?.side == .left)
        #expect(s.state == .closed)
    }
}
