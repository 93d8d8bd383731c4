import FormcheckFeedback
import MotionCore

/// What a running session gives the history, as it goes: an `ExerciseRecord` for each exercise as
/// it finishes, with its 10 Hz angle trace. Pure — fed the routine's events (`consume`) and each
/// sample's time and flexion (`sample`); the caller writes what it gives (`SessionSaver`).
///
///     routine:  between → (exerciseStarted) exercising → (exerciseEnded) between, giving its record
///     single:   exercising from the first sample → (`single`) its record
///     pair:     as a routine, each thigh traced from its own sensor (`sample(side:…)`), and
///               (exerciseEnded) otherLegDue → (exerciseStarted of the same step, the other side:
///               the other leg of a step watched on both) exercising from the step's start, on
///               that leg's trace → (exerciseEnded) its record
public struct SessionRecorder: Sendable {
    private enum State: Sendable {
        case between
        /// `watched`: the other leg of a step done on both (its end is the step's last).
        case exercising(step: Int?, exercise: String, side: Side, start: Double, watched: Bool = false)
        /// Two sensors: step `step` just ended on `side`'s opposite; its other leg's attempt
        /// (`PairedRoutineSession`: started and ended at the step's end) may follow.
        case otherLegDue(step: Int, side: Side, start: Double)
    }

    private var state: State
    /// One sensor: its trace. Two: each thigh's (both begun at each step's start).
    private var traces: [Side: AngleTraceRecorder]
    /// Two sensors (`pair()`): samples come with their side.
    private let paired: Bool
    /// Records given so far.
    public private(set) var count = 0

    /// A routine's recorder: exercises begin and end with the routine's events.
    public static func routine(traceRate: Double = 10) -> SessionRecorder {
        SessionRecorder(state: .between, traces: [.left: AngleTraceRecorder(rate: traceRate)], paired: false)
    }

    /// A routine with a sensor on each thigh (`PairedRoutineSession`): each leg's record traced
    /// from its own sensor's samples (`sample(side:t:flexion:)`), and the other leg of a step done
    /// on both (its `exerciseStarted` right after the step's `exerciseEnded`) recorded from the
    /// step's start to its end.
    public static func pair(traceRate: Double = 10) -> SessionRecorder {
        SessionRecorder(state: .between, traces: [.left: AngleTraceRecorder(rate: traceRate), .right: AngleTraceRecorder(rate: traceRate)],
                        paired: true)
    }

    /// A single exercise's recorder (`live`, `replay --exercise`): one exercise from the session's
    /// start (t = 0) to its summary.
    public static func single(exercise: String, side: Side, traceRate: Double = 10) -> SessionRecorder {
        var trace = AngleTraceRecorder(rate: traceRate)
        trace.begin(at: 0)
        return SessionRecorder(state: .exercising(step: nil, exercise: exercise, side: side, start: 0), traces: [.left: trace], paired: false)
    }

    private init(state: State, traces: [Side: AngleTraceRecorder], paired: Bool) {
        self.state = state
        self.traces = traces
        self.paired = paired
    }

    /// A sample at `t` (seconds on the session's clock) and the flexion then (nil: not known). With
    /// two sensors, the leading leg's (`sample(side:t:flexion:)` traces each).
    public mutating func sample(t: Double, flexion: Double?) {
        if paired, case .exercising(_, _, let side, _, _) = state {
            traces[side]?.add(t: t, flexion: flexion)
        } else if !paired {
            traces[.left]?.add(t: t, flexion: flexion)
        }
    }

    /// Two sensors: a sample of the sensor on the `side` thigh (t on the routine's clock, seconds;
    /// its leg's flexion in degrees, nil: not known). One sensor: as `sample(t:flexion:)`.
    public mutating func sample(side: Side, t: Double, flexion: Double?) {
        guard paired else { return sample(t: t, flexion: flexion) }
        traces[side]?.add(t: t, flexion: flexion)
    }

    /// A routine's event: the record of the exercise that ended, if this event ended one.
    public mutating func consume(_ event: RoutineEvent) -> ExerciseRecord? {
        switch event {
        case .exerciseStarted(let t, let step, let exercise, let side):
            if case .otherLegDue(step, side, let start) = state {
                // The other leg of the step just ended: its trace runs from the step's start.
                state = .exercising(step: step, exercise: exercise, side: side, start: start, watched: true)
                return nil
            }
            state = .exercising(step: step, exercise: exercise, side: side, start: t)
            for s in Array(traces.keys) { traces[s]?.begin(at: t) }
            return nil
        case .exerciseEnded(let t, let step, let ending, let summary):
            guard case .exercising(_, let exercise, let side, let start, let watched) = state else { return nil }
            state = paired && !watched ? .otherLegDue(step: step, side: side.opposite, start: start) : .between
            return record(step: step, exercise: exercise, side: side, ending: .init(ending), start: start, end: t, summary: summary)
        case .session, .strapMoved, .summary:
            return nil
        }
    }

    /// A single exercise's end: its record (nil when it was already given, or for a routine's recorder
    /// between its exercises).
    public mutating func single(_ summary: SessionSummary, ending: ExerciseRecord.Ending) -> ExerciseRecord? {
        guard case .exercising(let step, let exercise, let side, let start, _) = state else { return nil }
        state = .between
        return record(step: step, exercise: exercise, side: side, ending: ending, start: start, end: summary.t, summary: summary)
    }

    private mutating func record(step: Int?, exercise: String, side: Side, ending: ExerciseRecord.Ending, start: Double, end: Double,
                                 summary: SessionSummary) -> ExerciseRecord {
        count += 1
        let trace = traces[paired ? side : .left]?.finish(at: end)
        return ExerciseRecord(position: count, step: step, exercise: exercise, side: side, ending: ending, start: start, end: end,
                              summary: summary, trace: trace)
    }
}
