/// From orientation estimates to hip angles, sample by sample: calibrates the strap first (see
/// `StrapCalibrator`), then gives flexion and adduction for every sample, and watches the rests
/// that return to the calibration pose for a strap that slipped (gravity's direction in the thigh
/// frame moved by more than `slipThreshold`), re-aligning the mounting when it did. The same rests
/// re-anchor the heading of the sagittal plane: a 6D orientation estimate drifts slowly about the
/// vertical, and a thigh back in the neutral pose shows where the body's plane is.
///
/// Until the strap is calibrated the samples are kept (up to `backlogLimit` seconds); once it is,
/// their angles are given too, so a session is measured from its first rest on, not only from the
/// end of the calibrating movement.
public struct HipAngleTracker: Sendable {
    public enum Event: Sendable, Hashable {
        case calibrated(StrapCalibration)
        /// The strap turned on the thigh by `angle` degrees (seen during the rest ending at `time`).
        case slipDetected(time: Double, angle: Double)
    }

    /// Angle between gravity's direction in the thigh frame at a neutral rest and at calibration
    /// that counts as a slipped strap, degrees.
    public static let slipThreshold = 10.0
    /// How close (degrees of flexion and adduction) a rest must come to the calibration pose to be
    /// compared with it.
    public static let neutralTolerance = 10.0

    private var calibrator: StrapCalibrator
    public private(set) var calibration: StrapCalibration?
    private var rest = RestDetector()
    private var restUp = Vector3.zero
    private var restCount = 0
    private var restAngles = HipAngles(flexion: 0, adduction: 0)
    private var restOrientation = Quaternion.identity
    private var backlog: [(time: Double, orientation: Quaternion)] = []

    /// Longest stretch of samples kept before calibration, seconds.
    public static let backlogLimit = 120.0

    public init(posture: Posture, side: Side, storedMounting: Quaternion? = nil) {
        calibrator = StrapCalibrator(posture: posture, side: side, storedMounting: storedMounting)
    }

    /// Appends to `output` the hip angles this sample makes known — its own once calibrated, and at
    /// calibration those of the samples kept since the first rest began — and says what happened.
    public mutating func update(_ s: IMUSample, orientation: Quaternion, gyroBias: Vector3,
                                into output: inout [HipAngleSample]) -> Event? {
        let (angles, event) = update(s, orientation: orientation, gyroBias: gyroBias)
        if case .calibrated(let c) = event {
            let start = c.neutralStart
            for b in backlog where b.time >= start { output.append(HipAngleSample(time: b.time, angles: c.hipAngles(b.orientation))) }
            backlog = []
        } else if calibration == nil {
            backlog.append((s.time, orientation))
            if let first = backlog.first, s.time - first.time > Self.backlogLimit { backlog.removeFirst(backlog.count / 10 + 1) }
        }
        if let angles { output.append(HipAngleSample(time: s.time, angles: angles)) }
        return event
    }

    /// The hip angles for this sample (nil until calibrated), and what happened.
    public mutating func update(_ s: IMUSample, orientation: Quaternion, gyroBias: Vector3) -> (angles: HipAngles?, event: Event?) {
        guard var c = calibration else {
            if case .calibrated(let c) = calibrator.update(s, orientation: orientation, gyroBias: gyroBias) {
                calibration = c
                return (c.hipAngles(orientation), .calibrated(c))
            }
            return (nil, nil)
        }
        let angles = c.hipAngles(orientation)
        var event: Event?
        switch rest.update(s) {
        case .restEnded(_, let until):
            let reference = c.neutralUp
            if restCount > 0,
               abs(restAngles.flexion - c.neutralAngles.flexion) < Self.neutralTolerance,
               abs(restAngles.adduction - c.neutralAngles.adduction) < Self.neutralTolerance {
                let up = c.mounting.rotate((restUp / Double(restCount)).normalized)
                let angle = max(-1, min(1, up.dot(reference))).arcCosine.degrees
                if angle > Self.slipThreshold {
                    // Turn the mounting so this rest's gravity lines up with the calibration's again.
                    let axis = up.cross(reference)
                    c.mounting = (Quaternion(axis: axis, angle: angle.radians) * c.mounting).normalized
                    event = .slipDetected(time: until, angle: angle)
                }
                // Back in the neutral pose: where the thigh points now is where the body's plane is.
                c.pelvis = StrapCalibration.pelvis(restOrientation: restOrientation, mounting: c.mounting,
                                                   posture: c.posture, side: c.side, restingAngles: c.neutralAngles)
                calibration = c
            }
            restUp = .zero
            restCount = 0
        case .none, .restStarted:
            if rest.isResting {
                restUp += orientation.conjugate.rotate(.unitZ)
                restCount += 1
                restAngles = angles
                restOrientation = orientation
            }
        }
        return (angles, event)
    }
}
