import FormcheckFeedback
import MotionCore

/// What a running session gives the history, as it goes: an `ExerciseRecord` for each exercise as
/// it finishes, with its 10 Hz angle trace. Pure — fed the routine's events (`consume`) and each
/// sample's time and flexion (`sample`); the caller writes what it gives (`SessionSaver`).
///
///     routine:  between → (exerciseStarted) exercising → (exerciseEnded) between, giving its record
///     single:   exercising from the first sample → (`single`) its record
public struct SessionRecorder: Sendable {
    private enum State: Sendable {
        case between
        case exercising(step: Int?, exercise: String, side: Side, start: Double)
    }

    private var state: State
    private var trace: AngleTraceRecorder
    /// Records given so far.
    public private(set) var count = 0

    /// A routine's recorder: exercises begin and end with the routine's events.
    public static func routine(traceRate: Double = 10) -> SessionRecorder {
        SessionRecorder(state: .between, trace: AngleTraceRecorder(rate: traceRate))
    }

    /// A single exercise's recorder (`live`, `replay --exercise`): one exercise from the session's
    /// start (t = 0) to its summary.
    public static func single(exercise: String, side: Side, traceRate: Double = 10) -> SessionRecorder {
        var trace = AngleTraceRecorder(rate: traceRate)
        trace.begin(at: 0)
        return SessionRecorder(state: .exercising(step: nil, exercise: exercise, side: side, start: 0), trace: trace)
    }

    private init(state: State, trace: AngleTraceRecorder) {
        self.state = state
        self.trace = trace
    }

    /// A sample at `t` (seconds on the session's clock) and the flexion then (nil: not known).
    public mutating func sample(t: Double, flexion: Double?) {
        trace.add(t: t, flexion: flexion)
    }

    /// A routine's event: the record of the exercise that ended, if this event ended one.
    public mutating func consume(_ event: RoutineEvent) -> ExerciseRecord? {
        switch event {
        case .exerciseStarted(let t, let step, let exercise, let side):
            state = .exercising(step: step, exercise: exercise, side: side, start: t)
            trace.begin(at: t)
            return nil
        case .exerciseEnded(let t, let step, let ending, let summary):
            guard case .exercising(_, let exercise, let side, let start) = state else { return nil }
            state = .between
            return record(step: step, exercise: exercise, side: side, ending: .init(ending), start: start, end: t, summary: summary)
        case .session, .strapMoved, .summary:
            return nil
        }
    }

    /// A single exercise's end: its record (nil when it was already given, or for a routine's recorder
    /// between its exercises).
    public mutating func single(_ summary: SessionSummary, ending: ExerciseRecord.Ending) -> ExerciseRecord? {
        guard case .exercising(let step, let exercise, let side, let start) = state else { return nil }
        state = .between
        return record(step: step, exercise: exercise, side: side, ending: ending, start: start, end: summary.t, summary: summary)
    }

    private mutating func record(step: Int?, exercise: String, side: Side, ending: ExerciseRecord.Ending, start: Double, end: Double,
                                 summary: SessionSummary) -> ExerciseRecord {
        count += 1
        return ExerciseRecord(position: count, step: step, exercise: exercise, side: side, ending: ending, start: start, end: end,
                              summary: summary, trace: trace.finish(at: end))
    }
}
