/// Orientations computed beforehand (by `OrientationSmoother`, one per sample), handed out one per
/// `update` in order — an `OrientationEstimator` for replaying a whole recording with the smoother.
/// Past the last orientation it keeps giving the last one. Its gyroscope bias is zero: the
/// smoother's estimates are already corrected.
public struct ReplayedOrientations: OrientationEstimator {
    public let orientations: [Quaternion]
    public private(set) var index = 0

    public init(_ orientations: [Quaternion]) {
        self.orientations = orientations
    }

    public mutating func update(_ s: IMUSample) -> Quaternion {
        defer { index += 1 }
        guard !orientations.isEmpty else { return .identity }
        return orientations[min(index, orientations.count - 1)]
    }

    public mutating func gapOccurred() {}

    /// The smoother gives an orientation for every sample, usable or not: keep in step.
    public mutating func sampleSkipped() { index += 1 }

    public var gyroBias: Vector3 { .zero }
}
