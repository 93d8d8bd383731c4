import FormcheckFormats
import MotionCore

/// Renders a scenario: the thigh's motion, the sensor strapped to it, the IMU's errors, and the
/// kernel driver's framing of it all into evdev events — deterministic from the scenario's seed.
public struct ScenarioRenderer: Sendable {
    public let scenario: Scenario

    /// Truth series decimation rate, Hz.
    public static let truthRate = 50.0

    public init(_ scenario: Scenario) {
        self.scenario = scenario
    }

    /// What a rendering produces.
    public struct Rendering: Sendable {
        public var description: DeviceDescription
        /// The events a reader of the node would see (kernel times from 0).
        public var events: [InputEvent]
        public var truth: ScenarioTruth
        /// Per device sample (lost ones included): its time (s since the first sample), the ideal
        /// signals, the world ← sensor orientation, and the axis values the kernel held after it.
        public var sampleTimes: [Double]
        public var ideal: [IMUSample]
        public var orientations: [Quaternion]
        /// Per device sample: world ← pelvis (the posture's pelvis at the body's heading).
        public var pelvis: [Quaternion]
        /// Per device sample: the sensor's and the hip joint's positions in the world, metres (the
        /// trajectory the ideal accelerometer is the second derivative of, less gravity).
        public var positions: [Vector3]
        public var hipPositions: [Vector3]
        public var kernelValues: [SIMD8<Int32>]
        /// Values before quantisation and the kernel's fuzz filter, raw units.
        public var continuousValues: [SIMD8<Double>]
        /// Indices of samples lost to SYN_DROPPED.
        public var lostSamples: Set<Int>
        /// The kernel time of the first event before the events were shifted to start at 1 µs,
        /// microseconds on the simulated kernel clock, whose 0 is the first sample's instant (the
        /// clock `sampleTimes` and the truth count from). Two renderings of one body share it: a
        /// pair's session file places each recording on it (`ScenarioPair`).
        public var kernelStart: Int64

        /// The recording as evemu text (a note says it is simulated; no `# Kernel:` line, since it
        /// was not captured on this machine).
        public func evemuText() -> String {
            let note = "# SIMULATED by formcheck simulate: scenario \(truth.scenario), seed \(truth.seed), not a hardware capture\n"
            var text = EvemuWriter.text(for: description, events: events, kernelRelease: nil)
            let firstLineEnd = text.firstIndex(of: "\n")!
            text.insert(contentsOf: note, at: text.index(after: firstLineEnd))
            return text
        }
    }

