import MotionCore

/// A cue the coach gives, as data: its kind and the numbers it carries. The words are not here —
/// `CueCatalogue` renders them (one place, so they can be translated). Angles in whole degrees,
/// times in whole seconds, cadence in whole steps per minute.
public enum Cue: Sendable, Hashable {
    /// How to begin, for the exercise's posture.
    case setup(Posture)
    /// Raise the legs into the start band at `degrees` (piriformis), for repetition `rep`.
    case raiseToBand(degrees: Int, rep: Int)
    /// Raise the leg slowly to the hold angle `degrees` or more, for repetition `rep`.
    case raiseToHold(degrees: Int, rep: Int)
    /// Walking: go, briskly, at `cadence` steps per minute or more.
    case walkBriskly(cadence: Int)
    /// In the start band at `degrees`: now cross the leg over.
    case crossLeg(degrees: Int)
    /// Crossed: pull gently towards the chest.
    case pullTowardsChest
    /// `seconds` left of the hold; `first` for the cue as the hold begins.
    case holdCountdown(seconds: Int, first: Bool)
    /// The hold time is over.
    case holdDone
    /// Correct this form error (a stretch, a walk).
    case correct(FormError)
    /// Correct this form error of a strengthening rep, seen at `stage` of the rep (the words say
    /// "lower slowly" for a rep that came down too fast, "slower on the way up" for one that rose so).
    case correctRep(FormError, RepStage)
    /// The other leg next.
    case switchSides(Side)
    /// `reps` holds or reps done on `side`, `complete` of them in full (a hold for its whole time,
    /// in position; a strengthening rep counts only when complete, so there all of them).
    case setDone(reps: Int, complete: Int, side: Side?)
    /// Walking below the brisk cadence: `cadence` now, aim for `brisk`.
    case paceSlow(cadence: Int, brisk: Int)
    /// Walking briskly: `seconds` in gait, `steps` so far, `cadence` now.
    case paceProgress(seconds: Int, steps: Int, cadence: Int)
    /// The strap turned on the thigh by `degrees`.
    case strapSlipped(degrees: Int)
    /// The sensor seems to be on `side`, not the side given.
    case wrongSide(Side)
    /// Strengthening: set `set` of `sets` begins, `reps` complete reps to do.
    case beginSet(set: Int, sets: Int, reps: Int)
    /// Strengthening: `count` complete reps so far in this set (said as a number: "seven").
    case repCount(Int)
    /// Strengthening: set `set` is done; rest `seconds` before the next.
    case setRest(set: Int, seconds: Int)
    /// A routine's next exercise: `title` (the protocol's) on `side` (nil: both legs at once, with
    /// a sensor on each thigh), begun from `posture`.
    case nextExercise(title: String, side: Side?, posture: Posture)
    /// A routine: take the strap off and strap it on the `side` thigh.
    case moveStrap(to: Side)
    /// A routine: every exercise done (`skipped` of them skipped).
    case routineDone(skipped: Int)
    /// How is the pain now, 0 to 10: before the session begins, or after it ended.
    case askPain(PainPrompt.Moment)
    /// Two sensors: a cue of the other leg of a step watched on both legs (a form error, the
    /// strap slipping), said with its side ("Left leg: lower slowly"); its kind is the cue's.
    indirect case otherLeg(Side, Cue)
    /// Two sensors: the `side` thigh's went away; the step goes on from the `carryingOn` leg's
    /// (a step watched on both legs), or (nil) waits for it.
    case sensorGone(Side, carryingOn: Side?)
    /// Two sensors: the `side` thigh's is back.
    case sensorBack(Side)
    /// Two sensors: the movement says the sensor given first (`routine NAME A B`: A) is on the
    /// `firstOn` thigh (`PairSideCheck`); `swapped`: nothing told them apart, so they were swapped
    /// to follow it; else (named by `--left`/`--right`, or a Joy-Con's hand) it is only said.
    case sensorSides(firstOn: Side, swapped: Bool)

    /// The stable kind (the JSON Lines `kind`).
    public var kind: CueKind {
        switch self {
        case .setup: .setup
        case .raiseToBand, .raiseToHold, .walkBriskly: .startPosition
        case .crossLeg: .crossLeg
        case .pullTowardsChest: .moveToHold
        case .holdCountdown: .holdCountdown
        case .holdDone: .holdDone
        case .correct, .correctRep: .formError
        case .switchSides: .switchSides
        case .setDone: .setDone
        case .paceSlow, .paceProgress: .pace
        case .strapSlipped: .strapSlipped
        case .wrongSide: .wrongSide
        case .beginSet: .startPosition
        case .repCount: .repCount
        case .setRest: .setDone
        case .nextExercise: .nextExercise
        case .moveStrap: .moveStrap
        case .routineDone: .routineDone
        case .askPain: .pain
        case .otherLeg(_, let cue): cue.kind
        case .sensorGone, .sensorBack, .sensorSides: .sensor
        }
    }
}
