/// The hip angles of a whole recording: the one place that turns a recording's readings into
/// angles, for `formcheck angles` and for the evaluations. Live: the causal `OrientationFilter`, as
/// live coaching sees it; replay: `OrientationSmoother`, which also uses the future. Either feeds an
/// `AnglePipeline` (strap calibration, then angles).
public enum AngleSeries {
    public enum Mode: String, Sendable, Hashable, CaseIterable, Codable {
        /// Causal: what a live session computes at each sample.
        case live
        /// The whole recording at once (forwards and backwards).
        case replay
    }

    /// The posture `compute` assumes for the first rest when none is given.
    public static let defaultPosture = Posture.supine

    /// The angles of `readings` and the strap calibration they were measured with.
    ///
    /// - Parameters:
    ///   - posture: the posture of the first rest (its neutral pose); nil: `defaultPosture`.
    ///   - storedMounting: a thigh ← sensor rotation from an earlier calibration, if any.
    /// - Returns: `angles`: one per sample from the calibration rest on, times in seconds since the
    ///   first sample, angles in degrees; empty, with `calibration` nil, when the strap was never
    ///   calibrated.
    public static func compute(readings: [SensorReading], mode: Mode = .live, side: Side, posture: Posture? = nil,
                               storedMounting: Quaternion? = nil) -> (angles: [HipAngleSample], calibration: StrapCalibration?) {
        let posture = posture ?? defaultPosture
        var angles: [HipAngleSample] = []
        angles.reserveCapacity(readings.count)
        switch mode {
        case .live:
            var pipeline = AnglePipeline(estimator: OrientationFilter(), posture: posture, side: side, storedMounting: storedMounting)
            for r in readings { _ = pipeline.consume(r, into: &angles) }
            return (angles, pipeline.tracker.calibration)
        case .replay:
            let orientations = OrientationSmoother.estimate(readings)
            var pipeline = AnglePipeline(estimator: ReplayedOrientations(orientations), posture: posture, side: side,
                                         storedMounting: storedMounting)
            for r in readings { _ = pipeline.consume(r, into: &angles) }
            return (angles, pipeline.tracker.calibration)
        }
    }
}
