import MotionCore

/// One step of a scenario's timeline. In JSON each step is an object with one key:
/// `{"rest": 5}`, `{"move": {"flexion": 85, "adduction": 20, "duration": 4}}`,
/// `{"hold": {"duration": 60, "sway": 0.3}}`, `{"bounce": {"duration": 8, "amplitude": 6, "frequency": 1}}`,
/// `{"walk": {"duration": 60, "cadence": 110}}` (optionally `"underway": true, "phase": 0.3`),
/// `{"shift": {"duration": 30, "amplitude": 6}}`, `{"pelvis": {"posture": "supine", "duration": 3}}`,
/// `{"slip": {"angle": 15, "duration": 0.5}}`, `{"drop": {"frames": 30}}`,
/// `{"strap": {"side": "left", "duration": 20}}`, `{"exercise": {"name": "hamstring"}}`. Angles in
/// degrees, times in seconds. A key a step does not know is refused.
public enum ScenarioStep: Sendable, Hashable {
    /// Stay still where the thigh is, seconds.
    case rest(Double)
    /// Minimum-jerk movement to the given angles (nil keeps the current one) over `duration` s.
    case move(flexion: Double?, adduction: Double?, rotation: Double?, duration: Double)
    /// A stretch hold: still, with physiological sway of about `sway` degrees.
    case hold(duration: Double, sway: Double)
    /// Ballistic bouncing around the current flexion: `amplitude` degrees peak to peak at `frequency` Hz.
    case bounce(duration: Double, amplitude: Double, frequency: Double)
    /// Walking (standing posture): the thigh's gait waveform (`GaitCycle`: −14…+24°, extending
    /// slowly through stance, 60 % of the stride, flexing fast through swing) at the stride
    /// frequency (`cadence` steps/min, one stride = two steps), with pelvis bob and heel-strike
    /// jolts (the sensor leg's own the stronger). `underway`: already walking when the step
    /// begins — full swing and full speed from its first instant, no ramp-in (only as the first
    /// step: a recording that starts mid-walk); the ramp-out to a stop stays. `phase`: where in
    /// the stride the step begins, a fraction of a stride 0…<1 (0: the sensor leg's own heel
    /// strike, thigh +23°; 0.5: the other leg's, thigh −13°; 0.55: most extended, −14°).
    case walk(duration: Double, cadence: Double, underway: Bool = false, phase: Double = 0)
    /// Slow, continuous weight shifting and swaying on the spot, never still: flexion, adduction and
    /// rotation follow slow sinusoids (see `Timeline.shiftComponents`) of up to `amplitude` degrees
    /// about where the thigh is, with 1 s ramps at both ends.
    case shift(duration: Double, amplitude: Double)
    /// A change of posture: the pelvis turns (minimum jerk, over `duration` s) from the current
    /// posture's pelvis orientation to `posture`'s, the hip joint moves to that posture's height, and
    /// the hip angles move to the given ones (nil: `posture`'s resting angle) — all on one
    /// minimum-jerk profile. Sit-to-stand is `{"pelvis": {"posture": "standing", "duration": 2}}`
    /// from sitting (pelvis upright throughout, flexion 90 → 0°, hip 0.45 → 0.9 m); lying down is
    /// `{"pelvis": {"posture": "supine", "duration": 3}}` from standing.
    case pelvis(posture: Posture, flexion: Double?, adduction: Double?, rotation: Double?, duration: Double)
    /// The strap slips: the sensor turns `angle` degrees about the thigh's long axis over `duration` s.
    case slip(angle: Double, duration: Double)
    /// The reader falls behind here: `frames` frames are lost to a SYN_DROPPED.
    case drop(frames: Int)
    /// The strap moves to the `side` thigh over `duration` s (a routine's "move the strap"): the
    /// sensor is unbuckled and turned over in the hand (tumbling at several hundred °/s), carried,
    /// and strapped on the other thigh with a new random mounting (from the seed), the body still
    /// meanwhile. From then on the thigh the sensor is on is `side`'s.
    case strap(side: Side, duration: Double)
    /// From here the session is this exercise (a protocol name): a marker for routine scenarios,
    /// recorded in the truth's `exercises`. Takes no time.
    case exercise(name: String)

    /// How long the step lasts, seconds.
    public var duration: Double {
        switch self {
        case .rest(let d): d
        case .move(_, _, _, let d), .hold(let d, _), .bounce(let d, _, _), .walk(let d, _, _, _), .slip(_, let d),
             .shift(let d, _), .pelvis(_, _, _, _, let d), .strap(_, let d): d
        case .drop, .exercise: 0
        }
    }
}

extension ScenarioStep: Codable {
    private enum Key: String, CodingKey, CaseIterable {
        case rest, move, hold, bounce, walk, shift, pelvis, slip, drop, strap, exercise
    }

    private enum Field: String, CodingKey {
        case flexion, adduction, rotation, duration, sway, amplitude, frequency, cadence, underway, phase, posture, angle, frames, side, name
    }

    /// Any key, to find the ones a step does not know.
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The fields each kind of step takes.
    private static func fields(_ key: Key) -> [Field] {
        switch key {
        case .rest: []
        case .move: [.flexion, .adduction, .rotation, .duration]
        case .hold: [.duration, .sway]
        case .bounce: [.duration, .amplitude, .frequency]
        case .walk: [.duration, .cadence, .underway, .phase]
        case .shift: [.duration, .amplitude]
        case .pelvis: [.posture, .flexion, .adduction, .rotation, .duration]
        case .slip: [.angle, .duration]
        case .drop: [.frames]
        case .strap: [.side, .duration]
        case .exercise: [.name]
        }
    }

