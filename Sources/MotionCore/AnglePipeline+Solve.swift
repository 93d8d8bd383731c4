extension AnglePipeline {
    /// A first pass over a whole recording: the orientation estimate and the mounting evidence over
    /// every reading, then the mounting that explains all of it (for a second pass with `solved:`).
    /// - Parameters:
    ///   - estimator: a fresh estimator of the kind the second pass will use;
    ///   - posture: the exercise's posture, a hint (nil: none);
    ///   - axis: what the exercise's repetitions move along;
    ///   - movement: which way the exercise moves the thigh from its start position (nil: unknown).
    public static func solveMounting(_ readings: [SensorReading], estimator: Estimator, posture: Posture?,
                                     faceNormal: Vector3? = nil, axis: MovementAxis = .flexion,
                                     movement: MountingSolver.Movement? = nil) -> Result<MountingSolution, MountingSolver.ShortfallError> {
        var estimator = estimator
        var evidence = MountingEvidence()
        for r in readings {
            switch r {
            case .gap:
                estimator.gapOccurred()
                evidence.gapOccurred()
            case .sample(let s):
                guard s.acceleration.isFinite, s.angularVelocity.isFinite, s.time.isFinite else {
                    estimator.sampleSkipped()
                    continue
                }
                let q = estimator.update(s)
                evidence.update(s, orientation: q, gyroBias: estimator.gyroBias)
            }
        }
        evidence.finish()
        return MountingSolver.solve(evidence, hint: posture, axis: axis, faceNormal: faceNormal, movement: movement)
    }
}
