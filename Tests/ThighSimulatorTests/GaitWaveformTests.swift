import MotionCore
import Testing
import ThighSimulator

/// The walking thigh moves like a real one (asserted from the truth each scenario writes): it
/// flexes fast through swing and extends slowly through stance, peaks near its own heel strike,
/// and its heel strikes, both legs', are where the truth lists them.
@Suite struct GaitWaveformTests {
    /// Walks from a stop (stride phase 0) and walks under way from stride phases 0.3 and 0.6.
    static let names = ["walk-brisk", "walk-slow", "start-mid-walk", "no-rest"]

    static let rendered: [String: ScenarioRenderer.Rendering] = {
        var out: [String: ScenarioRenderer.Rendering] = [:]
        for name in names {
            var s = ScenarioLibrary.named(name)!
            s.imuErrors = false
            out[name] = ScenarioRenderer(s).render()
        }
        return out
    }()

    /// One full stride of the truth's flexion series: own heel strike to own heel strike.
    struct Stride {
        var start: Double
        var end: Double
        var t: [Double]
        var flexion: [Double]
    }

    /// Whether t is in a walk's full swing: 1 s in (past any ramp-in) and 1 s before its end (the ramp-out).
    static func steady(_ walk: ScenarioTruth.Walk) -> (Double) -> Bool {
        { $0 >= walk.start + 1 && $0 <= walk.end - 1 }
    }

    /// Every stride between consecutive own heel strikes of a walk's full swing.
    static func strides(_ truth: ScenarioTruth, _ walk: ScenarioTruth.Walk) -> [Stride] {
        let own = walk.sensorLegStrikes.filter(steady(walk))
        return zip(own, own.dropFirst()).map { a, b in
            let idx = truth.angles.t.indices.filter { truth.angles.t[$0] >= a && truth.angles.t[$0] < b }
            return Stride(start: a, end: b, t: idx.map { truth.angles.t[$0] }, flexion: idx.map { truth.angles.flexion[$0] })
        }
    }

