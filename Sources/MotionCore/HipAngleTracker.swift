/// From orientation estimates to hip angles, sample by sample. Without a stored calibration the
/// strap's mounting is worked out from whatever the recording shows, in any order (`MountingEvidence`,
/// `MountingSolver`): the tracker gathers evidence from the first sample, calibrates as soon as a
/// hypothesis is `firstConfidence` (sure), and keeps refining: when later evidence (walking, another
/// rest) clearly prefers a materially different hypothesis (the one in use costs `likelyGap` more on
/// the same evidence), it recalibrates. With a stored mounting
/// (`formcheck calibrate`) the first rest's posture is measured instead (`StrapCalibrator`). A
/// solution made beforehand from the whole recording (`MountingSolver` over a first pass) may be
/// given too: then every sample has angles from the first one.
///
/// It then watches the rests that return to the calibration pose for a strap that slipped (gravity's
/// direction in the thigh frame moved by more than `slipThreshold`), re-aligning the mounting when it
/// did. In lying postures the same rests re-anchor the heading of the sagittal plane (a 6D estimate
/// drifts about the vertical); upright, the plane follows the thigh's own flexion axis.
///
/// Until the strap is calibrated the samples are kept (up to `backlogLimit` seconds); once it is,
/// their angles are given too.
public struct HipAngleTracker: Sendable {
    public enum Event: Sendable, Hashable {
        case calibrated(StrapCalibration)
        /// Later evidence changed the mounting materially (the angles from here on use it).
        case recalibrated(StrapCalibration)
        /// The strap turned on the thigh by `angle` degrees (seen during the rest ending at `time`).
        case slipDetected(time: Double, angle: Double)
    }

    /// Angle between gravity's direction in the thigh frame at a neutral rest and at calibration
    /// that counts as a slipped strap, degrees.
    public static let slipThreshold = 10.0
    /// How close (degrees of flexion and adduction) a rest must come to the calibration pose to be
    /// compared with it.
    public static let neutralTolerance = 10.0
    /// How often the mounting is solved again, seconds on the samples' clock: before calibration and after.
    public static let solveInterval = (before: 1.0, after: 20.0)

    private var calibrator: StrapCalibrator?
    public let hint: Posture?
    /// What the exercise's repetitions move along (the solver's evidence for the movement axis).
    public let axis: MovementAxis
    public let side: Side
    public let faceNormal: Vector3?
    /// Which way the exercise moves the thigh from its start position, a hint for the solver (nil: unknown).
    public let movement: MountingSolver.Movement?
    public private(set) var evidence = MountingEvidence()
    public private(set) var solution: MountingSolution?
    /// Why the mounting is not known yet (nil once it is).
    public private(set) var shortfall: MountingSolver.Shortfall? = .noMovement
    private var fixed: Bool
    private var lastSolve = -Double.infinity
    public private(set) var calibration: StrapCalibration?
    private var rest = RestDetector()
    private var restUp = Vector3.zero
    private var restCount = 0
    private var restAngles = HipAngles(flexion: 0, adduction: 0)
    private var restOrientation = Quaternion.identity
    private var backlog: [(time: Double, orientation: Quaternion)] = []
    private var pendingSolved: MountingSolution?
    private var bestGuess: MountingSolution?

    /// How sure the first solution must be: the first calibration waits for it.
    public static let firstConfidence = MountingSolution.Confidence.sure
    /// A new solution replaces the current one when the mounting moved by more than this, degrees.
    public static let refinement = 5.0
    /// Longest stretch of samples kept before calibration, seconds.
    public static let backlogLimit = 120.0

    /// - Parameters:
    ///   - posture: the exercise's posture, a hint (nil: none; upright activities are assumed);
    ///   - faceNormal: the sensor-frame normal of the device's face, when known (a flat device lies
    ///     flat on the thigh), a weak prior;
    ///   - solved: a mounting solved beforehand from the whole recording;
    ///   - axis: what the exercise's repetitions move along (`MountingSolver.solve(axis:)`);
    ///   - movement: which way the exercise moves the thigh from its start position (nil: unknown).
    public init(posture: Posture?, side: Side, storedMounting: Quaternion? = nil, faceNormal: Vector3? = nil,
                solved: MountingSolution? = nil, axis: MovementAxis = .flexion, movement: MountingSolver.Movement? = nil) {
        hint = posture
        self.axis = axis
        self.side = side
        self.faceNormal = faceNormal
        self.movement = movement
        if let storedMounting {
            calibrator = StrapCalibrator(side: side, storedMounting: storedMounting)
        }
        pendingSolved = solved
        fixed = solved != nil
    }

