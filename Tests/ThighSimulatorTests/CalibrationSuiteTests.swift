import Foundation
import FormcheckFormats
import MotionCore
import Testing
import ThighSimulator

/// The calibration suite (sessions that start seated, mid-walk, standing then lying, or never
/// rest): the new steps decode strictly, the simulator's self-checks hold through posture changes,
/// and the truth lists every rest and walking bout.
@Suite struct CalibrationSuiteTests {
    static let names = ScenarioLibrary.calibrationSuite.map(\.name)

    /// Ideal renderings (no IMU errors) of the whole suite, once.
    static let ideal: [String: ScenarioRenderer.Rendering] = Dictionary(uniqueKeysWithValues: names.map { name in
        var s = ScenarioLibrary.named(name)!
        s.imuErrors = false
        return (name, ScenarioRenderer(s).render())
    })

    static func decode(_ json: String) throws -> ScenarioStep {
        try JSONDecoder().decode(ScenarioStep.self, from: Data(json.utf8))
    }

    static func message(_ json: String) -> String {
        do {
            _ = try decode(json)
            return "decoded"
        } catch DecodingError.dataCorrupted(let c) {
            return c.debugDescription
        } catch {
            return "\(error)"
        }
    }

    // MARK: Decoding

    @Test func pelvisStepDecodes() throws {
        #expect(try Self.decode(#"{"pelvis": {"posture": "supine", "duration": 3}}"#)
            == .pelvis(posture: .supine, flexion: nil, adduction: nil, rotation: nil, duration: 3))
        #expect(try Self.decode(#"{"pelvis": {"posture": "sitting", "flexion": 80, "adduction": 5, "rotation": -3, "duration": 2.5}}"#)
            == .pelvis(posture: .sitting, flexion: 80, adduction: 5, rotation: -3, duration: 2.5))
        #expect(try Self.decode(#"{"walk": {"duration": 40, "cadence": 115, "underway": true, "phase": 0.3}}"#)
            == .walk(duration: 40, cadence: 115, underway: true, phase: 0.3))
        #expect(try Self.decode(#"{"walk": {"duration": 40, "cadence": 115}}"#) == .walk(duration: 40, cadence: 115, underway: false, phase: 0))
        #expect(try Self.decode(#"{"shift": {"duration": 30, "amplitude": 6}}"#) == .shift(duration: 30, amplitude: 6))
        // Round trip; defaults are not written, so older scenario files print as they did.
        for step: ScenarioStep in [.pelvis(posture: .hookLying, flexion: 45, adduction: nil, rotation: nil, duration: 3),
                                   .walk(duration: 9, cadence: 100, underway: true, phase: 0.5), .shift(duration: 5, amplitude: 2)] {
            #expect(try JSONDecoder().decode(ScenarioStep.self, from: JSONEncoder().encode(step)) == step)
        }
        let plain = String(decoding: try JSONEncoder().encode(ScenarioStep.walk(duration: 60, cadence: 112)), as: UTF8.self)
        #expect(!plain.contains("underway") && !plain.contains("phase"))
    }

    @Test func unknownKeysAreRefused() {
        #expect(Self.message(#"{"pelvis": {"posture": "supine", "duration": 3, "speed": 2}}"#)
            == #"unknown key "speed" in a pelvis step; it takes posture, flexion, adduction, rotation, duration"#)
        #expect(Self.message(#"{"move": {"flexon": 60, "duration": 2}}"#).hasPrefix(#"unknown key "flexon" in a move step"#))
        #expect(Self.message(#"{"walk": {"duration": 10, "cadence": 100, "underWay": true}}"#).hasPrefix(#"unknown key "underWay""#))
        #expect(Self.message(#"{"shift": {"duration": 10, "amplitude": 3, "frequency": 1}}"#).hasPrefix(#"unknown key "frequency" in a shift step"#))
        // A second key beside the step's one, known or not.
        #expect(Self.message(#"{"rest": 2, "jump": 1}"#).hasPrefix("a step is an object with exactly one of the keys"))
        #expect(Self.message(#"{"rest": 2, "pelvis": {"posture": "supine", "duration": 3}}"#).hasPrefix("a step is an object"))
        // Missing or wrong values.
        #expect(Self.message(#"{"pelvis": {"posture": "lying", "duration": 3}}"#).contains("lying"))
        #expect(Self.message(#"{"pelvis": {"posture": "supine"}}"#).contains("duration"))
    }

    @Test func postureChangesAreValidated() {
        let base = ScenarioLibrary.named("start-seated")!
        #expect(base.problems.isEmpty)
        // Walking while still seated is refused; after standing up it is fine.
        var seated = base
        seated.steps = [.rest(2), .walk(duration: 10, cadence: 100)]
        #expect(seated.problems.map(\.path) == ["steps[1]"])
        #expect(seated.problems.first?.message.hasPrefix("walking needs the standing posture") == true)
        var lyingDown = ScenarioLibrary.named("stand-then-lie")!
        lyingDown.steps += [.walk(duration: 10, cadence: 100)]
        #expect(lyingDown.problems.map(\.path) == ["steps[\(lyingDown.steps.count - 1)]"])
        // Only the first step can be under way; the phase is a fraction of a stride.
        var late = ScenarioLibrary.named("start-mid-walk")!
        late.steps = [.rest(1), .walk(duration: 10, cadence: 100, underway: true, phase: 1)]
        #expect(late.problems.map(\.message) == ["phase 1.0 is outside 0…1 (a fraction of a stride)",
                                                 "only the first step can be \"underway\" (a recording that starts mid-walk)"])
        var bad = base
        bad.steps = [.pelvis(posture: .standing, flexion: 170, adduction: nil, rotation: nil, duration: 0), .shift(duration: 5, amplitude: 25)]
        #expect(bad.problems.map(\.message) == ["pelvis duration 0.0 s is outside 0…600", "flexion 170.0° is outside −30…160",
                                                "shift amplitude 25.0° is outside 0…20"])
    }

    // MARK: Self-checks

    /// The gyroscope integrates to the orientation through standing up, lying down and walking.
    @Test(arguments: names)
    func integratingTheGyroReproducesTheOrientation(_ name: String) throws {
        let r = try #require(Self.ideal[name])
        let integrated = SimulatorSelfCheckTests.integrate(r.ideal)
        var worst = 0.0
        for i in stride(from: 0, to: r.ideal.count, by: 10) {
            worst = max(worst, SimulatorSelfCheckTests.angle(integrated[i], r.orientations[0].conjugate * r.orientations[i]))
        }
        worst = max(worst, SimulatorSelfCheckTests.angle(integrated.last!, r.orientations[0].conjugate * r.orientations.last!))
        #expect(worst < 0.01, "worst orientation error \(worst)°")
    }

    /// World ← thigh from the sensor's orientation and the strap (no slips in this suite).
    static func thigh(_ r: ScenarioRenderer.Rendering, _ i: Int) -> Quaternion {
        let m = r.truth.mounting
        return r.orientations[i] * Quaternion(w: m[0], x: m[1], y: m[2], z: m[3]).conjugate
    }

    /// In every rest, in whatever posture: the accelerometer reads gravity, the gyroscope nothing,
    /// and the thigh's inclination is the truth's.
    @Test(arguments: names)
    func everyRestReadsGravity(_ name: String) throws {
        let r = try #require(Self.ideal[name])
        var checked = 0
        for rest in r.truth.rests {
            for (i, s) in r.ideal.enumerated() where s.time > rest.start + 0.01 && s.time < rest.end - 0.01 {
                let g = r.orientations[i].conjugate.rotate(Vector3(0, 0, 9.80665))
                #expect((s.acceleration - g).norm < 1e-6, "\(name) t=\(s.time)")
                #expect(s.angularVelocity.norm < 1e-9, "\(name) t=\(s.time)")
                let knee = Self.thigh(r, i).rotate(.unitX)
                #expect(abs((-knee.z).arcCosine.degrees - rest.inclination) < 0.002)
                checked += 1
            }
        }
        // Every sample inside every rest was checked.
        let period = r.sampleTimes[1] - r.sampleTimes[0]
        let inside = r.truth.rests.reduce(0.0) { $0 + ($1.end - $1.start - 0.02) / period }
        #expect(abs(Double(checked) - inside) <= 2 * Double(r.truth.rests.count), "\(checked) of \(inside)")
        #expect(r.truth.rests.isEmpty == (name == "no-rest"))
    }

    /// The truth's hip angles are relative to the pelvis (HipAngles), at every truth sample —
    /// through sit-to-stand and lying down, when the pelvis turns under the thigh.
    @Test(arguments: names)
    func truthAnglesAreRelativeToThePelvis(_ name: String) throws {
        let r = try #require(Self.ideal[name])
        let side = ScenarioLibrary.named(name)!.side
        let every = Int((1 / ScenarioRenderer.truthRate / (r.sampleTimes[1] - r.sampleTimes[0])).rounded())
        var worst = 0.0
        for (j, t) in r.truth.angles.t.enumerated() where j * every < r.sampleTimes.count {
            let i = j * every
            #expect(abs(r.sampleTimes[i] - t) < 1e-6)
            let a = HipAngles(thighInPelvis: r.pelvis[i].conjugate * Self.thigh(r, i), side: side)
            worst = max(worst, abs(a.flexion - r.truth.angles.flexion[j]), abs(a.adduction - r.truth.angles.adduction[j]))
        }
        #expect(worst < 0.001, "\(name): worst \(worst)°")
    }

    /// Lying down: the pelvis turns 90° backwards while the hip angles stay at 0, so the thigh goes
    /// from vertical to flat; the hip sinks 0.8 m.
    @Test func lyingDownTurnsThePelvisNotTheHip() throws {
        let r = try #require(Self.ideal["stand-then-lie"])
        let before = try #require(r.sampleTimes.firstIndex { $0 >= 16.9 })
        let after = try #require(r.sampleTimes.firstIndex { $0 >= 20.1 })
        #expect(abs(SimulatorSelfCheckTests.angle(r.pelvis[before], r.pelvis[after]) - 90) < 1e-6)
        for i in before...after {
            let k = i - i % 5
            #expect(abs(r.truth.angles.flexion[k / 5]) < 1e-9 && abs(r.truth.angles.adduction[k / 5]) < 1e-9)
        }
        #expect(abs(Self.thigh(r, before).rotate(.unitX).z + 1) < 1e-9)
        #expect(abs(Self.thigh(r, after).rotate(.unitX).z) < 1e-9)
        // Supine: the pelvis's anterior axis points up.
        #expect(abs(r.pelvis[after].rotate(.unitX).z - 1) < 1e-9)
    }

    // MARK: Truth

    struct Expected: Sendable, CustomTestStringConvertible {
        var name: String
        var rests: [(Double, Double, Posture, Double, Double)]  // start, end, posture, flexion, inclination
        var walks: [(Double, Double, Int, Double)]  // start, end, steps, cadence
        var testDescription: String { name }
    }

    static let seated: [(Double, Double, Posture, Double, Double)] = [
        (0, 5, .sitting, 90, 90), (7, 10, .standing, 0, 0), (40, 43, .standing, 0, 0), (45, 49, .sitting, 90, 90),
    ]

    static let expected: [Expected] = [
        .init(name: "start-seated", rests: seated, walks: [(10, 40, 52, 105)]),
        .init(name: "seated-start-left", rests: seated, walks: [(10, 40, 52, 105)]),
        .init(name: "upside-down-seated", rests: seated, walks: [(10, 40, 52, 105)]),
        // 40 s at 115/min from stride phase 0.3: heel strikes at (k − 0.6) × 0.5217 s, k = 1…77.
        .init(name: "start-mid-walk", rests: [(40, 44, .standing, 0, 0)], walks: [(0, 40, 77, 115)]),
        .init(name: "stand-then-lie", rests: [(0, 4, .standing, 0, 0), (14, 17, .standing, 0, 0), (20, 25, .supine, 0, 90),
                                              (35, 38, .supine, 0, 90)], walks: [(4, 14, 16, 100)]),
        .init(name: "no-rest", rests: [], walks: [(0, 20, 36, 110)]),  // strikes at (k − 1.2) × 0.5455 s, k = 2…37
        .init(name: "sit-stand-only", rests: [(0, 4, .sitting, 90, 90), (6, 10, .standing, 0, 0), (12, 16, .sitting, 90, 90),
                                              (18, 22, .standing, 0, 0), (24, 28, .sitting, 90, 90)], walks: []),
    ]

    @Test(arguments: expected)
    func truthListsTheRestsAndWalks(_ e: Expected) throws {
        let r = try #require(Self.ideal[e.name])
        let t = r.truth
        #expect(t.rests.count == e.rests.count)
        for (rest, x) in zip(t.rests, e.rests) {
            #expect(rest.start == x.0 && rest.end == x.1 && rest.posture == x.2, "\(e.name): \(rest)")
            #expect(rest.flexion == x.3 && rest.adduction == 0 && rest.rotation == 0 && rest.inclination == x.4, "\(e.name): \(rest)")
        }
        #expect(t.walks.count == e.walks.count)
        for (walk, x) in zip(t.walks, e.walks) {
            #expect(walk.start == x.0 && walk.end == x.1 && walk.steps == x.2 && walk.cadence == x.3, "\(e.name): \(walk)")
        }
        #expect(t.steps == (e.walks.isEmpty ? nil : e.walks.reduce(0) { $0 + $1.2 }))
        #expect(t.posture == ScenarioLibrary.named(e.name)!.posture)
        // The truth series starts where the scenario does: seated at 90°, or mid-walk at the step's
        // stride phase — 0.3, mid-stance, the thigh extending through +1.0°; 0.6, toe-off, the
        // thigh just past its most extended (−14° at 0.55), at −12.77°.
        let first = t.angles.flexion[0]
        switch e.name {
        case "start-mid-walk": #expect(abs(first - 1.001) < 0.002 && t.angles.flexion[1] < first)
        case "no-rest": #expect(abs(first - -12.775) < 0.002 && t.angles.flexion[1] > first)
        default: #expect(first == e.rests[0].3)
        }
    }

    /// An under-way walk is in full swing from the first sample: the thigh swings through its whole
    /// range (−14…+24°) in the first second and never pauses.
    @Test func anUnderWayWalkIsInFullSwingFromTheStart() throws {
        let r = try #require(Self.ideal["start-mid-walk"])
        let firstSecond = r.truth.angles.flexion.prefix(50)
        #expect(firstSecond.max()! > 23.9 && firstSecond.min()! < -13.9)
        // Moving at once: the thigh turns at more than 10 °/s from the first sample on (the slowest
        // of the first 50 samples, 0.25 s, is where it nears its most extended in late stance).
        let w = r.ideal.prefix(50).map { $0.angularVelocity.norm.degrees }
        #expect(w.min()! > 10)
        #expect(w.prefix(10).min()! > 50)
    }

    /// no-rest never keeps still: the thigh's angular speed stays below 2 °/s for less than 0.3 s
    /// at a time (only where the walk's ramp-out meets the shifting's ramp-in), and in every 0.5 s
    /// window the gyroscope departs from its window mean by more than 3 °/s — 1.5 times the rest
    /// detector's tolerance; least where the walk's ramp-out, ending near the thigh's most flexed
    /// and slowest, meets the shifting's ramp-in — so the detector, even with a 0.5 s minimum,
    /// finds no rest; with the full sensor errors read back from the recording, neither.
    @Test func noRestHasNoStillPeriod() throws {
        let r = try #require(Self.ideal["no-rest"])
        var run = 0.0
        var longest = 0.0
        for s in r.ideal {
            run = s.angularVelocity.norm.degrees < 2 ? run + 0.004 : 0
            longest = max(longest, run)
        }
        #expect(longest < 0.3 && longest > 0.1, "longest quiet stretch \(longest) s")
        let n = 125
        var least = Double.infinity
        for i in 0..<(r.ideal.count - n) {
            let window = r.ideal[i...(i + n)]
            let mean = window.reduce(Vector3.zero) { $0 + $1.angularVelocity } / Double(window.count)
            least = min(least, window.map { ($0.angularVelocity - mean).norm.degrees }.max()!)
        }
        #expect(least > 3, "least gyro departure in a 0.5 s window: \(least) °/s")
        var parameters = RestDetector.Parameters()
        parameters.minimumDuration = 0.5
        let recorded = try SimulatorSelfCheckTests.readBack(ScenarioRenderer(ScenarioLibrary.named("no-rest")!).render())
        for samples in [r.ideal, recorded] {
            var detector = RestDetector(parameters: parameters)
            var rests = 0
            for s in samples {
                if case .restStarted = detector.update(s) { rests += 1 }
            }
            #expect(rests == 0)
        }
    }

    @Test func theSuiteIsApartFromTheCoachingSuite() {
        #expect(Set(ScenarioLibrary.all.map(\.name)).isDisjoint(with: Self.names))
        #expect(Self.names.count == 7)
        for s in ScenarioLibrary.calibrationSuite {
            #expect(ScenarioLibrary.named(s.name) == s)
            #expect(s.imuErrors && s.problems.isEmpty, "\(s.name)")
        }
        #expect(ScenarioLibrary.named("upside-down-seated")?.mounting == .upsideDown)
        #expect(ScenarioLibrary.named("seated-start-left")?.side == .left)
        #expect(Set(ScenarioLibrary.calibrationSuite.map(\.device)).count >= 5)
    }
}
