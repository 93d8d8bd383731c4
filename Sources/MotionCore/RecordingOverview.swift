/// A whole recording seen once without knowing the exercise, for recognising it: one pass of the
/// live orientation filter (`OrientationFilter`, as a session runs it) gathering the mounting
/// evidence (`MountingEvidence`: rests, the movement's axis — none of it depends on the exercise),
/// the steps walked (`GaitTracker`) and the orientation every `interval` seconds. The hip angles
/// *as an exercise would read them* then come from `angles(in:axis:movement:)`: the mounting solved
/// with what a session of that exercise tells the solver — its posture (lying on the side: on the
/// side that puts the sensor leg on top), its rep axis and its movement's direction
/// (`MountingSolver`, cheap: it reads the evidence, not the samples) — applied to the kept
/// orientations. Trying every exercise costs one filter pass plus one solve per distinct reading.
///
/// The angles are the causal filter's and a calibration from the whole recording's evidence,
/// without the session's re-anchoring of the heading at neutral rests or its slip detection: good
/// for telling exercises apart, not a replacement for `AngleSeries`.
public struct RecordingOverview: Sendable {
    /// What the mounting is solved with: an exercise's posture (as done: `Posture.withSensorLegOnTop`),
    /// its rep axis and the direction its reps move the thigh (nil: not known) — the solver's hints.
    public struct Reading: Sendable, Hashable {
        public var posture: Posture
        public var axis: MovementAxis
        public var movement: MountingSolver.Movement?

        public init(posture: Posture, axis: MovementAxis = .flexion, movement: MountingSolver.Movement? = nil) {
            self.posture = posture
            self.axis = axis
            self.movement = movement
        }
    }

    /// The hip angles of a recording read one way.
    public struct PostureAngles: Sendable {
        /// How it was read.
        public var reading: Reading
        public var posture: Posture { reading.posture }
        /// The mounting solved with the reading's hints (nil: it could not be solved).
        public var solution: MountingSolution?
        /// Why not, when `solution` is nil.
        public var shortfall: MountingSolver.Shortfall?
        /// One every `interval` seconds (seconds since the first sample, degrees); flexion unwrapped
        /// (continuous), empty without a solution.
        public var angles: [HipAngleSample]
    }

    /// Seconds between kept orientations (0.05: 20 Hz, ten times the fastest movement the
    /// protocols describe — a rep's 1 s up — needs to be seen).
    public let interval: Double
    public let side: Side
    /// Seconds from the first to the last usable sample.
    public private(set) var duration = 0.0
    /// Usable samples.
    public private(set) var samples = 0
    /// Steps walked and seconds in gait (`GaitTracker`, as a session counts them).
    public private(set) var steps = 0
    public private(set) var walkingSeconds = 0.0
    /// The mounting evidence of the whole recording.
    public private(set) var evidence = MountingEvidence()
    /// The orientation estimate (earth ← sensor) every `interval` seconds.
    public private(set) var orientations: [(time: Double, orientation: Quaternion)] = []
    /// A stored mounting (`formcheck calibrate`), used instead of solving one.
    public let storedMounting: Quaternion?

    /// The evidence's history is thinned to at most this many entries (a live session keeps 4000):
    /// a solve costs hypotheses × history entries, once per reading tried, and the anatomy term
    /// it feeds needs the range of poses the thigh went through, which an entry every few tenths of
    /// a second still shows (a rep lasts seconds).
    public static let historyLimit = 600

    /// How much of a recording is read, seconds from its first usable sample (30 min): the
    /// exercise is told from this much, so memory does not grow with the recording's length (the
    /// orientations kept, 40 bytes at 20 Hz: 1.4 MB) and a long recording costs no more to recognise.
    /// Samples after it are ignored (`isFull`).
    public static let defaultLimit = 1800.0

