import MotionCore

extension SessionPipeline {
    /// The summary's angle figures re-read once the whole recording has been coached, as a routine
    /// re-reads each exercise at its end (`RoutineStepRun.reread`): a fresh pipeline made as this
    /// one was, begun with the accelerometer correction all this session's still rests give
    /// (`AccelerometerCalibration.estimate`) and the gyroscope bias this session's estimator ended
    /// with (`OrientationEstimator.beginning(withBiasOf:)`), is fed the recording again. Coached,
    /// the session knew neither: the accelerometer's bias tilts each pose differently (up to ~1.5°)
    /// and a fresh filter's inclination wanders by up to ~1° in its first seconds, the rest the
    /// strap calibration takes the femur from (README "Hip angles"). Each hold's peak and mean
    /// flexion and each rep's peak and range are the re-read ones (degrees); times, counts and form
    /// errors stay as coached (`SessionSummary.takeAngles(of:)`: a re-read that finds another number
    /// of holds or reps leaves the coached figures). Call after `finish`.
    /// - Parameters:
    ///   - summary: this session's summary (`finish`);
    ///   - estimator: a fresh estimator of the kind this pipeline was made with;
    ///   - readings: hands its argument every reading of the recording again, in order.
    public func reread(_ summary: SessionSummary, estimator: Estimator,
                       readings: ((SensorReading) -> Void) throws -> Void) rethrows -> SessionSummary {
        let correction = AccelerometerCalibration.estimate(angles.tracker.evidence.allRests.map { ($0.acceleration, $0.duration) })
        var again = SessionPipeline(estimator: estimator.beginning(withBiasOf: angles.estimator), exercise: setup.exercise,
                                    side: setup.side, holdSeconds: setup.holdSeconds, storedMounting: setup.storedMounting,
                                    height: setup.height, stride: setup.stride, accelerometer: correction)
        var events: [SessionEvent] = []
        try readings { r in
            events.removeAll(keepingCapacity: true)
            again.consume(r, into: &events)
        }
        events.removeAll()
        var out = summary
        out.takeAngles(of: again.finish(into: &events))
        return out
    }
}
