import MotionCore

extension RoutineStepRun {
    /// The session's figures re-read with another accelerometer correction: a fresh session of the
    /// same step and leg, begun with `accelerometer` and with the gyroscope bias this session's
    /// estimator ended with (`OrientationEstimator.beginning(withBiasOf:)`), fed the readings this
    /// one was; its summary (times on its own clock; only its angles are used:
    /// `SessionSummary.takeAngles(of:)`).
    func reread(with accelerometer: AccelerometerCalibration, estimator: Estimator) -> SessionSummary {
        let start = estimator.beginning(withBiasOf: pipeline.angles.estimator)
        var again = RoutineStepRun(index: index, step: step, side: side, estimator: start, height: nil, accelerometer: accelerometer)
        for r in readings { _ = again.feed(r, origin: nil, clock: 0) }
        return again.end(.done, origin: nil, clock: 0).attempt.summary
    }

    /// At the routine's end, each exercise done (but a walk: it has no angle figures) is re-read
    /// with the accelerometer correction all its sensor's rests in the routine give (`final`, per
    /// leg) and the gyroscope bias its own session ended with. Each was coached with the correction
    /// its sensor's earlier rests gave (the sensor's first with none), which tilts its angles by up
    /// to ~1.5° (README "Hip angles"), and by a fresh orientation filter that did not know the
    /// gyroscope's bias: in its first seconds — the rest its strap calibration takes the femur
    /// from — its inclination wanders by up to ~1°, which stays in every angle of the exercise
    /// (measured: the one-sensor piriformis 0.86° high on the right leg, 0.47° low on the left;
    /// re-read with the bias 0.12° and 0.11° high). `runs[i]` is the session of `attempts[i]`
    /// (nil: not re-read).
    static func reread(_ attempts: inout [RoutineSummary.Step], runs: [RoutineStepRun?], estimator: Estimator,
                       final: (Side) -> AccelerometerCalibration) {
        for (i, run) in runs.enumerated() where i < attempts.count {
            guard let run, attempts[i].ending == .done, run.step.exercise.kind != .walk else { continue }
            attempts[i].summary.takeAngles(of: run.reread(with: final(run.side), estimator: estimator))
        }
    }
}
