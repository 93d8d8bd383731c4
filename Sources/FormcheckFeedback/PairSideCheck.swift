import MotionCore

/// Which thigh each sensor of a pair is on, from the movement: in a step done one leg at a time
/// (a stretch's turn, `RoutinePlan.Step.bothLegs` false) the leg that moves is the exercising leg,
/// so the sensor whose thigh tilts `Rules.degrees` more than the other's — each from where it was
/// as the step began — is on the step's side. An explicit state machine (one method per input,
/// each returning an action): watching (a one-leg step under way) → decided, once, for the rest
/// of the routine; a step on both legs, or between steps, is not watched (both thighs move, or
/// neither: nothing to tell).
///
/// The sensors are named as given: `.left` is the one given first (meant for the left thigh),
/// `.right` the second. Tilt is the angle, degrees (0–180), between a sensor's smoothed specific
/// force now and at the step's first sample: the thigh's inclination change, whatever the strap's
/// orientation on it. Times are the sensors' own sample times, seconds (each sensor's smoothing
/// uses its own). Pure and synchronous.
public struct PairSideCheck: Sendable {
    /// The numbers of the check (a routine's `pairSides`, README "Daily routine").
    public struct Rules: Sendable, Hashable {
        /// How much more one thigh must tilt than the other, degrees, for its sensor to be on the
        /// exercising leg (the leg lifted in a stretch moves tens of degrees; the resting one a
        /// few at most, as the pelvis shifts). More than 0, less than 90.
        public var degrees: Double = 20
        /// Time constant of the specific force's smoothing, seconds (more than 0): the thigh's
        /// inclination, not its shaking.
        public var smoothingSeconds: Double = 0.25

        public init(degrees: Double = 20, smoothingSeconds: Double = 0.25) {
            self.degrees = degrees
            self.smoothingSeconds = smoothingSeconds
        }
    }

    /// How a pair's sides are taken (`PairedRoutineSession`).
    public enum Mode: Sendable, Hashable {
        /// Named for their thighs (`--left`/`--right`, a Joy-Con L and R): kept; a movement that
        /// says otherwise is only said.
        case fixed
        /// As given, nothing telling them apart (two DualSense): the movement decides, and the
        /// two are swapped if it says so.
        case fromMovement
    }

    public enum Action: Sendable, Hashable {
        case none
        /// Decided: the sensor given first is on the `firstOn` thigh (`.right`: the two are the
        /// other way round from the order given).
        case decided(firstOn: Side)
    }

    /// One sensor's inclination in the step under way.
    private struct Tilt: Sendable, Hashable {
        /// Its smoothed specific force at the step's first sample, normalised.
        var reference: Vector3
        /// Its smoothed specific force now (sensor frame, m/s²).
        var smoothed: Vector3
        /// Its last sample's time (nil after a gap: the smoothing starts again at the next).
        var time: Double?
    }

    private enum State: Sendable, Hashable {
        /// No one-leg step under way.
        case idle
        /// A one-leg step on `exercising` is under way; each sensor's tilt once it has a sample.
        case watching(exercising: Side, first: Tilt?, second: Tilt?)
        /// Told, for good.
        case decided(firstOn: Side)
    }

    public let rules: Rules
    private var state: State = .idle

    public init(rules: Rules = Rules()) {
        self.rules = rules
    }

    /// The thigh of the sensor given first, once decided (nil: not yet).
    public var firstOn: Side? {
        switch state {
        case .decided(let side): side
        case .idle, .watching: nil
        }
    }

    /// A step began whose exercising leg is `exercising` (nil: a step on both legs, not watched).
    public mutating func stepBegan(exercising: Side?) -> Action {
        switch state {
        case .idle, .watching:
            state = exercising.map { .watching(exercising: $0, first: nil, second: nil) } ?? .idle
        case .decided:
            break
        }
        return .none
    }

    /// The step under way ended (done, skipped, repeated, stopped).
    public mutating func stepEnded() -> Action {
        switch state {
        case .idle, .watching:
            state = .idle
        case .decided:
            break
        }
        return .none
    }

    /// A sample of the sensor given `sensor` (`.left`: the first): its time (s, its own clock) and
    /// specific force (m/s², sensor frame).
    public mutating func sample(_ sensor: Side, time: Double, acceleration: Vector3) -> Action {
        switch state {
        case .idle, .decided:
            return .none
        case .watching(let exercising, var first, var second):
            guard acceleration.norm > 0, time.isFinite else { return .none }
            if sensor == .left {
                first = updated(first, time: time, acceleration: acceleration)
            } else {
                second = updated(second, time: time, acceleration: acceleration)
            }
            guard let a = first, let b = second else {
                state = .watching(exercising: exercising, first: first, second: second)
                return .none
            }
            let difference = Self.degrees(a) - Self.degrees(b)
            guard abs(difference) >= rules.degrees else {
                state = .watching(exercising: exercising, first: first, second: second)
                return .none
            }
            // The one that tilted more is on the exercising leg.
            let firstOn = difference > 0 ? exercising : exercising.opposite
            state = .decided(firstOn: firstOn)
            return .decided(firstOn: firstOn)
        }
    }

    /// The sensor given `sensor` had a gap (lost frames, gone): its smoothing starts again at its
    /// next sample; its reference stays the step's.
    public mutating func gap(_ sensor: Side) -> Action {
        switch state {
        case .idle, .decided:
            break
        case .watching(let exercising, var first, var second):
            if sensor == .left { first?.time = nil } else { second?.time = nil }
            state = .watching(exercising: exercising, first: first, second: second)
        }
        return .none
    }

    private func updated(_ tilt: Tilt?, time: Double, acceleration: Vector3) -> Tilt {
        guard var t = tilt else { return Tilt(reference: acceleration.normalized, smoothed: acceleration, time: time) }
        guard let last = t.time else {
            t.smoothed = acceleration
            t.time = time
            return t
        }
        let dt = max(time - last, 0)
        let k = 1 - (-dt / rules.smoothingSeconds).exponential
        t.smoothed = t.smoothed + (acceleration - t.smoothed) * k
        t.time = time
        return t
    }

    /// The tilt from the step's start, degrees.
    private static func degrees(_ t: Tilt) -> Double {
        let n = t.smoothed.norm
        guard n > 0 else { return 0 }
        return (t.reference.dot(t.smoothed) / n).arcCosine.degrees
    }
}
