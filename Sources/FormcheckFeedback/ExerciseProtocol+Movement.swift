import MotionCore

extension ExerciseProtocol {
    /// Which way the exercise's reps move the thigh from the start position, a hint for the strap
    /// calibration: a strengthening protocol's top beyond its start flexes the hip (a straight-leg
    /// raise), short of it extends it (a bridge, from hook-lying); nil for stretches and walking.
    /// The hint reads flexing as the thigh's inclination from straight down growing, which holds
    /// lying on the back, sitting and standing; not for reps in abduction (side-lying: their axis is
    /// the solver's evidence instead) nor on hands and knees (there extending the hip raises the
    /// thigh from vertical towards horizontal): nil for those.
    public var movement: MountingSolver.Movement? {
        guard kind == .strength, let r = reps, r.axis == .flexion, posture != .quadruped else { return nil }
        return r.topAngle >= r.startAngle ? .flexing : .extending
    }
}
