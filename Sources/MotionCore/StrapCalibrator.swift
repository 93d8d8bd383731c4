/// With a stored mounting (`formcheck calibrate`), measures the session's posture at its first still
/// rest instead of assuming it: gravity there, in the thigh frame, says standing, lying, hook-lying
/// or side-lying (`PostureClassifier`), and the orientation there gives the heading of the sagittal
/// plane. (Without a stored mounting, `MountingEvidence` and `MountingSolver` find the mounting.)
public struct StrapCalibrator: Sendable {
    public enum Action: Sendable, Hashable {
        case none
        case calibrated(StrapCalibration)
    }

    private enum State: Sendable {
        /// Waiting for the first rest to end (accumulating "up" while still).
        case waitingForRest
        case done(StrapCalibration)
    }

    public let side: Side
    /// Thigh ← sensor, from the stored calibration.
    public let storedMounting: Quaternion
    private var state: State = .waitingForRest
    private var rest = RestDetector()
    private var upSum = Vector3.zero
    private var upCount = 0
    private var restOrientation = Quaternion.identity

    public init(side: Side, storedMounting: Quaternion) {
        self.side = side
        self.storedMounting = storedMounting
    }

    public var calibration: StrapCalibration? {
        if case .done(let c) = state { return c }
        return nil
    }

    /// - Parameter orientation: the orientation estimate (earth ← sensor) for this sample.
    public mutating func update(_ s: IMUSample, orientation: Quaternion) -> Action {
        let restAction = rest.update(s)
        switch state {
        case .done:
            return .none
        case .waitingForRest:
            if rest.isResting {
                // "Up" as the estimate sees it: the same tilt the later angles are measured with.
                upSum += orientation.conjugate.rotate(.unitZ)
                upCount += 1
                restOrientation = orientation
            }
            guard case .restEnded(let since, _) = restAction, upCount > 0 else { return .none }
            let up = (upSum / Double(upCount)).normalized
            let m = storedMounting
            let posture = PostureClassifier.classify(upInThigh: m.rotate(up))
            let pelvis = StrapCalibration.pelvis(restOrientation: restOrientation, mounting: m, posture: posture, side: side)
            var c = StrapCalibration(mounting: m, posture: posture, side: side, pelvis: pelvis,
                                     neutralUp: m.rotate(up).normalized, neutralStart: since)
            c.neutralAngles = c.hipAngles(restOrientation)
            c.neutralAngles.rotation = 0
            state = .done(c)
            return .calibrated(c)
        }
    }
}
