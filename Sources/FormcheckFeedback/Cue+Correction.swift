extension Cue {
    /// The form error this cue corrects (nil: not a correction): a stretch's or a walk's
    /// correction, a rep's (whatever stage it names), and the walk's pace check when it says to
    /// pick up the pace (`slowCadence`). The same correction is not said twice within the
    /// protocol's `correctionIntervalSeconds` (`CorrectionInterval`).
    public var correction: FormError? {
        switch self {
        case .correct(let kind), .correctRep(let kind, _): kind
        case .paceSlow: .slowCadence
        case .otherLeg(_, let cue): cue.correction
        case .setup, .raiseToBand, .raiseToHold, .walkBriskly, .crossLeg, .pullTowardsChest, .holdCountdown, .holdDone, .switchSides,
             .setDone, .paceProgress, .strapSlipped, .wrongSide, .beginSet, .repCount, .setRest, .nextExercise, .moveStrap,
             .routineDone, .askPain, .sensorGone, .sensorBack, .sensorSides:
            nil
        }
    }
}
