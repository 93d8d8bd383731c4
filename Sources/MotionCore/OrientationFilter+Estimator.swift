/// The live filter drives the angle and session pipelines.
extension OrientationFilter: OrientationEstimator {
    public var gyroBiasUncertainty: Double? { gyroBiasSigma }
}