    /// - Parameters:
    ///   - fuzz: override the axes' fuzz (0 gives the values before the kernel's filter).
    ///   - accelerometerErrors: false renders a calibrated accelerometer (no bias or scale error; noise
    ///     stays), to tell the accelerometer's share of an error from the rest.
    public func render(fuzz: Int32? = nil, accelerometerErrors: Bool = true) -> Rendering {
        let s = scenario
        var mountRNG = SplitMix64(seed: s.seed)
        var errorRNG = SplitMix64(seed: s.seed &+ 0x5EED_0001)
        var timelineRNG = SplitMix64(seed: s.seed &+ 0x5EED_0002)
        var clockRNG = SplitMix64(seed: s.seed &+ 0x5EED_0003)
        var noiseRNG = SplitMix64(seed: s.seed &+ 0x5EED_0004)
        var headingRNG = SplitMix64(seed: s.seed &+ 0x5EED_0005)

        let mounting: Quaternion = switch s.mounting {
        case .random: Self.randomRotation(&mountRNG)
        case .front: .identity
        case .upsideDown: Quaternion(axis: .unitZ, angle: .pi)
        case .quaternion(let w, let x, let y, let z): Quaternion(w: w, x: x, y: y, z: z).normalized
        }
        var errors = s.imuErrors ? IMUErrorModel.consumer(&errorRNG) : .none
        if !accelerometerErrors {
            errors.accelerometerBias = .zero
            errors.accelerometerScale = .zero
        }
        let timeline = Timeline(s, rng: &timelineRNG)
        let heading = Quaternion(axis: .unitZ, angle: headingRNG.uniform(-.pi, .pi))
        let arm = s.leverArm.count == 3 ? Vector3(s.leverArm[0], s.side.sign * s.leverArm[1], s.leverArm[2]) : Vector3(0.2, 0, 0.07)
        let kinematics = Kinematics(timeline: timeline, scenario: s, heading: heading, mounting: mounting, leverArm: arm)

        var description = s.device.description
        if let fuzz { for code in description.absInfo.keys { description.absInfo[code]!.fuzz = fuzz } }
        let device = s.device
        let period = device.samplePeriod
        let count = Int((timeline.duration / period).rounded(.down)) + 1

        // 1. Ideal signals and the IMU's measurement of them, in raw units.
        var times: [Double] = []
        var ideal: [IMUSample] = []
        var orientations: [Quaternion] = []
        var pelvis: [Quaternion] = []
        var positions: [Vector3] = []
        var hipPositions: [Vector3] = []
        var continuous: [SIMD8<Double>] = []
        var raw: [SIMD8<Int32>] = []
        times.reserveCapacity(count)
        var bias = errors.gyroBias
        let accelInfo = description.absInfo[0]!
        let gyroInfo = description.absInfo[3]!
        let accelUnits = Double(accelInfo.resolution) / 9.80665
        let gyroUnits = Double(gyroInfo.resolution) * 180 / .pi
        let quantum = device.quantum
        for k in 0..<count {
            let t = Double(k) * period
            let (f, w, q) = kinematics.idealSignals(at: t)
            times.append(t)
            ideal.append(IMUSample(time: t, acceleration: f, angularVelocity: w))
            orientations.append(q)
            pelvis.append(kinematics.pelvis(at: t))
            positions.append(kinematics.position(at: t))
            hipPositions.append(timeline.hipPosition(at: t))
            if k > 0 {
                let step = errors.gyroBiasWalk * period.squareRoot()
                bias += Vector3(noiseRNG.gaussian(), noiseRNG.gaussian(), noiseRNG.gaussian()) * step
            }
            let gn = errors.gyroNoise
            let an = errors.accelerometerNoise
            let gm = w + bias + Vector3(noiseRNG.gaussian(), noiseRNG.gaussian(), noiseRNG.gaussian()) * gn
            let sc = errors.accelerometerScale
            let am = Vector3(f.x * (1 + sc.x), f.y * (1 + sc.y), f.z * (1 + sc.z)) + errors.accelerometerBias
                + Vector3(noiseRNG.gaussian(), noiseRNG.gaussian(), noiseRNG.gaussian()) * an
            let c = SIMD8<Double>(am.x * accelUnits, am.y * accelUnits, am.z * accelUnits,
                                  gm.x * gyroUnits, gm.y * gyroUnits, gm.z * gyroUnits, 0, 0)
            continuous.append(c)
            var r = SIMD8<Int32>(repeating: 0)
            for i in 0..<6 {
                let info = i < 3 ? accelInfo : gyroInfo
                let qn = i < 3 ? quantum.accelerometer : quantum.gyroscope
                let v = (c[i] / qn).rounded() * qn
                r[i] = Int32(max(Double(info.minimum), min(Double(info.maximum), v)))
            }
            raw.append(r)
        }

        // 2. The driver's framing and the kernel's filter, as a reader of the node sees it.
        var lost = Set<Int>()
        for drop in timeline.drops {
            let first = Int((drop.time / period).rounded(.up))
            for k in first..<min(count, first + drop.frames) { lost.insert(k) }
        }
        var framer = KernelFramer(device: device, description: description, clockStart: UInt32(truncatingIfNeeded: clockRNG.next()))
        var events: [InputEvent] = []
        events.reserveCapacity(count * 8)
        var kernelValues: [SIMD8<Int32>] = []
        kernelValues.reserveCapacity(count)
        let perReport = device.samplesPerReport
        var lastKernel: Int64 = 0
        var k = 0
        while k < count {
            let reportEnd = min(count, k + perReport)
            let arrival = times[reportEnd - 1] + device.latency.minimum + device.latency.jitter * clockRNG.unit()
            var kernel = max(lastKernel + 1, Int64((arrival * 1e6).rounded()) + 1000)
            for j in k..<reportEnd {
                let frame = framer.frame(values: raw[j], sampleIndex: j, kernelTime: kernel)
                kernelValues.append(framer.state)
                if lost.contains(j) {
                    // The reader's buffer overflowed: it gets SYN_DROPPED and the tail of the last lost frame.
                    if !lost.contains(j + 1) {
                        events.append(InputEvent(time: kernel, type: EventCode.evSyn, code: EventCode.synDropped, value: 0))
                        events.append(contentsOf: frame.suffix(2))
                    }
                } else {
                    events.append(contentsOf: frame)
                }
                lastKernel = kernel
                kernel += 1
            }
            k = reportEnd
        }

        // 3. Ground truth.
        let holds = timeline.holds().enumerated().map { i, h in
            ScenarioTruth.Hold(rep: i + 1, side: timeline.side(at: h.start), start: Self.round(h.start), end: Self.round(h.end),
                               duration: Self.round(h.end - h.start), flexion: h.flexion)
        }
        let walking = timeline.walking
        var series = ScenarioTruth.Series(rate: Self.truthRate, t: [], flexion: [], adduction: [])
        let truthStep = 1 / Self.truthRate
        var t = 0.0
        while t <= timeline.duration + 1e-9 {
            let a = timeline.angles(at: t)
            series.t.append(Self.round(t))
            series.flexion.append(Self.round(a.flexion))
            series.adduction.append(Self.round(a.adduction))
            t += truthStep
        }
        var slips: [ScenarioTruth.Slip] = []
        for seg in timeline.segments where seg.kind == .slip {
            slips.append(.init(start: Self.round(seg.start), end: Self.round(seg.end), angle: seg.slipTo - seg.slipFrom))
        }
        let degree = 180 / Double.pi
        let rests = timeline.rests.map { r in
            let knee = r.posture.pelvisOrientation.rotate(HipJointGeometry.longAxis(flexion: r.angles.flexion, adduction: r.angles.adduction, side: timeline.side(at: r.start)))
            return ScenarioTruth.Rest(start: Self.round(r.start), end: Self.round(r.end), posture: r.posture,
                                      flexion: Self.round(r.angles.flexion), adduction: Self.round(r.angles.adduction),
                                      rotation: Self.round(r.angles.rotation), inclination: Self.round((-knee.z).arcCosine.degrees))
        }
        let walks = walking.map {
            ScenarioTruth.Walk(start: Self.round($0.start), end: Self.round($0.start + $0.duration), steps: $0.steps, cadence: $0.cadence,
                               sensorLegStrikes: $0.own.map(Self.round), otherLegStrikes: $0.other.map(Self.round))
        }
        var reps: [ScenarioTruth.Rep] = []
        if ScenarioTruth.repExercises.contains(s.exercise) {
            var set = 1
            for (i, r) in timeline.reps().enumerated() {
                if let last = reps.last, r.start - last.end >= ScenarioTruth.setBreak { set += 1 }
                let spoiled = s.expectedErrors.contains { $0.rep == i + 1 && ["overshoot", "shallow", "sagging"].contains($0.kind) }
                reps.append(.init(rep: i + 1, set: set, side: timeline.side(at: r.start), start: Self.round(r.start), end: Self.round(r.end),
                                  peakFlexion: Self.round(r.peak.flexion), peakAdduction: Self.round(r.peak.adduction),
                                  range: Self.round(r.range), complete: !spoiled))
            }
        }
        var truth = ScenarioTruth(
            scenario: s.name, summary: s.summary, exercise: s.exercise, side: s.side, posture: s.posture, device: s.device,
            seed: s.seed, duration: Self.round(times.last ?? 0), sampleRate: 1 / period,
            mounting: [mounting.w, mounting.x, mounting.y, mounting.z].map(Self.round9),
            gyroBias: [errors.gyroBias.x, errors.gyroBias.y, errors.gyroBias.z].map { Self.round9($0 * degree) },
            holds: holds, formErrors: s.expectedErrors,
            steps: walking.isEmpty ? nil : walking.reduce(0) { $0 + $1.steps },
            cadence: walking.first.map(\.cadence),
            gaps: timeline.drops.map { .init(t: Self.round(($0.time / period).rounded(.up) * period), frames: $0.frames) },
            slips: slips, angles: series, rests: rests, walks: walks, reps: ScenarioTruth.repExercises.contains(s.exercise) ? reps : nil)
        let straps = timeline.segments.filter { $0.kind == .strap }
        if !straps.isEmpty {
            truth.strapMoves = straps.map { seg in
                let q = kinematics.mountings[seg.mountingTo]
                return .init(start: Self.round(seg.start), end: Self.round(seg.end), side: seg.sideTo,
                             mounting: [q.w, q.x, q.y, q.z].map(Self.round9))
            }
        }
        if !straps.isEmpty || timeline.exercises.count > 1 {
            let segments = timeline.exerciseSegments
            truth.exercises = segments.map {
                .init(exercise: $0.name, side: $0.side, start: Self.round($0.start), end: Self.round($0.end))
            }
            // A routine's reps: each strengthening segment's own, numbered from 1 as its session
            // numbers them, from that segment's first rest (its start position).
            var routineReps: [ScenarioTruth.Rep] = []
            for seg in segments where ScenarioTruth.repExercises.contains(seg.name) {
                var set = 1
                var mine: [ScenarioTruth.Rep] = []
                for (i, r) in timeline.reps(within: seg.start...seg.end).enumerated() {
                    if let last = mine.last, r.start - last.end >= ScenarioTruth.setBreak { set += 1 }
                    mine.append(.init(rep: i + 1, set: set, side: timeline.side(at: r.start), start: Self.round(r.start), end: Self.round(r.end),
                                      peakFlexion: Self.round(r.peak.flexion), peakAdduction: Self.round(r.peak.adduction),
                                      range: Self.round(r.range), complete: true))
                }
                routineReps += mine
            }
            if !routineReps.isEmpty { truth.reps = routineReps }
        }

        // Kernel times from 0, as a recording starts.
        let kernelStart = events.first?.time ?? 0
        if let first = events.first?.time {
            for i in events.indices { events[i].time -= first - 1 }
        }
        return Rendering(description: description, events: events, truth: truth, sampleTimes: times, ideal: ideal,
                         orientations: orientations, pelvis: pelvis, positions: positions, hipPositions: hipPositions, kernelValues: kernelValues, continuousValues: continuous, lostSamples: lost,
                         kernelStart: kernelStart)
    }

    /// A uniformly distributed rotation (Shoemake's method).
    static func randomRotation(_ rng: inout SplitMix64) -> Quaternion {
        let u1 = rng.unit(), u2 = rng.unit(), u3 = rng.unit()
        let a = (1 - u1).squareRoot(), b = u1.squareRoot()
        return Quaternion(w: a * (2 * .pi * u2).sine, x: a * (2 * .pi * u2).cosine,
                          y: b * (2 * .pi * u3).sine, z: b * (2 * .pi * u3).cosine).normalized
    }

    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
    static func round9(_ x: Double) -> Double { (x * 1e9).rounded() / 1e9 }
}
