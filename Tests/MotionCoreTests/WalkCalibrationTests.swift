import MotionCore
import Testing

/// The calibration walk as transcripts (the gait tracker's synthetic thigh motion): a still stand,
/// a walk of known strides, a still stand in; what the calibration says out — and each rule probed
/// just inside and just outside: 19 and 20 strides, strides of 0.5 and 3.0 m and beyond, and the
/// share of the strides that may be running.
@Suite struct WalkCalibrationTests {
    typealias Segment = GaitTrackerTests.Segment

    /// The actions (strides counted, not listed) and the machine at the end.
    static func transcript(_ segments: [Segment], distance: Double) -> (lines: [String], calibration: WalkCalibration) {
        var c = WalkCalibration(distance: distance)
        var lines: [String] = []
        for s in GaitTrackerTests.samples(segments) {
            switch c.update(s) {
            case .none, .stride: break
            case .walkStarted(let t): lines.append("walk started \(Int((t * 10).rounded()) / 10)")
            case .finished: lines.append("finished \(Int((s.time * 10).rounded()) / 10)")
            }
        }
        return (lines, c)
    }

    @Test func aWalkOfTwentyStridesGivesDistanceOverTwenty() {
        let (lines, c) = Self.transcript([.rest(3), .walk(strides: 20, cadence: 110), .rest(6)], distance: 28)
        // Gait confirmed at the walk's start; still about a second after it ends (24.8 s), finished
        // three seconds into that stillness.
        #expect(lines.count == 2 && lines.first == "walk started 3", "\(lines)")
        #expect(c.isFinished)
        #expect(c.result == .stride(1.4, strides: 20, seconds: c.result.seconds))
        // Twenty strides at 110 steps a minute (two steps a stride), s. Typed: the literal
        // arithmetic inside #expect took the type checker 8.7 s.
        let walked: Double = 20 * 120 / 110
        #expect(abs(c.result.seconds - walked) < 0.05 * walked)
    }

    @Test func itIsNotFinishedBeforeThreeSecondsOfStillness() {
        let (lines, c) = Self.transcript([.rest(3), .walk(strides: 20, cadence: 110), .rest(3)], distance: 28)
        #expect(lines == ["walk started 3"])
        #expect(!c.isFinished)
        // A file ends there: the stride is what it walked.
        #expect(c.result == .stride(1.4, strides: 20, seconds: c.result.seconds))
    }

    @Test func nineteenStridesAreTooFewAndTwentyEnough() {
        let short = Self.transcript([.rest(3), .walk(strides: 19, cadence: 110), .rest(5)], distance: 26.6).calibration
        #expect(short.result == .failed(.tooShort(strides: 19, needed: 20)))
        let enough = Self.transcript([.rest(3), .walk(strides: 20, cadence: 110), .rest(5)], distance: 28).calibration
        #expect(enough.walkingStrides == 20)
    }

    @Test(arguments: [(10.0, true), (9.9, false), (60.0, true), (60.2, false)])
    func strideOutsideHalfAMetreToThreeMetresIsRefused(distance: Double, accepted: Bool) {
        let c = Self.transcript([.rest(3), .walk(strides: 20, cadence: 110), .rest(5)], distance: distance).calibration
        if accepted {
            #expect(c.result == .stride(distance / 20, strides: 20, seconds: c.result.seconds))
        } else {
            #expect(c.result == .failed(.implausibleStride(distance / 20, strides: 20)))
        }
    }

    @Test func noGaitIsNoWalk() {
        let c = Self.transcript([.rest(3), .move(by: 60, over: 2), .rest(3), .move(by: -60, over: 2), .rest(5)], distance: 100).calibration
        #expect(c.result == .failed(.noWalk))
        #expect(!c.isFinished)
    }

    /// Walking, then a few running strides (0.6 s: 200 steps/min): up to 10 % of the strides may
    /// be other gait.
    @Test(arguments: [(3, true), (4, false)])
    func aFewRunningStridesAreAllowedAndMoreAreNotALevelWalk(running: Int, accepted: Bool) {
        let periods = Array(repeating: 1.0, count: 26) + Array(repeating: 0.8, count: 2) + Array(repeating: 0.6, count: running)
        let c = Self.transcript([.rest(3), .swings(periods: periods), .rest(5)], distance: 40).calibration
        switch c.result {
        case .stride(_, let strides, _):
            // 28 walking strides and 3 running: 9.7 % other gait; all 31 covered the distance.
            #expect(accepted, "accepted with \(strides) strides")
            #expect(c.walkingStrides == 28 && c.result == .stride(40.0 / 31, strides: 31, seconds: c.result.seconds))
        case .failed(.notLevel(let walking, let stairs, let running)):
            // 28 walking strides and 4 running: 12.5 %.
            #expect(!accepted, "refused: \(walking) walking, \(running) running")
            #expect(walking == 28 && running == 4 && stairs == 0)
            #expect(Double(running + stairs) > 0.1 * Double(walking + running + stairs))
        case .failed(let other):
            Issue.record("\(other)")
        }
    }
}

extension WalkCalibration.Result {
    /// The seconds in gait of a stride (0 for a failure), for comparing the other fields exactly.
    var seconds: Double {
        if case .stride(_, _, let s) = self { return s }
        return 0
    }
}