    @Test(arguments: names)
    func theThighFlexesFastAndExtendsSlowly(_ name: String) throws {
        let truth = try #require(Self.rendered[name]).truth
        let walk = try #require(truth.walks.first)
        let strides = Self.strides(truth, walk)
        #expect(strides.count >= 15, "\(name): \(strides.count) full strides")
        for s in strides {
            let n = s.flexion.count
            #expect(n > 40)
            // Share of the stride spent flexing (samples whose flexion rises to the next one,
            // the stride closed on itself: it is periodic).
            let rising = (0..<n).filter { s.flexion[($0 + 1) % n] > s.flexion[$0] }.count
            let share = Double(rising) / Double(n)
            #expect(share >= 0.35 && share <= 0.45, "\(name) stride at \(s.start): flexing \(share)")
            let top = try #require(s.flexion.max())
            let bottom = try #require(s.flexion.min())
            #expect(top >= 23 && top <= 27, "\(name): maximum flexion \(top)°")
            #expect(bottom >= -16 && bottom <= -8, "\(name): minimum flexion \(bottom)°")
            // Mean inclination about +5°, range 35…40°.
            let mean = s.flexion.reduce(0, +) / Double(n)
            #expect(abs(mean - 5) < 1, "\(name): mean \(mean)°")
            #expect(top - bottom >= 35 && top - bottom <= 40)
            // The maximum within 10 % of a stride of the own heel strike (the one that ends the stride).
            let period = s.end - s.start
            let peak = s.t[try #require(s.flexion.firstIndex(of: top))]
            #expect(min(peak - s.start, s.end - peak) / period < 0.1, "\(name): peak \(peak) in [\(s.start), \(s.end))")
            // The minimum in late stance, before the other leg's strike and toe-off (0.5…0.6 of the stride).
            let trough = (s.t[try #require(s.flexion.firstIndex(of: bottom))] - s.start) / period
            #expect(trough > 0.45 && trough < 0.62, "\(name): minimum at \(trough) of the stride")
        }
    }

    @Test(arguments: names)
    func heelStrikesAlternateBetweenTheLegs(_ name: String) throws {
        let truth = try #require(Self.rendered[name]).truth
        let walk = try #require(truth.walks.first)
        #expect(walk.sensorLegStrikes.count + walk.otherLegStrikes.count == walk.steps)
        let all = (walk.sensorLegStrikes.map { ($0, true) } + walk.otherLegStrikes.map { ($0, false) }).sorted { $0.0 < $1.0 }
        let stepTime = 60 / walk.cadence
        for (a, b) in zip(all, all.dropFirst()) {
            #expect(a.1 != b.1, "\(name): two strikes of one leg at \(a.0) and \(b.0)")
            #expect(abs(b.0 - a.0 - stepTime) < 0.002)
        }
        #expect(all.first!.0 > walk.start && all.first!.0 <= walk.start + stepTime + 0.001)
        #expect(all.last!.0 <= walk.end && all.last!.0 > walk.end - stepTime - 0.001)
        // In the full swing, the thigh at its own strike is flexed well forward (+20…+25°) and at the
        // other leg's strike extended behind (−16…−8°).
        func flexion(at t: Double) -> Double {
            let i = Int((t * truth.angles.rate).rounded())
            return truth.angles.flexion[i]
        }
        let steady = Self.steady(walk)
        let own = walk.sensorLegStrikes.filter(steady).map(flexion)
        let other = walk.otherLegStrikes.filter(steady).map(flexion)
        #expect(own.count > 10 && other.count > 10)
        #expect(own.allSatisfy { $0 > 20 && $0 < 25 }, "\(name): own strikes at \(own)")
        #expect(other.allSatisfy { $0 > -16 && $0 < -8 }, "\(name): other strikes at \(other)")
    }

    /// The jolts are in the accelerometer at the listed strike times: the sensor's vertical
    /// acceleration (world frame, from the ideal specific force) at each strike stands above the
    /// mean of 20 ms either side (a short second difference, deaf to the step-frequency bob and
    /// the thigh's swing) by about 3 m/s² at its own strike (2.5 mm, σ 25 ms: 4.0 m/s² at the
    /// peak), under a sixth of that at the other leg's (1 mm, σ 35 ms), and not at all between.
    @Test(arguments: ["walk-brisk", "walk-slow"])
    func ownHeelStrikesJoltHarder(_ name: String) throws {
        let r = try #require(Self.rendered[name])
        let walk = try #require(r.truth.walks.first)
        func vertical(_ i: Int) -> Double {
            r.orientations[i].rotate(r.ideal[i].acceleration).z - 9.80665
        }
        func verticalAcceleration(at t: Double) -> Double {
            // Linear between the samples either side of t.
            let i = max(r.sampleTimes.firstIndex { $0 >= t } ?? r.sampleTimes.count - 1, 1)
            let f = (t - r.sampleTimes[i - 1]) / (r.sampleTimes[i] - r.sampleTimes[i - 1])
            return vertical(i - 1) + (vertical(i) - vertical(i - 1)) * f
        }
        func jolt(at t: Double) -> Double {
            verticalAcceleration(at: t) - (verticalAcceleration(at: t - 0.02) + verticalAcceleration(at: t + 0.02)) / 2
        }
        let steady = Self.steady(walk)
        let own = walk.sensorLegStrikes.filter(steady).map(jolt)
        let other = walk.otherLegStrikes.filter(steady).map(jolt)
        #expect(own.count > 20 && other.count > 20)
        #expect(own.allSatisfy { $0 > 2.7 && $0 < 3.3 }, "\(name): own jolts \(own.min()!)…\(own.max()!) m/s²")
        #expect(other.allSatisfy { $0 > 0.2 && $0 < 0.5 }, "\(name): other jolts \(other.min()!)…\(other.max()!) m/s²")
        // Half a step away from any strike there is no jolt.
        let between = (walk.sensorLegStrikes + walk.otherLegStrikes).filter(steady).map { jolt(at: $0 + 30 / walk.cadence) }
        #expect(between.allSatisfy { abs($0) < 0.15 }, "\(name): between strikes \(between.map(abs).max()!) m/s²")
    }
}
