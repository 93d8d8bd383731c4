import MotionCore

extension RoutineStepRun {
    /// The session's figures re-read with another accelerometer correction: a fresh session of the
    /// same step and leg, begun with `accelerometer` and fed the readings this one was, its summary
    /// (times on its own clock; only its angles are used: `SessionSummary.takeAngles(of:)`).
    func reread(with accelerometer: AccelerometerCalibration, estimator: Estimator) -> SessionSummary {
        var again = RoutineStepRun(index: index, step: step, side: side, estimator: estimator, height: nil, accelerometer: accelerometer)
        for r in readings { _ = again.feed(r, origin: nil, clock: 0) }
        return again.end(.done, origin: nil, clock: 0).attempt.summary
    }

    /// At the routine's end, each exercise done is re-read with the accelerometer correction all its
    /// sensor's rests in the routine give (`final`, per leg): each was coached with the one its
    /// sensor's earlier rests gave (the sensor's first with none), which tilts its angles by up to
    /// ~1.5° (README "Hip angles"). `runs[i]` is the session of `attempts[i]` (nil: not re-read).
    /// An exercise begun with the final correction already is left as it is.
    static func reread(_ attempts: inout [RoutineSummary.Step], runs: [RoutineStepRun?], estimator: Estimator,
                       final: (Side) -> AccelerometerCalibration) {
        for (i, run) in runs.enumerated() where i < attempts.count {
            guard let run, attempts[i].ending == .done else { continue }
            let correction = final(run.side)
            guard correction != run.accelerometer else { continue }
            attempts[i].summary.takeAngles(of: run.reread(with: correction, estimator: estimator))
        }
    }
}