    public init(from decoder: any Decoder) throws {
        let any = try decoder.container(keyedBy: AnyKey.self)
        let c = try decoder.container(keyedBy: Key.self)
        guard any.allKeys.count == 1, c.allKeys.count == 1, let key = c.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: c.codingPath,
                debugDescription: "a step is an object with exactly one of the keys \(Key.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        if key == .rest {
            self = .rest(try c.decode(Double.self, forKey: .rest))
            return
        }
        let allowed = Self.fields(key)
        let given = try c.nestedContainer(keyedBy: AnyKey.self, forKey: key)
        for k in given.allKeys where !allowed.map(\.rawValue).contains(k.stringValue) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: given.codingPath,
                debugDescription: "unknown key \"\(k.stringValue)\" in a \(key.rawValue) step; it takes \(allowed.map(\.rawValue).joined(separator: ", "))"))
        }
        let f = try c.nestedContainer(keyedBy: Field.self, forKey: key)
        switch key {
        case .rest, .drop:
            self = .drop(frames: try f.decode(Int.self, forKey: .frames))
        case .move:
            self = .move(flexion: try f.decodeIfPresent(Double.self, forKey: .flexion),
                         adduction: try f.decodeIfPresent(Double.self, forKey: .adduction),
                         rotation: try f.decodeIfPresent(Double.self, forKey: .rotation),
                         duration: try f.decode(Double.self, forKey: .duration))
        case .hold:
            self = .hold(duration: try f.decode(Double.self, forKey: .duration),
                         sway: try f.decodeIfPresent(Double.self, forKey: .sway) ?? 0.3)
        case .bounce:
            self = .bounce(duration: try f.decode(Double.self, forKey: .duration),
                           amplitude: try f.decode(Double.self, forKey: .amplitude),
                           frequency: try f.decodeIfPresent(Double.self, forKey: .frequency) ?? 1)
        case .walk:
            self = .walk(duration: try f.decode(Double.self, forKey: .duration), cadence: try f.decode(Double.self, forKey: .cadence),
                         underway: try f.decodeIfPresent(Bool.self, forKey: .underway) ?? false,
                         phase: try f.decodeIfPresent(Double.self, forKey: .phase) ?? 0)
        case .shift:
            self = .shift(duration: try f.decode(Double.self, forKey: .duration), amplitude: try f.decode(Double.self, forKey: .amplitude))
        case .pelvis:
            self = .pelvis(posture: try f.decode(Posture.self, forKey: .posture),
                           flexion: try f.decodeIfPresent(Double.self, forKey: .flexion),
                           adduction: try f.decodeIfPresent(Double.self, forKey: .adduction),
                           rotation: try f.decodeIfPresent(Double.self, forKey: .rotation),
                           duration: try f.decode(Double.self, forKey: .duration))
        case .slip:
            self = .slip(angle: try f.decode(Double.self, forKey: .angle), duration: try f.decode(Double.self, forKey: .duration))
        case .strap:
            self = .strap(side: try f.decode(Side.self, forKey: .side), duration: try f.decode(Double.self, forKey: .duration))
        case .exercise:
            self = .exercise(name: try f.decode(String.self, forKey: .name))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .rest(let d):
            try c.encode(d, forKey: .rest)
        case .move(let flexion, let adduction, let rotation, let duration):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .move)
            try f.encodeIfPresent(flexion, forKey: .flexion)
            try f.encodeIfPresent(adduction, forKey: .adduction)
            try f.encodeIfPresent(rotation, forKey: .rotation)
            try f.encode(duration, forKey: .duration)
        case .hold(let duration, let sway):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .hold)
            try f.encode(duration, forKey: .duration)
            try f.encode(sway, forKey: .sway)
        case .bounce(let duration, let amplitude, let frequency):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .bounce)
            try f.encode(duration, forKey: .duration)
            try f.encode(amplitude, forKey: .amplitude)
            try f.encode(frequency, forKey: .frequency)
        case .walk(let duration, let cadence, let underway, let phase):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .walk)
            try f.encode(duration, forKey: .duration)
            try f.encode(cadence, forKey: .cadence)
            // Written only when they are not the defaults, so older scenario files print as they were.
            if underway { try f.encode(underway, forKey: .underway) }
            if phase != 0 { try f.encode(phase, forKey: .phase) }
        case .shift(let duration, let amplitude):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .shift)
            try f.encode(duration, forKey: .duration)
            try f.encode(amplitude, forKey: .amplitude)
        case .pelvis(let posture, let flexion, let adduction, let rotation, let duration):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .pelvis)
            try f.encode(posture, forKey: .posture)
            try f.encodeIfPresent(flexion, forKey: .flexion)
            try f.encodeIfPresent(adduction, forKey: .adduction)
            try f.encodeIfPresent(rotation, forKey: .rotation)
            try f.encode(duration, forKey: .duration)
        case .slip(let angle, let duration):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .slip)
            try f.encode(angle, forKey: .angle)
            try f.encode(duration, forKey: .duration)
        case .drop(let frames):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .drop)
            try f.encode(frames, forKey: .frames)
        case .strap(let side, let duration):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .strap)
            try f.encode(side, forKey: .side)
            try f.encode(duration, forKey: .duration)
        case .exercise(let name):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .exercise)
            try f.encode(name, forKey: .name)
        }
    }
}