    /// Seconds of the recording read at most (see `defaultLimit`).
    public let limit: Double
    /// The filter pass's state between readings.
    private var filter = OrientationFilter()
    private var gait = GaitTracker()
    private var origin: Double?
    private var lastKept = -Double.infinity
    /// True once a sample beyond `limit` was seen: later readings are ignored.
    public private(set) var isFull = false
    private var finished = false

    /// One pass over `readings` (times on the source's clock; made relative to the first sample).
    public init(readings: [SensorReading], side: Side, storedMounting: Quaternion? = nil, interval: Double = 0.05,
                limit: Double = RecordingOverview.defaultLimit) {
        self.init(side: side, storedMounting: storedMounting, interval: interval, limit: limit)
        orientations.reserveCapacity(readings.count / 5)
        for r in readings {
            if isFull { break }
            consume(r)
        }
        finish()
    }

    /// An overview to be fed reading by reading (`consume`, then `finish`), as a recording is read.
    public init(side: Side, storedMounting: Quaternion? = nil, interval: Double = 0.05, limit: Double = RecordingOverview.defaultLimit) {
        self.interval = interval
        self.side = side
        self.storedMounting = storedMounting
        self.limit = limit
        var parameters = MountingEvidence.Parameters()
        parameters.maximumHistory = Self.historyLimit
        evidence = MountingEvidence(parameters: parameters)
    }

    /// The next reading of the recording (times on the source's clock). Ignored once `isFull`.
    public mutating func consume(_ r: SensorReading) {
        guard !isFull, !finished else { return }
        switch r {
        case .gap:
            filter.gapOccurred()
            evidence.gapOccurred()
            _ = gait.gapOccurred()
        case .sample(var s):
            guard s.acceleration.isFinite, s.angularVelocity.isFinite, s.time.isFinite else {
                filter.sampleSkipped()
                return
            }
            if origin == nil { origin = s.time }
            s.time -= origin ?? 0
            guard s.time <= limit else {
                isFull = true
                return
            }
            samples += 1
            duration = s.time
            let q = filter.update(s)
            evidence.update(s, orientation: q, gyroBias: filter.gyroBias)
            _ = gait.update(s)
            if s.time - lastKept >= interval {
                lastKept = s.time
                orientations.append((s.time, q))
            }
        }
    }

    /// The recording ended (or `isFull`): the evidence is closed and the steps counted.
    public mutating func finish() {
        guard !finished else { return }
        finished = true
        evidence.finish()
        steps = gait.steps
        walkingSeconds = gait.walkingSeconds
    }

    /// The recording's hip angles read as `reading` says (the mounting solved, as a session would,
    /// with its posture, axis and direction).
    public func angles(_ reading: Reading) -> PostureAngles {
        let posture = reading.posture
        let solution: MountingSolution
        if let storedMounting {
            solution = MountingSolution(mounting: storedMounting, confidence: .sure, cost: 0, alternativeCost: .infinity,
                                        cues: [.stored], rests: MountingSolver.label(evidence.allRests, mounting: storedMounting, hint: posture))
        } else {
            switch MountingSolver.solve(evidence, hint: posture, axis: reading.axis, movement: reading.movement) {
            case .success(let s): solution = s
            case .failure(let e): return PostureAngles(reading: reading, solution: nil, shortfall: e.shortfall, angles: [])
            }
        }
        let first = orientations.first ?? (0, .identity)
        let c = StrapCalibration(solution: solution, posture: posture, side: side, orientation: first.orientation, time: first.time)
        var out: [HipAngleSample] = []
        out.reserveCapacity(orientations.count)
        var last: Double?
        for (t, q) in orientations {
            var a = c.hipAngles(q)
            if let l = last {
                while a.flexion - l > 180 { a.flexion -= 360 }
                while a.flexion - l < -180 { a.flexion += 360 }
            }
            last = a.flexion
            out.append(HipAngleSample(time: t, angles: a))
        }
        return PostureAngles(reading: reading, solution: solution, shortfall: nil, angles: out)
    }
}
