/// The hip angles of a whole recording: the one place that turns a recording's readings into
/// angles, for `formcheck angles` and for the evaluations. Live: the causal `OrientationFilter` and
/// the strap calibration as a live session makes it (firming up as evidence arrives; samples before
/// it get their angles when it comes); replay: `OrientationSmoother`, which also uses the future, and
/// the mounting solved from the whole recording first, so every sample has angles from the first one,
/// after the accelerometer's bias and scale were solved from all its still rests
/// (`AccelerometerCalibration`).
public enum AngleSeries {
    public enum Mode: String, Sendable, Hashable, CaseIterable, Codable {
        /// Causal: what a live session computes at each sample.
        case live
        /// The whole recording at once (forwards and backwards).
        case replay
    }

    /// What `compute` found.
    public struct Result: Sendable {
        /// One per sample from the calibration on (replay: from the first sample), times in seconds
        /// since the first sample, angles in degrees; empty when the strap was never calibrated.
        public var angles: [HipAngleSample]
        /// The calibration the angles were measured with (the last one, when it was refined).
        public var calibration: StrapCalibration?
        /// How the mounting was solved and how sure it is (nil with a stored mounting).
        public var solution: MountingSolution?
        /// Why there is no calibration (nil when there is one).
        public var shortfall: MountingSolver.Shortfall?
    }

    /// The angles of `readings` and the strap calibration they were measured with.
    ///
    /// - Parameters:
    ///   - posture: the exercise's posture, a hint for the calibration; nil: none (upright activities).
    ///   - storedMounting: a thigh ← sensor rotation from an earlier calibration, if any.
    ///   - faceNormal: the sensor-frame normal of the device's face, when known (a weak prior);
    ///   - axis: what the exercise's repetitions move along (evidence for the strap calibration);
    ///   - movement: which way the exercise moves the thigh from its start position, a hint for the
    ///     calibration (nil: unknown).
    public static func compute(readings: [SensorReading], mode: Mode = .live, side: Side, posture: Posture? = nil,
                               storedMounting: Quaternion? = nil, faceNormal: Vector3? = nil, axis: MovementAxis = .flexion,
                               movement: MountingSolver.Movement? = nil) -> Result {
        var angles: [HipAngleSample] = []
        angles.reserveCapacity(readings.count)
        switch mode {
        case .live:
            var pipeline = AnglePipeline(estimator: OrientationFilter(), posture: posture, side: side,
                                         storedMounting: storedMounting, faceNormal: faceNormal, axis: axis, movement: movement)
            for r in readings { _ = pipeline.consume(r, into: &angles) }
            let shortfall = pipeline.tracker.shortfall
            _ = pipeline.finish(into: &angles)
            let t = pipeline.tracker
            return Result(angles: angles, calibration: t.calibration, solution: t.solution,
                          shortfall: t.calibration == nil ? shortfall : nil)
        case .replay:
            // First the accelerometer: its bias and scale from every still rest of the recording.
            let accelerometer = AccelerometerCalibration.estimate(rests(readings, posture: posture, side: side, axis: axis, movement: movement))
            let readings = readings.map { r -> SensorReading in
                guard case .sample(var s) = r else { return r }
                s.acceleration = accelerometer.corrected(s.acceleration)
                return .sample(s)
            }
            let orientations = OrientationSmoother.estimate(readings)
            var solved: MountingSolution?
            var shortfall: MountingSolver.Shortfall?
            if storedMounting == nil {
                switch AnglePipeline.solveMounting(readings, estimator: ReplayedOrientations(orientations), posture: posture,
                                                   faceNormal: faceNormal, axis: axis, movement: movement) {
                case .success(let s): solved = s
                case .failure(let e): shortfall = e.shortfall
                }
            }
            var pipeline = AnglePipeline(estimator: ReplayedOrientations(orientations), posture: posture, side: side,
                                         storedMounting: storedMounting, solved: solved, axis: axis, movement: movement)
            for r in readings { _ = pipeline.consume(r, into: &angles) }
            let t = pipeline.tracker
            return Result(angles: angles, calibration: t.calibration, solution: solved,
                          shortfall: t.calibration == nil ? (shortfall ?? .noMovement) : nil)
        }
    }

    /// The still rests of a recording (mean specific force, duration), found on a first pass.
    static func rests(_ readings: [SensorReading], posture: Posture?, side: Side,
                      axis: MovementAxis = .flexion, movement: MountingSolver.Movement? = nil) -> [(acceleration: Vector3, duration: Double)] {
        var pipeline = AnglePipeline(estimator: OrientationFilter(), posture: posture, side: side, axis: axis, movement: movement)
        var angles: [HipAngleSample] = []
        for r in readings {
            _ = pipeline.consume(r, into: &angles)
            angles.removeAll(keepingCapacity: true)
        }
        return pipeline.tracker.evidence.allRests.map { ($0.acceleration, $0.duration) }
    }
}
