import MotionCore

extension StoredCalibration {
    /// A session's own mounting further than this from a stored one means the strap sits otherwise
    /// (moved, another leg, another device), degrees.
    public static let inconsistencyThreshold = 20.0

    /// Why this calibration may not fit a recording of `device` (another controller, or another of
    /// the same model), nil when it fits or cannot be told.
    public func deviceMismatch(_ other: Device) -> String? {
        if let mine = device.uniq, let theirs = other.uniq, !mine.isEmpty, !theirs.isEmpty, mine != theirs {
            return "it was made on another controller (uniq \(mine), this recording \(theirs))"
        }
        if !device.id.isEmpty, !other.id.isEmpty, device.id != other.id {
            return "it was made on another kind of device (\(device.name), id \(device.id); this recording \(other.name), id \(other.id))"
        }
        return nil
    }

    /// How far (degrees) the mounting the session itself shows is from this one.
    public func inconsistency(with solution: MountingSolution) -> Double {
        (mounting.conjugate * solution.mounting).normalized.angle.degrees
    }
}
