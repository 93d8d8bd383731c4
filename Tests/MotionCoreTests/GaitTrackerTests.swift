import MotionCore
import Testing

/// The gait tracker as transcripts: synthetic thigh motion in (the sensor strapped at an odd angle,
/// sampled at 100 Hz), what the tracker says out — and each rule's threshold probed just inside and
/// just outside.
@Suite struct GaitTrackerTests {
    /// One stretch of synthetic motion. The thigh rotates about the world's horizontal y axis by
    /// `angle(t)` degrees; the body bobs vertically by `bob(t)` m/s² (heel strikes, pelvis).
    struct Segment {
        var duration: Double
        var angle: (Double) -> Double
        var bob: (Double) -> Double = { _ in 0 }

        static func rest(_ seconds: Double, at angle: Double = 0) -> Segment {
            Segment(duration: seconds, angle: { _ in angle })
        }

        /// `strides` strides from and back to 0°: a swing of `range` degrees per stride at
        /// `cadence` steps/min, and a bob of `jolt` m/s² at the step frequency.
        static func walk(strides: Int, cadence: Double, range: Double = 40, jolt: Double = 2) -> Segment {
            let f = cadence / 120
            return Segment(duration: Double(strides) / f,
                           angle: { t in range / 2 * (1 - (Double.twoPi * f * t).cosine) },
                           bob: { t in jolt * (Double.twoPi * 2 * f * t).sine })
        }

        /// Swings whose stride periods are given one by one (seconds).
        static func swings(periods: [Double], range: Double = 40, jolt: Double = 2) -> Segment {
            let starts = periods.indices.map { periods[..<$0].reduce(0, +) }
            return Segment(duration: periods.reduce(0, +), angle: { t in
                let i = starts.lastIndex { $0 <= t } ?? 0
                return range / 2 * (1 - (Double.twoPi * (t - starts[i]) / periods[i]).cosine)
            }, bob: { t in
                let i = starts.lastIndex { $0 <= t } ?? 0
                return jolt * (Double.twoPi * 2 * (t - starts[i]) / periods[i]).sine
            })
        }

        /// A single smooth rotation by `degrees` over `seconds` (minimum jerk), e.g. sit-to-stand.
        static func move(by degrees: Double, from start: Double = 0, over seconds: Double) -> Segment {
            Segment(duration: seconds, angle: { t in
                let u = min(max(t / seconds, 0), 1)
                return start + degrees * (10 * u * u * u - 15 * u * u * u * u + 6 * u * u * u * u * u)
            })
        }
    }

    /// An odd strap orientation: no sensor axis along the swing axis or the vertical.
    static let mounting = Quaternion(axis: Vector3(0.3, -0.8, 0.5).normalized, angle: 2.1)

    /// The samples of `segments`, 100 Hz, angular rate by central differences.
    static func samples(_ segments: [Segment], rate: Double = 100) -> [IMUSample] {
        var out: [IMUSample] = []
        var offset = 0.0
        let dt = 1 / rate
        for seg in segments {
            var t = 0.0
            while t < seg.duration - dt / 2 {
                let h = 1e-4
                let w = (seg.angle(t + h) - seg.angle(t - h)).radians / (2 * h)
                let thigh = Quaternion(axis: .unitY, angle: seg.angle(t).radians)
                let sensor = thigh * mounting
                let force = sensor.conjugate.rotate(Vector3(0, 0, 9.81 + seg.bob(t)))
                let rate = mounting.conjugate.rotate(Vector3(0, w, 0))
                out.append(IMUSample(time: offset + t, acceleration: force, angularVelocity: rate))
                t += dt
            }
            offset += seg.duration
        }
        return out
    }

    /// The tracker's actions, without the strides (counted), as short lines: `still 0.0`,
    /// `other 3.0`, `started walking 3`, `ended walking 20`, `switched walking 10 → running 2`.
    static func transcript(_ segments: [Segment], parameters: GaitTracker.Parameters = .init())
        -> (lines: [String], strides: Int, tracker: GaitTracker) {
        var tracker = GaitTracker(parameters: parameters)
        var lines: [String] = []
        var strides = 0
        for s in samples(segments) {
            switch tracker.update(s) {
            case .none: break
            case .activityChanged(let a, let since): lines.append("\(a.rawValue) \(Int((since * 10).rounded()) / 10)")
            case .boutStarted(let b): lines.append("started \(b.activity.rawValue) \(b.strides)")
            case .stride: strides += 1
            case .boutSwitched(let e, let s): lines.append("switched \(e.activity.rawValue) \(e.strides) → \(s.activity.rawValue) \(s.strides)")
            case .boutEnded(let b): lines.append("ended \(b.activity.rawValue) \(b.strides)")
            }
        }
        return (lines, strides, tracker)
    }

