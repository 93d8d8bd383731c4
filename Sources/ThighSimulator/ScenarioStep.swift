/// One step of a scenario's timeline. In JSON each step is an object with one key:
/// `{"rest": 5}`, `{"move": {"flexion": 85, "adduction": 20, "duration": 4}}`,
/// `{"hold": {"duration": 60, "sway": 0.3}}`, `{"bounce": {"duration": 8, "amplitude": 6, "frequency": 1}}`,
/// `{"walk": {"duration": 60, "cadence": 110}}`, `{"slip": {"angle": 15, "duration": 0.5}}`,
/// `{"drop": {"frames": 30}}`. Angles in degrees, times in seconds.
public enum ScenarioStep: Sendable, Hashable {
    /// Stay still where the thigh is, seconds.
    case rest(Double)
    /// Minimum-jerk movement to the given angles (nil keeps the current one) over `duration` s.
    case move(flexion: Double?, adduction: Double?, rotation: Double?, duration: Double)
    /// A stretch hold: still, with physiological sway of about `sway` degrees.
    case hold(duration: Double, sway: Double)
    /// Ballistic bouncing around the current flexion: `amplitude` degrees peak to peak at `frequency` Hz.
    case bounce(duration: Double, amplitude: Double, frequency: Double)
    /// Walking (standing posture): thigh flexion swinging −15…+25° at the stride frequency
    /// (`cadence` steps/min, one stride = two steps), with pelvis bob and heel-strike jolts.
    case walk(duration: Double, cadence: Double)
    /// The strap slips: the sensor turns `angle` degrees about the thigh's long axis over `duration` s.
    case slip(angle: Double, duration: Double)
    /// The reader falls behind here: `frames` frames are lost to a SYN_DROPPED.
    case drop(frames: Int)

    /// How long the step lasts, seconds.
    public var duration: Double {
        switch self {
        case .rest(let d): d
        case .move(_, _, _, let d), .hold(let d, _), .bounce(let d, _, _), .walk(let d, _), .slip(_, let d): d
        case .drop: 0
        }
    }
}

extension ScenarioStep: Codable {
    private enum Key: String, CodingKey, CaseIterable {
        case rest, move, hold, bounce, walk, slip, drop
    }

    private enum Field: String, CodingKey {
        case flexion, adduction, rotation, duration, sway, amplitude, frequency, cadence, angle, frames
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        guard c.allKeys.count == 1, let key = c.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: c.codingPath,
                debugDescription: "a step is an object with exactly one of the keys \(Key.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        if key == .rest {
            self = .rest(try c.decode(Double.self, forKey: .rest))
            return
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
            self = .walk(duration: try f.decode(Double.self, forKey: .duration), cadence: try f.decode(Double.self, forKey: .cadence))
        case .slip:
            self = .slip(angle: try f.decode(Double.self, forKey: .angle), duration: try f.decode(Double.self, forKey: .duration))
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
        case .walk(let duration, let cadence):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .walk)
            try f.encode(duration, forKey: .duration)
            try f.encode(cadence, forKey: .cadence)
        case .slip(let angle, let duration):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .slip)
            try f.encode(angle, forKey: .angle)
            try f.encode(duration, forKey: .duration)
        case .drop(let frames):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .drop)
            try f.encode(frames, forKey: .frames)
        }
    }
}
