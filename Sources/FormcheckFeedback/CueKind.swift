/// What a cue is for: a stable identifier, part of the JSON Lines contract (`"kind"` of a `cue`
/// line). Do not rename the raw values; new kinds may be added.
public enum CueKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// How to begin: lie down, knees bent; stand still.
    case setup
    /// Get into the start position (raise the legs to 45°, raise the leg; walk briskly).
    case startPosition
    /// Piriformis: in the start band, now cross the leg over.
    case crossLeg
    /// Move into the stretch (pull gently towards the chest).
    case moveToHold
    /// Seconds left of a hold.
    case holdCountdown
    /// The hold time is over: release slowly.
    case holdDone
    /// Something to correct (a form error's cue, repeated while it lasts).
    case formError
    /// This side's repetitions are done: the other leg.
    case switchSides
    /// The set (this side's repetitions) is done.
    case setDone
    /// Walking: pace feedback and progress.
    case pace
    /// The strap moved on the thigh.
    case strapSlipped
    /// The movement says the sensor is on the other leg than `--side`.
    case wrongSide
    /// Strengthening: the count of complete reps in the set ("seven").
    case repCount
    /// A routine: the next exercise, its side and how to begin it.
    case nextExercise
    /// A routine: move the strap to the other thigh.
    case moveStrap
    /// A routine: all done.
    case routineDone
    /// Before or after a session: how is the pain now, 0 to 10 (`PainPrompt`).
    case pain
    /// Two sensors: one went away or came back (and which leg the step goes on from), or the
    /// movement told which thigh each is on.
    case sensor
}