    @Test(arguments: [(70.0, 25.0), (84, 40), (112, 40), (140, 50), (112, 60), (100, 15)])
    func walkingAtSeveralCadencesAndStrideLengths(_ cadence: Double, _ range: Double) {
        let (lines, strides, tracker) = Self.transcript([.rest(3), .walk(strides: 20, cadence: cadence, range: range), .rest(4)])
        // Still from the start, moving when the walk starts, gait confirmed by 3 swings, every one
        // of the 20 strides counted, the bout over when the next stride is overdue, then still.
        #expect(lines.count == 5 && lines.prefix(4) == ["still 0", "other 3", "started walking 3", "ended walking 20"],
                "\(cadence)/min \(range)°: \(lines)")
        #expect(lines.last?.hasPrefix("still") == true)
        #expect(strides == 17)
        #expect(tracker.steps == 40)
        #expect(abs(tracker.cadence! - cadence) < 1, "\(tracker.cadence!) vs \(cadence)")
        #expect(abs(tracker.walkingSeconds - 20 * 120 / cadence) < 0.05 * 20 * 120 / cadence)
        // The swing axis's sign is arbitrary: the counted extremes are the peaks of flexion or
        // of extension, so the bout runs from the walk's first half-stride to its last.
        let bout = tracker.bouts[0]
        let period = 120 / cadence
        #expect(bout.start >= 3 - 0.05 && bout.start <= 3 + period / 2 + 0.05, "\(bout)")
        #expect(bout.end >= 3 + 19 * period - 0.05 && bout.end <= 3 + 20 * period + 0.05, "\(bout)")
        #expect(tracker.distanceMeters == nil)
        #expect(tracker.activity == .still)
    }

    @Test func runningIsRunning() {
        let (lines, _, tracker) = Self.transcript([.rest(2), .walk(strides: 20, cadence: 180, range: 60, jolt: 5), .rest(3)])
        #expect(lines.prefix(4) == ["still 0", "other 2", "started running 3", "ended running 20"])
        #expect(tracker.steps == 40)
    }

    /// Walking, then faster, then running: the bout switches once two strides of running came.
    @Test func walkingThenRunningSwitchesTheBout() {
        let periods = Array(repeating: 1.0, count: 10) + Array(repeating: 0.8, count: 2) + Array(repeating: 0.6, count: 10)
        let (lines, _, tracker) = Self.transcript([.rest(2), .swings(periods: periods), .rest(3)])
        #expect(lines.prefix(5) == ["still 0", "other 2", "started walking 3", "switched walking 12 → running 2", "ended running 10"])
        #expect(tracker.steps == 44)
        #expect(tracker.bouts.map(\.activity) == [.walking, .running])
    }

    @Test func sitToStandIsNotGait() {
        // Seated (thigh at 90°), stand up in 1.5 s, stand, sit down, sit.
        let (lines, strides, tracker) = Self.transcript([.rest(3, at: 90), .move(by: -90, from: 90, over: 1.5), .rest(3),
                                                         .move(by: 90, over: 1.5), .rest(3, at: 90)])
        #expect(lines == ["still 0", "other 3", "still 5.1", "other 7.6", "still 9.6"] || !lines.contains { $0.hasPrefix("started") },
                "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("started") })
        #expect(strides == 0 && tracker.steps == 0 && tracker.bouts.isEmpty)
    }

    @Test func slowExerciseRepsAreNotGait() {
        // Five knee raises to 60° and back, 4 s each, with jolts: periodic, but slower than any gait.
        let (lines, _, tracker) = Self.transcript([.rest(2), .walk(strides: 5, cadence: 30, range: 60), .rest(3)])
        #expect(!lines.contains { $0.hasPrefix("started") }, "\(lines)")
        #expect(tracker.steps == 0)
    }

    @Test func smoothRepsWithoutJoltsAreNotGait() {
        // Gait-like rhythm and range, but no heel strikes: leg swings lying down, or bouncing.
        let (_, _, tracker) = Self.transcript([.rest(2), .walk(strides: 10, cadence: 112, range: 40, jolt: 0), .rest(3)])
        #expect(tracker.steps == 0 && tracker.bouts.isEmpty)
    }

    @Test func restIsStillAndCountsNothing() {
        let (lines, _, tracker) = Self.transcript([.rest(10, at: 5)])
        #expect(lines == ["still 0"])
        #expect(tracker.steps == 0 && tracker.cadence == nil && tracker.walkingSeconds == 0)
    }

    // MARK: each rule just inside and just outside its threshold

    @Test func threeSwingsConfirmGaitTwoDoNot() {
        #expect(Self.transcript([.rest(2), .walk(strides: 3, cadence: 100), .rest(3)]).tracker.steps == 6)
        #expect(Self.transcript([.rest(2), .walk(strides: 2, cadence: 100), .rest(3)]).tracker.steps == 0)
    }

    @Test func strideRangeAtLeastEightDegrees() {
        // 11° and 7°: a walk's last peak is confirmed by the thigh's return to rest, through the
        // integrator's leak, which needs a few degrees more than the 8° the rule asks of a stride.
        #expect(Self.transcript([.rest(2), .walk(strides: 8, cadence: 100, range: 11), .rest(3)]).tracker.steps == 16)
        #expect(Self.transcript([.rest(2), .walk(strides: 8, cadence: 100, range: 9), .rest(3)]).tracker.steps >= 14)
        #expect(Self.transcript([.rest(2), .walk(strides: 8, cadence: 100, range: 7), .rest(3)]).tracker.steps == 0)
    }

    @Test func strideJoltsAtLeastTwoMetresPerSecondSquared() {
        // The bob's amplitude is half the range of |specific force|.
        #expect(Self.transcript([.rest(2), .walk(strides: 8, cadence: 100, jolt: 1.1), .rest(3)]).tracker.steps == 16)
        #expect(Self.transcript([.rest(2), .walk(strides: 8, cadence: 100, jolt: 0.9), .rest(3)]).tracker.steps == 0)
    }

    @Test func stridePeriodUpToTwoPointTwoSeconds() {
        #expect(Self.transcript([.rest(2), .swings(periods: Array(repeating: 2.1, count: 6)), .rest(5)]).tracker.steps == 12)
        #expect(Self.transcript([.rest(2), .swings(periods: Array(repeating: 2.3, count: 6)), .rest(5)]).tracker.steps == 0)
    }

    @Test func stridePeriodDownToZeroPointFourSeconds() {
        #expect(Self.transcript([.rest(2), .swings(periods: Array(repeating: 0.42, count: 8), jolt: 5), .rest(3)]).tracker.steps == 16)
        #expect(Self.transcript([.rest(2), .swings(periods: Array(repeating: 0.37, count: 8), jolt: 5), .rest(3)]).tracker.steps == 0)
    }

    @Test func periodRatioUpToOnePointFiveKeepsTheBout() {
        // Five strides of 1.0 s then five of 1.45 s: one bout; of 1.55 s: the rhythm breaks, and the
        // slower strides confirm a bout of their own (all strides counted either way).
        let kept = Self.transcript([.rest(2), .swings(periods: Array(repeating: 1.0, count: 5) + Array(repeating: 1.45, count: 5)), .rest(5)])
        #expect(kept.tracker.bouts.count == 1 && kept.tracker.steps == 20)
        let broken = Self.transcript([.rest(2), .swings(periods: Array(repeating: 1.0, count: 5) + Array(repeating: 1.55, count: 5)), .rest(5)])
        #expect(broken.tracker.bouts.map(\.strides) == [5, 5], "\(broken.lines)")
    }

    @Test func runningFromOneHundredAndSixtyFiveStepsPerMinute() {
        #expect(Self.transcript([.rest(2), .walk(strides: 10, cadence: 160), .rest(3)]).tracker.bouts.map(\.activity) == [.walking])
        #expect(Self.transcript([.rest(2), .walk(strides: 10, cadence: 170), .rest(3)]).tracker.bouts.map(\.activity) == [.running])
    }

    @Test func aGapEndsTheBout() {
        var tracker = GaitTracker()
        let samples = Self.samples([.rest(2), .walk(strides: 10, cadence: 100)])
        for s in samples.prefix(samples.count / 2) { _ = tracker.update(s) }
        #expect(tracker.activity == .walking)
        guard case .boutEnded(let bout) = tracker.gapOccurred() else {
            Issue.record("no bout ended")
            return
        }
        #expect(bout.strides >= 3 && tracker.activity == .other)
        #expect(tracker.gapOccurred() == .none)
    }

    @Test func distanceFromThePendulumModel() {
        var parameters = GaitTracker.Parameters()
        parameters.legLength = 0.9
        let (_, _, tracker) = Self.transcript([.rest(2), .walk(strides: 20, cadence: 110, range: 40), .rest(3)], parameters: parameters)
        // 20 strides of 4 × 0.9 m × sin 20° = 1.231 m.
        let expected = 20 * StrideLengthModel.strideLength(thighRange: 40, legLength: 0.9)
        #expect(abs(expected - 24.63) < 0.01)
        #expect(abs(tracker.distanceMeters! - expected) < 0.03 * expected, "\(tracker.distanceMeters!) m")
        #expect(abs(StrideLengthModel.legLength(height: 1.70) - 0.901) < 1e-9)
    }
}
