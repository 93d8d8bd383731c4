/// Finds how the strap sits, automatically, whatever its orientation: from the session's first still
/// period in the protocol's neutral pose, gravity (as the orientation estimate sees it) gives one
/// axis; from the first flexion movement
/// after it, the gyroscope gives the flexion axis — the principal axis of the angular rate over the
/// whole movement, not its first instant. Together they fix the sensor-to-thigh rotation and the
/// heading of the sagittal plane.
///
/// With an unknown strap this fixes the mounting only up to the thigh's angle in that rest: lying
/// flat and standing look the same to one thigh sensor, so the first rest is taken to be the
/// protocol's neutral pose. A stored mounting (`formcheck calibrate`) removes that assumption: the
/// first rest's posture is then measured, and only the heading is solved.
public struct StrapCalibrator: Sendable {
    public enum Action: Sendable, Hashable {
        case none
        case calibrated(StrapCalibration)
    }

    /// What the calibrator has seen of the first rest.
    struct Rest: Sendable {
        var start: Double
        var end: Double
        var up: Vector3
        var orientation: Quaternion
        /// Mean angular rate while still: the gyroscope's bias, rad/s.
        var gyroBias: Vector3
    }

    private enum State: Sendable {
        /// Waiting for the first rest (accumulating "up" while still).
        case waitingForRest
        /// After the rest: collecting the movement.
        case moving(Rest, Movement)
        case done(StrapCalibration)
    }

    /// The angular rate's second moment over a movement, and the orientations along it.
    struct Movement: Sendable {
        var moment = [0.0, 0, 0, 0, 0, 0]  // xx yy zz xy xz yz
        var rotation = 0.0  // radians, ∫|ω|dt
        var start: Double
        var orientations: [Quaternion] = []

        mutating func add(_ w: Vector3, dt: Double, orientation: Quaternion) {
            moment[0] += w.x * w.x * dt
            moment[1] += w.y * w.y * dt
            moment[2] += w.z * w.z * dt
            moment[3] += w.x * w.y * dt
            moment[4] += w.x * w.z * dt
            moment[5] += w.y * w.z * dt
            rotation += w.norm * dt
            if orientations.count < 4000 { orientations.append(orientation) }
        }

        /// The dominant eigenvector of the moment matrix (power iteration).
        var principalAxis: Vector3 { MountingEvidence.principalAxis(moment).0 }
    }

    public struct Parameters: Sendable, Hashable {
        /// A movement counts once the thigh has turned this much, radians (20°).
        public var minimumRotation = 20.0 * .pi / 180
        /// The movement is closed after this much rotation, radians (120°), or `maximumDuration`.
        public var maximumRotation = 120.0 * .pi / 180
        public var maximumDuration = 6.0
        /// Angular rates below this are not movement, rad/s (5 °/s).
        public var movingRate = 5.0 * .pi / 180
        public init() {}
    }

    public let posture: Posture
    public let side: Side
    public let parameters: Parameters
    /// A stored mounting: when set, only the posture and heading are found.
    public let storedMounting: Quaternion?
    private var state: State = .waitingForRest
    private var rest = RestDetector()
    private var upSum = Vector3.zero
    private var rateSum = Vector3.zero
    private var upCount = 0
    private var restOrientation = Quaternion.identity
    private var lastTime: Double?

    public init(posture: Posture, side: Side, storedMounting: Quaternion? = nil, parameters: Parameters = .init()) {
        self.posture = posture
        self.side = side
        self.storedMounting = storedMounting
        self.parameters = parameters
    }

    public var calibration: StrapCalibration? {
        if case .done(let c) = state { return c }
        return nil
    }

    /// - Parameters:
    ///   - orientation: the orientation estimate (earth ← sensor) for this sample.
    ///   - gyroBias: the estimate's gyroscope bias (rad/s); the mean rate during the first rest is used
    ///     instead when that rest lasted at least a second.
    public mutating func update(_ s: IMUSample, orientation: Quaternion, gyroBias: Vector3) -> Action {
        let dt = lastTime.map { s.time - $0 } ?? 0
        lastTime = s.time
        let restAction = rest.update(s)
        switch state {
        case .done:
            return .none
        case .waitingForRest:
            if rest.isResting {
                // "Up" as the estimate sees it: the same tilt the later angles are measured with.
                upSum += orientation.conjugate.rotate(.unitZ)
                rateSum += s.angularVelocity
                upCount += 1
                restOrientation = orientation
            }
            if case .restEnded(let since, let until) = restAction, upCount > 0 {
                let r = Rest(start: since, end: until, up: (upSum / Double(upCount)).normalized, orientation: restOrientation,
                             gyroBias: rateSum / Double(upCount))
                upSum = .zero
                rateSum = .zero
                upCount = 0
                if let stored = storedMounting {
                    return finish(rest: r, mounting: stored)
                }
                state = .moving(r, Movement(start: s.time))
            }
            return .none
        case .moving(let r, var m):
            // The rest's mean rate is the bias now; the estimator's is the fallback for a short rest.
            let w = s.angularVelocity - (r.end - r.start >= 1 ? r.gyroBias : gyroBias)
            if w.norm > parameters.movingRate, dt > 0, dt < 0.1 {
                m.add(w, dt: dt, orientation: orientation)
            }
            let ended = rest.isResting || m.rotation >= parameters.maximumRotation || s.time - m.start >= parameters.maximumDuration
            guard ended else {
                state = .moving(r, m)
                return .none
            }
            guard m.rotation >= parameters.minimumRotation, let mounting = solve(rest: r, movement: m) else {
                // Too little movement to tell an axis: wait for the next rest and try again.
                state = .waitingForRest
                if rest.isResting {
                    upSum = orientation.conjugate.rotate(.unitZ)
                    rateSum = s.angularVelocity
                    upCount = 1
                }
                return .none
            }
            return finish(rest: r, mounting: mounting)
        }
    }

    /// The mounting from the rest's "up" and the movement's axis, with the sign of the axis chosen
    /// so that the movement is, on average, flexion.
    private func solve(rest r: Rest, movement m: Movement) -> Quaternion? {
        let axis = m.principalAxis
        var best: (Quaternion, Double)?
        for candidate in [axis, -axis] {
            guard let mounting = StrapCalibration.mounting(up: r.up, axis: candidate, posture: posture, side: side) else { continue }
            let pelvis = StrapCalibration.pelvis(restOrientation: r.orientation, mounting: mounting, posture: posture, side: side)
            let c = StrapCalibration(mounting: mounting, posture: posture, side: side, pelvis: pelvis)
            let rest = c.hipAngles(r.orientation).flexion
            let mean = m.orientations.reduce(0.0) { $0 + c.hipAngles($1).flexion - rest } / Double(max(m.orientations.count, 1))
            if best == nil || mean > best!.1 { best = (mounting, mean) }
        }
        return best?.0
    }

    private mutating func finish(rest r: Rest, mounting: Quaternion) -> Action {
        var posture = self.posture
        if storedMounting != nil {
            posture = PostureClassifier.classify(upInThigh: mounting.rotate(r.up))
        }
        let pelvis = StrapCalibration.pelvis(restOrientation: r.orientation, mounting: mounting, posture: posture, side: side)
        var c = StrapCalibration(mounting: mounting, posture: posture, side: side, pelvis: pelvis,
                                 neutralUp: mounting.rotate(r.up).normalized, neutralStart: r.start)
        c.neutralAngles = c.hipAngles(r.orientation)
        state = .done(c)
        return .calibrated(c)
    }
}
