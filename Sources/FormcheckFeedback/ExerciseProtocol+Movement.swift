import MotionCore

extension ExerciseProtocol {
    /// Which way the exercise's reps move the thigh from the start position, a hint for the strap
    /// calibration: a strengthening protocol's top beyond its start flexes the hip (a straight-leg
    /// raise), short of it extends it (a bridge, from hook-lying); nil for stretches and walking.
    public var movement: MountingSolver.Movement? {
        guard kind == .strength, let r = reps else { return nil }
        return r.topAngle >= r.startAngle ? .flexing : .extending
    }
}
