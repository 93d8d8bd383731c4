extension MountingSolver {
    /// Each rest's posture (see `label(_:_:hint:)`) under a known mounting (thigh ← sensor).
    static func label(_ rests: [MountingEvidence.Rest], mounting: Quaternion, hint: Posture?) -> [MountingSolution.RestPosture] {
        let c = mounting.conjugate
        return label(rests, Hypothesis(femur: c.rotate(.unitX), flexionAxis: -c.rotate(.unitY)), hint: hint)
    }
}
