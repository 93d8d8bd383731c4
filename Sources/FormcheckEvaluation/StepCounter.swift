import MotionCore

/// Counts the steps of a whole recording, for the evaluation: from its readings (in order, gaps
/// included) and the angles formcheck measured from them (empty when it measured none). nil: it
/// could not count (then the file's step figure fails).
public typealias StepCounter = @Sendable (_ readings: [SensorReading], _ angles: [HipAngleSample]) -> Int?
