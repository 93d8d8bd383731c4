import FormcheckFeedback
import FormcheckHistory
import FormcheckFormats
import Foundation
import MotionCore
import ThighSimulator

/// Exercises made the way formcheck makes them: a built-in scenario rendered by the simulator into
/// the evemu recording its device would give, read back, and coached by the session pipeline (as
/// `formcheck replay` does), its flexion after each reading sampled into a 10 Hz trace by the
/// history's own `AngleTraceRecorder` (as `replay --save` feeds it). Rendered once per test run.
enum SimulatedSessions {
    /// One coached scenario: the record the history would keep, the simulator's truth, and the
    /// seconds it took (render + read + coach).
    struct Coached: Sendable {
        var record: ExerciseRecord
        var truth: ScenarioTruth
        var scenario: Scenario
        var seconds: Double
    }

    /// The scenarios: a piriformis hold released early (shortHold), the hamstring stretch done right
    /// (its first 30 s hold alone, to keep the test short) on the right leg and the same on the left,
    /// bridges with one too fast (tooFast), a minute of brisk walking.
    static let names: [(name: String, side: Side?, firstHoldOnly: Bool)] = [
        ("piriformis-short-hold", nil, false), ("hamstring-good", nil, true), ("hamstring-good", .left, true),
        ("bridge-too-fast-up", nil, false), ("walk-brisk", nil, false),
    ]

    /// Body height for the walking distance, metres.
    static let height = 1.75

    static let coached: [Coached] = names.map { coach($0.name, side: $0.side, firstHoldOnly: $0.firstHoldOnly) }

    /// Renders and coaches one scenario (on the other leg when `side` says so: the same movements
    /// with the matching Joy-Con and another seed; `firstHoldOnly`: its steps up to the end of the
    /// first hold's release, then a 3 s rest).
    static func coach(_ name: String, side: Side?, firstHoldOnly: Bool) -> Coached {
        let started = ContinuousClock.now
        guard var scenario = ScenarioLibrary.named(name) else { fatalError("no built-in scenario \(name)") }
        if let side, side != scenario.side {
            scenario.side = side
            scenario.device = side == .left ? .joyConLeft : .joyConRight
            scenario.name += "-" + side.rawValue
            scenario.seed += 1000
        }
        if firstHoldOnly, let hold = scenario.steps.firstIndex(where: { if case .hold = $0 { return true } else { return false } }) {
            scenario.steps = Array(scenario.steps.prefix(hold + 2)) + [.rest(3)]
            scenario.name += "-one"
        }
        let rendering = ScenarioRenderer(scenario).render()
        let readings: [SensorReading]
        let exercise: ExerciseProtocol
        do {
            readings = try Recording(bytes: Array(rendering.evemuText().utf8), path: scenario.name).readAll().readings
            exercise = try ExerciseLibrary.named(scenario.exercise, environment: ["XDG_CONFIG_HOME": "/nonexistent-formcheck-test"])
        } catch {
            fatalError("\(name): \(error)")
        }
        var pipeline = SessionPipeline(estimator: OrientationFilter(), exercise: exercise, side: scenario.side, height: height)
        var trace = AngleTraceRecorder(rate: 10)
        trace.begin(at: 0)
        var events: [SessionEvent] = []
        for reading in readings {
            pipeline.consume(reading, into: &events)
            events.removeAll(keepingCapacity: true)
            trace.add(t: pipeline.status.t, flexion: pipeline.status.flexion)
        }
        let summary = pipeline.finish(into: &events)
        let record = ExerciseRecord(position: 1, exercise: scenario.exercise, side: scenario.side, ending: .done, start: 0, end: summary.t,
                                    summary: summary, trace: trace.finish(at: summary.t))
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Coached(record: record, truth: rendering.truth, scenario: scenario, seconds: seconds)
    }

    static func record(_ i: Int, position: Int) -> ExerciseRecord {
        var r = coached[i].record
        r.position = position
        return r
    }

    /// Three sessions over two weeks, London time: Mon 30 Nov (piriformis, the hamstring right
    /// then left, bridges, a walk; pain 5 → 4), Thu 3 Dec (the hamstring right, bridges; 4 → 3),
    /// Tue 8 Dec (the walk, bridges; 3 → 3).
    static var sessions: [SessionRecord] {
        let d = MadeSessions.date
        return [
            SessionRecord(id: 1, startedAt: d("2026-11-30 08:00"), endedAt: d("2026-11-30 08:30"), kind: .routine, state: .closed, routine: "daily",
                          devices: ["Sony Interactive Entertainment DualSense Wireless Controller Motion Sensors"], painBefore: 5, painAfter: 4,
                          exercises: [record(0, position: 1), record(1, position: 2), record(2, position: 3), record(3, position: 4), record(4, position: 5)]),
            SessionRecord(id: 2, startedAt: d("2026-12-03 08:00"), endedAt: d("2026-12-03 08:20"), kind: .routine, state: .closed, routine: "daily",
                          painBefore: 4, painAfter: 3, exercises: [record(1, position: 1), record(3, position: 2)]),
            SessionRecord(id: 3, startedAt: d("2026-12-08 08:00"), endedAt: d("2026-12-08 08:15"), kind: .routine, state: .closed, routine: "daily",
                          painBefore: 3, painAfter: 3, exercises: [record(4, position: 1), record(3, position: 2)]),
        ]
    }
}
