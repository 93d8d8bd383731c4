import FormcheckFormats
import Glibc
import MotionCore
import Testing
import ThighSimulator

/// The orientation filter on simulated sessions, against the simulator's truth (world ← sensor,
/// heading random): once with the ideal signals plus a gyro bias we choose, once through the whole
/// pipeline — the device's own bias, noise, accelerometer bias and scale errors, quantisation, the
/// kernel's fuzz filter, evemu decoding, gaps.
@Suite struct SimulatedSessionTests {
    struct Session {
        var readings: [SensorReading]
        /// Truth per decoded sample: world ← sensor.
        var truth: [Quaternion]
        /// Seconds since the first sample, per decoded sample.
        var times: [Double]
        /// The device's gyro bias at the start, rad/s.
        var bias: Vector3
        var rendering: ScenarioRenderer.Rendering
    }

    /// A scenario rendered to evemu and read back as a recording would be.
    static func session(_ name: String, imuErrors: Bool = true) throws -> Session {
        var scenario = ScenarioLibrary.named(name)!
        scenario.imuErrors = imuErrors
        let r = ScenarioRenderer(scenario).render()
        let readings = try Recording(bytes: Array(r.evemuText().utf8), path: name + ".evemu").readAll().readings
        var truth: [Quaternion] = []
        var times: [Double] = []
        for k in r.sampleTimes.indices where !r.lostSamples.contains(k) {
            truth.append(r.orientations[k])
            times.append(r.sampleTimes[k])
        }
        let b = r.truth.gyroBias.map(\.radians)
        return Session(readings: readings, truth: truth, times: times, bias: Vector3(b[0], b[1], b[2]), rendering: r)
    }

    /// Live estimates, and the bias estimate after each sample.
    static func live(_ readings: [SensorReading], parameters: OrientationFilter.Parameters = .init())
        -> (q: [Quaternion], bias: [Vector3]) {
        var f = OrientationFilter(parameters: parameters)
        var q: [Quaternion] = [], bias: [Vector3] = []
        for r in readings {
            switch r {
            case .gap: f.gapOccurred()
            case .sample(let s):
                q.append(f.update(s))
                bias.append(f.gyroBias)
            }
        }
        return (q, bias)
    }

    static func error(_ a: Quaternion, _ b: Quaternion) -> Double {
        InclinationError.angle(estimate: a, reference: b).degrees
    }

    /// The simulator's gyroscope reads the instantaneous rate: no delay.
    static var simulated: OrientationFilter.Parameters {
        var p = OrientationFilter.Parameters()
        p.gyroscopeDelay = 0
        return p
    }

    static var noBias: OrientationFilter.Parameters {
        var p = simulated
        p.biasEstimation = false
        return p
    }

    /// Ideal DualSense signals of two piriformis repetitions (60 s holds) plus a constant gyro bias
    /// of (1.5, −1.0, 0.8) °/s and 0.08 °/s noise: the bias is found in the first rest (4 s) and
    /// kept; the holds do not drift. Without bias estimation they are degrees off.
    @Test func findsAKnownGyroBiasAndHoldsDoNotDrift() {
        var scenario = ScenarioLibrary.named("piriformis-dualsense")!
        scenario.imuErrors = false
        let r = ScenarioRenderer(scenario).render()
        let bias = Vector3(1.5, -1.0, 0.8) * (Double.pi / 180)
        var noise = NoiseSource(seed: 5)
        let samples = r.ideal.map {
            IMUSample(time: $0.time, acceleration: $0.acceleration,
                      angularVelocity: $0.angularVelocity + bias + noise.vector(0.08.radians))
        }
        let readings = samples.map { SensorReading.sample($0) }
        let live = Self.live(readings, parameters: Self.simulated), off = Self.live(readings, parameters: Self.noBias)
        // Found in the first rest (4 s, rest declared after 1.5 s): 0.055 °/s off at its end, and
        // closer in every later rest; in between, the lever-arm accelerations of the movements
        // move it by up to about 0.15 °/s.
        let restEnd = samples.firstIndex { $0.time >= 4 }!
        #expect((live.bias[restEnd] - bias).norm.degrees < 0.07, "bias error \((live.bias[restEnd] - bias).norm.degrees) °/s after the rest")
        let worstBias = samples.indices.filter { samples[$0].time >= 4 }.map { (live.bias[$0] - bias).norm.degrees }.max()!
        #expect(worstBias < 0.2, "bias error up to \(worstBias) °/s")
        #expect((live.bias.last! - bias).norm.degrees < 0.02, "bias error \((live.bias.last! - bias).norm.degrees) °/s at the end")
        #expect(r.truth.holds.count == 2)
        for h in r.truth.holds {
            let hold = samples.indices.filter { samples[$0].time >= h.start + 1 && samples[$0].time <= h.end }
            let errors = hold.map { Self.error(live.q[$0], r.orientations[$0]) }
            let errorsOff = hold.map { Self.error(off.q[$0], r.orientations[$0]) }
            #expect(errors.max()! < 0.25, "hold \(h.rep): worst \(errors.max()!)°")
            #expect(errorsOff.max()! > 1.5, "hold \(h.rep) without bias estimation: worst \(errorsOff.max()!)°")
        }
    }

