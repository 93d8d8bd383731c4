/// Sensor readings in, hip angles out: an orientation estimator and a `HipAngleTracker`, with times
/// made relative to the first sample (seconds since the first sample, as every output of formcheck).
/// With `calibratesAccelerometer` the accelerometer is corrected before the estimator sees it
/// (`AccelerometerCalibration`, solved again from the tracker's still rests as they come). Off by
/// default: a correction that changes after the strap was calibrated makes the orientation
/// inconsistent with the mounting (measured: worse in 6 of 15 simulated sessions, better in 5);
/// `AngleSeries`' replay corrects the whole recording first instead, from all its rests.
public struct AnglePipeline<Estimator: OrientationEstimator>: Sendable {
    public private(set) var estimator: Estimator
    public private(set) var tracker: HipAngleTracker
    /// Time of the first sample on the source's clock.
    public private(set) var origin: Double?
    /// Time of the last sample, seconds since the first.
    public private(set) var lastTime = 0.0
    private var lastOrientation = Quaternion.identity
    /// The accelerometer correction in use (identity until two rests are seen).
    public private(set) var accelerometer = AccelerometerCalibration.identity
    public let calibratesAccelerometer: Bool
    private var restsSeen = 0
    private var restTick = 0
    private var lastFlexion: Double?

    /// - Parameters:
    ///   - posture: the exercise's posture, a hint for the strap calibration (nil: none);
    ///   - faceNormal: the device's face normal in the sensor frame, when known (a weak prior);
    ///   - solved: a mounting solved beforehand (e.g. from a first pass over the whole recording);
    ///   - axis: what the exercise's repetitions move along (evidence for the strap calibration);
    ///   - movement: which way the exercise moves the thigh from its start position, a hint for the
    ///     strap calibration (nil: unknown);
    ///   - accelerometer: a correction known before the session (a routine's earlier exercises
    ///     with the same sensor), applied from the first sample (and replaced as it goes only with
    ///     `calibratesAccelerometer`).
    public init(estimator: Estimator, posture: Posture?, side: Side, storedMounting: Quaternion? = nil,
                faceNormal: Vector3? = nil, solved: MountingSolution? = nil, calibratesAccelerometer: Bool = false,
                axis: MovementAxis = .flexion, movement: MountingSolver.Movement? = nil,
                accelerometer: AccelerometerCalibration = .identity) {
        self.estimator = estimator
        self.calibratesAccelerometer = calibratesAccelerometer
        self.accelerometer = accelerometer
        tracker = HipAngleTracker(posture: posture, side: side, storedMounting: storedMounting, faceNormal: faceNormal,
                                  solved: solved, axis: axis, movement: movement)
    }

    /// Appends the angles this reading makes known and returns what the tracker noticed.
    public mutating func consume(_ reading: SensorReading, into angles: inout [HipAngleSample]) -> HipAngleTracker.Event? {
        switch reading {
        case .gap:
            estimator.gapOccurred()
            tracker.gapOccurred()
            return nil
        case .sample(var s):
            guard s.acceleration.isFinite, s.angularVelocity.isFinite, s.time.isFinite else {
                estimator.sampleSkipped()
                return nil
            }
            if origin == nil { origin = s.time }
            s.time -= origin!
            lastTime = s.time
            var corrected = s
            corrected.acceleration = accelerometer.corrected(s.acceleration)
            let q = estimator.update(corrected)
            lastOrientation = q
            // The tracker sees the raw sample (its rests' means calibrate the accelerometer).
            let first = angles.count
            let event = tracker.update(s, orientation: q, gyroBias: estimator.gyroBias, into: &angles)
            unwrap(&angles, from: first)
            // Solved again when a rest ends, and each second of a rest in progress (a long hold is a
            // pose of its own).
            if calibratesAccelerometer {
                // Read in place, not copied out at every sample (the copy showed in a replay's profile).
                let tick = tracker.evidence.currentRest.map { Int($0.duration) } ?? 0
                let rests = tracker.evidence.rests.count
                if rests != restsSeen || tick != restTick {
                    restsSeen = rests
                    restTick = tick
                    accelerometer = AccelerometerCalibration.estimate(tracker.evidence.allRests.map { ($0.acceleration, $0.duration) })
                }
            }
            return event
        }
    }

    /// The recording ended: a strap never calibrated takes its best hypothesis now (see
    /// `HipAngleTracker.finish`), appending the angles of the samples kept.
    public mutating func finish(into angles: inout [HipAngleSample]) -> HipAngleTracker.Event? {
        let first = angles.count
        let event = tracker.finish(orientation: lastOrientation, time: lastTime, into: &angles)
        unwrap(&angles, from: first)
        return event
    }

    /// Flexion is continuous: each new value is taken within ±180° of the one before (a thigh
    /// raised past straight up while lying reads 190°, not −170°).
    private mutating func unwrap(_ angles: inout [HipAngleSample], from first: Int) {
        for i in first..<angles.count {
            var f = angles[i].angles.flexion
            if let last = lastFlexion {
                while f - last > 180 { f -= 360 }
                while f - last < -180 { f += 360 }
            }
            angles[i].angles.flexion = f
            lastFlexion = f
        }
    }
}