    /// Appends to `output` the hip angles this sample makes known — its own once calibrated, and at
    /// the first calibration those of the samples kept before — and says what happened.
    public mutating func update(_ s: IMUSample, orientation: Quaternion, gyroBias: Vector3,
                                into output: inout [HipAngleSample]) -> Event? {
        let (angles, event) = update(s, orientation: orientation, gyroBias: gyroBias)
        if case .calibrated(let c) = event, !backlog.isEmpty {
            let start = calibrator == nil ? -Double.infinity : c.neutralStart
            for b in backlog where b.time >= start { output.append(HipAngleSample(time: b.time, angles: c.hipAngles(b.orientation))) }
            backlog = []
        } else if calibration == nil {
            backlog.append((s.time, orientation))
            if let first = backlog.first, s.time - first.time > Self.backlogLimit { backlog.removeFirst(backlog.count / 10 + 1) }
        }
        if let angles { output.append(HipAngleSample(time: s.time, angles: angles)) }
        return event
    }

    /// The recording ended. If the strap was never calibrated but some hypothesis was found (one
    /// that was not sure enough to coach with), it is taken now and the kept samples get their
    /// angles; `solution?.confidence` says how sure it is.
    public mutating func finish(orientation: Quaternion, time: Double, into output: inout [HipAngleSample]) -> Event? {
        guard calibration == nil, calibrator == nil, !fixed else { return nil }
        evidence.finish()
        var guess = bestGuess
        if case .success(let s) = MountingSolver.solve(evidence, hint: hint, axis: axis, faceNormal: faceNormal, movement: movement) { guess = s }
        guard let g = guess else { return nil }
        let c = makeCalibration(g, orientation: orientation, time: time)
        calibration = c
        solution = g
        shortfall = nil
        for b in backlog { output.append(HipAngleSample(time: b.time, angles: c.hipAngles(b.orientation))) }
        backlog = []
        return .calibrated(c)
    }

    /// Samples were lost: the evidence's rest and walking bout end there.
    public mutating func gapOccurred() {
        evidence.gapOccurred()
    }

    /// The hip angles for this sample (nil until calibrated), and what happened.
    public mutating func update(_ s: IMUSample, orientation: Quaternion, gyroBias: Vector3) -> (angles: HipAngles?, event: Event?) {
        evidence.update(s, orientation: orientation, gyroBias: gyroBias)
        if let solved = pendingSolved {
            pendingSolved = nil
            let c = makeCalibration(solved, orientation: orientation, time: s.time)
            calibration = c
            solution = solved
            shortfall = nil
            return (c.hipAngles(orientation), .calibrated(c))
        }
        if calibrator != nil {
            guard calibration == nil else { return track(s, orientation: orientation) }
            if case .calibrated(let c)? = calibrator?.update(s, orientation: orientation) {
                calibration = c
                shortfall = nil
                return (c.hipAngles(orientation), .calibrated(c))
            }
            return (nil, nil)
        }
        // With an exercise's posture the first sure solution stands (later rests are the exercise's
        // holds, and a slipped strap is the slip detector's to find); without one it is refined.
        if !fixed, calibration == nil || hint == nil, s.time - lastSolve >= (calibration == nil ? Self.solveInterval.before : Self.solveInterval.after) {
            lastSolve = s.time
            let first = calibration == nil
            if let c = resolve(orientation: orientation, time: s.time) {
                calibration = c
                return (c.hipAngles(orientation), first ? .calibrated(c) : .recalibrated(c))
            }
        }
        guard calibration != nil else { return (nil, nil) }
        return track(s, orientation: orientation)
    }

    /// Solves the mounting again; returns a calibration when it is the first, or when the evidence
    /// now clearly prefers a materially different one.
    private mutating func resolve(orientation: Quaternion, time: Double) -> StrapCalibration? {
        switch MountingSolver.solve(evidence, hint: hint, axis: axis, faceNormal: faceNormal, current: solution?.mounting, movement: movement) {
        case .failure(let e):
            if calibration == nil { shortfall = e.shortfall }
            return nil
        case .success(let new):
            if let old = solution {
                // Refined when the evidence now clearly prefers a materially different mounting: the
                // one in use costs at least `likelyGap` more than the new best on the same evidence.
                let moved = (old.mounting.conjugate * new.mounting).normalized.angle.degrees
                let margin = (new.currentCost ?? .infinity) - new.cost
                guard moved > Self.refinement, margin >= MountingSolution.Confidence.likelyGap else { return nil }
            } else {
                guard new.confidence >= Self.firstConfidence else {
                    shortfall = .ambiguous
                    bestGuess = new
                    return nil
                }
            }
            solution = new
            shortfall = nil
            return makeCalibration(new, orientation: orientation, time: time)
        }
    }

    /// The calibration for a solution (`StrapCalibration.init(solution:posture:side:orientation:time:)`).
    private func makeCalibration(_ solution: MountingSolution, orientation: Quaternion, time: Double) -> StrapCalibration {
        StrapCalibration(solution: solution, posture: hint, side: side, orientation: orientation, time: time)
    }

    /// After calibration: the angles, and the slip and heading checks at rests back in the neutral pose.
    private mutating func track(_ s: IMUSample, orientation: Quaternion) -> (angles: HipAngles?, event: Event?) {
        guard var c = calibration else { return (nil, nil) }
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