    /// The whole pipeline, piriformis on a DualSense (device bias (−0.45, 1.86, −0.82) °/s): the
    /// bias estimate is right after the first rest; in the one-minute holds the inclination error
    /// stays at the accelerometer's own error (its ±20 mg bias and ±1 % scale errors: about 1.2°
    /// for this seed) and does not drift; without bias estimation it is 1.5° to 4° worse.
    @Test func piriformisOnADualSense() throws {
        let s = try Self.session("piriformis-dualsense")
        let live = Self.live(s.readings, parameters: Self.simulated), off = Self.live(s.readings, parameters: Self.noBias)
        #expect(live.q.count == s.truth.count)
        let afterRest = s.times.firstIndex { $0 >= 4 }!
        #expect((live.bias[afterRest] - s.bias).norm.degrees < 0.1, "bias error \((live.bias[afterRest] - s.bias).norm.degrees) °/s")
        #expect((live.bias.last! - s.bias).norm.degrees < 0.4)  // the bias random-walks 0.01 °/s/√s
        #expect(s.rendering.truth.holds.count == 2)
        for h in s.rendering.truth.holds {
            let hold = s.times.indices.filter { s.times[$0] >= h.start + 5 && s.times[$0] <= h.end }
            let errors = hold.map { Self.error(live.q[$0], s.truth[$0]) }
            let errorsOff = hold.map { Self.error(off.q[$0], s.truth[$0]) }
            #expect(errors.max()! < 1.6, "hold \(h.rep): worst \(errors.max()!)°")
            #expect(errors.max()! - errors.min()! < 0.4, "hold \(h.rep): error changed by \(errors.max()! - errors.min()!)°")
            #expect(errorsOff.min()! > errors.max()! + 1, "hold \(h.rep) without bias estimation: \(errorsOff.min()!)°")
        }
    }

    /// Walking (heel strikes, pelvis bob, 0.2 m lever arm) and the stretches, from ideal signals
    /// through the kernel's framing and decoding: what is left is the filter's own error. In
    /// walking that is mostly the lever arm's centripetal acceleration (ω²r, towards the hip),
    /// which does not average out.
    @Test(arguments: [("walk-brisk", 0.6, 0.55), ("walk-slow", 0.45, 0.4), ("knee-to-chest", 0.15, 0.1),
                      ("hamstring-good", 0.15, 0.1), ("strap-upside-down", 0.15, 0.1), ("piriformis-too-fast", 0.15, 0.1)])
    func leverArmAndWalkingAccelerations(_ name: String, _ liveBound: Double, _ replayBound: Double) throws {
        let s = try Self.session(name, imuErrors: false)
        let live = Self.live(s.readings, parameters: Self.simulated).q
        let replay = OrientationSmoother.estimate(s.readings, parameters: Self.simulated)
        #expect(replay.count == s.truth.count)
        var rmsLive = InclinationError.RootMeanSquare(), rmsReplay = InclinationError.RootMeanSquare()
        for i in s.truth.indices where s.times[i] >= 3 {
            rmsLive.add(Self.error(live[i], s.truth[i]))
            rmsReplay.add(Self.error(replay[i], s.truth[i]))
        }
        #expect(rmsLive.value! < liveBound, "\(name): live \(rmsLive.value!)°")
        #expect(rmsReplay.value! < replayBound, "\(name): replay \(rmsReplay.value!)°")
    }

    /// 120 ms of events lost to SYN_DROPPED in a hold: bridged, no jump.
    @Test func gapInAHold() throws {
        let s = try Self.session("piriformis-syn-dropped")
        #expect(s.readings.contains { if case .gap = $0 { true } else { false } })
        let live = Self.live(s.readings, parameters: Self.simulated).q
        let replay = OrientationSmoother.estimate(s.readings, parameters: Self.simulated)
        let gap = s.rendering.truth.gaps[0].t
        let around = s.times.indices.filter { abs(s.times[$0] - gap) < 3 }
        let errors = around.map { Self.error(live[$0], s.truth[$0]) }
        #expect(errors.max()! - errors.min()! < 0.2, "error changed by \(errors.max()! - errors.min()!)° around the gap")
        #expect(around.allSatisfy { Self.error(replay[$0], s.truth[$0]) < 1.6 })
    }
}

/// Gaussian noise for the tests (SplitMix64 and Box–Muller).
struct NoiseSource {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
    mutating func gaussian() -> Double {
        let u1 = max(unit(), 1e-300), u2 = unit()
        return (-2 * Glibc.log(u1)).squareRoot() * Glibc.cos(2 * Double.pi * u2)
    }
    mutating func vector(_ sigma: Double) -> Vector3 { Vector3(gaussian(), gaussian(), gaussian()) * sigma }
}
