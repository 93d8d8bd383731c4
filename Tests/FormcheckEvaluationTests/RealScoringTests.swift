import FormcheckEvaluation
import MotionCore
import Testing

/// The scoring rules on made-up angle series whose medians are known exactly.
@Suite struct RealScoringTests {
    /// 100 Hz angles from `start` to `end` (seconds since the first sample): `inside` over the rest
    /// 10–12 s less 0.3 s at each end, `outside` everywhere else (so a wrong trim shows).
    static func series(inside: [Double], outside: Double, from start: Double = 0, to end: Double = 20) -> [HipAngleSample] {
        var out: [HipAngleSample] = []
        var k = 0
        var t = start
        while t < end {
            let f: Double
            if t >= 10.3 - 1e-9 && t < 11.7 - 1e-9 {
                f = inside[k % inside.count]
                k += 1
            } else {
                f = outside
            }
            out.append(HipAngleSample(time: t, angles: HipAngles(flexion: f, adduction: 0)))
            t = (t * 100 + 1).rounded() / 100
        }
        return out
    }

    static let seatedRest = RealTruth.Segment(label: "sitting", start: 10, end: 12, referenceFlexion: 90, still: true)

    static func truth(_ segments: [RealTruth.Segment], steps: RealTruth.StepsReference? = nil) -> RealTruth {
        RealTruth(segments: segments, sensor: .init(side: .right), participant: .init(id: "p"), stepsReference: steps)
    }

    @Test func medianOfOddAndEvenCounts() {
        #expect(RealEvaluation.median([]) == nil)
        #expect(RealEvaluation.median([3, 1, 2]) == 2)
        #expect(RealEvaluation.median([4, 1, 3, 2]) == 2.5)
    }

    @Test func theMedianLeavesOutTheEndsOfTheRest() {
        // 140 samples in 10.3–11.7 s alternating 95 and 99 (median 97), 0° elsewhere.
        let angles = Self.series(inside: [95, 99], outside: 0)
        #expect(RealEvaluation.flexion(angles, from: 10.3, to: 11.7).count == 140)
        #expect(RealEvaluation.restMedian(angles, Self.seatedRest) == 97)
        // The same angles timed from a first sample at CSV t = 2 s: the rest is 2 s earlier in them.
        let shifted = angles.map { HipAngleSample(time: $0.time - 2, angles: $0.angles) }
        #expect(RealEvaluation.restMedian(shifted, Self.seatedRest, timeOffset: 2) == 97)
    }

    /// Error = |median − reference|: 6.9° passes, exactly 7° passes, 7.1° fails, on both sides.
    @Test(arguments: [(96.9, 6.9, true), (97.0, 7.0, true), (97.1, 7.1, false), (83.1, 6.9, true), (82.9, 7.1, false)])
    func withinSevenDegrees(_ median: Double, _ error: Double, _ within: Bool) throws {
        let angles = Self.series(inside: [median], outside: -40)
        let score = RealEvaluation.score(name: "f", truth: Self.truth([Self.seatedRest]), angles: angles, steps: nil)
        let rest = try #require(score.rests.first)
        #expect(score.rests.count == 1)
        #expect(rest.median == median)
        #expect(abs(try #require(rest.error) - error) < 1e-9)
        #expect(rest.withinTolerance == within)
        #expect(score.restsWithin == (within ? 1 : 0))
        #expect(!rest.signError)
        #expect(abs(try #require(score.medianError) - error) < 1e-9)
    }

    @Test func onlyStillRestsOfAtLeastOneAndAHalfSecondsAreScored() {
        let t = Self.truth([
            .init(label: "sitting", start: 0, end: 1.49, referenceFlexion: 90, still: true),
            .init(label: "sitting", start: 2, end: 3.5, referenceFlexion: 88, still: true),
            .init(label: "standing", start: 4, end: 9, referenceFlexion: 3, still: false),
            .init(label: "walking", start: 9, end: 20),
        ])
        #expect(RealEvaluation.scoredRests(t).map(\.referenceFlexion) == [88])
    }

    @Test(arguments: [
        // (median, reference, sign error)
        (15.0, 80.0, true),     // sitting read as upright
        (-10.0, 80.0, true),    // sitting read as extension
        (25.0, 80.0, false),    // far off but the right sense
        (150.0, 80.0, true),    // beyond what a hip flexes: wrapped or inverted
        (170.0, 3.0, true),     // standing read as about 180°
        (-50.0, 3.0, true),     // standing read as extended beyond −30°
        (49.0, 3.0, true),      // standing read as flexed (46° off)
        (47.0, 3.0, false),     // 44° off: wrong, not inverted
        (-25.0, 3.0, false),
        (60.0, 26.9, false),    // a pocket phone that did not follow the thigh (reference 26.9°)
        (-20.0, 26.9, true),    // 46.9° below it
    ])
    func signErrors(_ median: Double, _ reference: Double, _ expected: Bool) {
        #expect(RealEvaluation.isSignError(median: median, reference: reference) == expected)
        let rest = RestScore(label: "r", start: 0, end: 2, reference: reference, median: median)
        #expect(rest.signError == expected)
    }

    @Test func aSignErrorIsCountedPerFileAndOverall() {
        let angles = Self.series(inside: [-12], outside: 0)
        let score = RealEvaluation.score(name: "f", truth: Self.truth([Self.seatedRest]), angles: angles, steps: nil)
        #expect(score.signErrors == 1)
        #expect(score.rests[0].error == 102)
        let report = RealReport(mode: .live, files: [score])
        #expect(report.overall.signErrors == 1)
        #expect(report.targets.map(\.met) == [true, false, false, false])
    }

    @Test func seatedAboveUprightComparesWithTheWalking() {
        let t = Self.truth([
            .init(label: "walking", start: 0, end: 9.5),
            Self.seatedRest,
            .init(label: "WALKING", start: 12, end: 20),
        ])
        // Walking reads 5°: the rest at 50° is 45° above it, at least half its 90° reference.
        let above = RealEvaluation.score(name: "f", truth: t, angles: Self.series(inside: [50], outside: 5), steps: nil)
        #expect(above.upright == 5)
        #expect(above.rests[0].aboveUpright == 45)
        #expect(above.rests[0].clearlyAboveUpright)
        let below = RealEvaluation.score(name: "f", truth: t, angles: Self.series(inside: [44], outside: 5), steps: nil)
        #expect(below.rests[0].aboveUpright == 39)
        #expect(!below.rests[0].clearlyAboveUpright)
        let group = GroupSummary(name: "all", files: [above, below])
        #expect(group.flexedRests == 2 && group.flexedRestsAboveUpright == 1)
    }

    @Test func withoutWalkingTheStillStandingRestsAreUpright() {
        let t = Self.truth([
            .init(label: "standing", start: 2, end: 9, referenceFlexion: 2, still: true),
            Self.seatedRest,
        ])
        let s = RealEvaluation.score(name: "f", truth: t, angles: Self.series(inside: [90], outside: -3), steps: nil)
        #expect(s.upright == -3)
        #expect(s.rests.map(\.median) == [-3, 90])
        #expect(s.rests[1].aboveUpright == 93)
    }

    @Test func aRefusedFileCountsItsRestsAsMissed() {
        let t = Self.truth([Self.seatedRest], steps: .init(scoreAgainst: .totalSteps, totalSteps: 80, allGaitSteps: 80))
        let s = RealEvaluation.score(name: "f", truth: t, angles: [], refused: "never calibrated", steps: nil)
        #expect(s.refused == "never calibrated")
        #expect(s.rests.count == 1 && s.rests[0].median == nil && !s.rests[0].withinTolerance && !s.rests[0].signError)
        #expect(s.steps.passes == false)
        let ok = RealEvaluation.score(name: "g", truth: t, angles: Self.series(inside: [91], outside: 0), steps: 82)
        let report = RealReport(mode: .live, files: [s, ok])
        #expect(report.overall.filesRefused == 1)
        #expect(report.overall.rests == 2 && report.overall.restsWithin == 1 && report.overall.fractionWithin == 0.5)
        #expect(report.overall.stepFiles == 2 && report.overall.stepFilesPassing == 1)
        #expect(report.targets[0].measured == "1 of 2 refused" && !report.targets[0].met)
        #expect(report.targets[1].measured == "1 of 2 (50.0 %)")
        #expect(!report.targetsMet)
        #expect(report.text.contains("never calibrated"))
    }

    @Test(arguments: [
        // (reference, counted, passes): max(3, 5 %)
        (100, 105, true), (100, 95, true), (100, 106, false), (100, 94, false),
        (40, 43, true), (40, 37, true), (40, 44, false), (200, 210, true), (200, 211, false),
    ])
    func stepsWithinFivePercentOrThree(_ reference: Int, _ counted: Int, _ passes: Bool) {
        let s = StepScore(reference: reference, noGait: false, counted: counted)
        #expect(s.passes == passes)
    }

    @Test func stepsWithoutGaitPassFromZeroToTwo() {
        #expect(StepScore(reference: nil, noGait: true, counted: 0).passes == true)
        #expect(StepScore(reference: nil, noGait: true, counted: 2).passes == true)
        #expect(StepScore(reference: nil, noGait: true, counted: 3).passes == false)
        #expect(StepScore(reference: nil, noGait: true, counted: nil).passes == false)
        // Gait nobody counted (the pocket files): not scored.
        let unreferenced = StepScore(reference: nil, noGait: false, counted: 12)
        #expect(unreferenced.passes == nil && !unreferenced.scored)
    }

    @Test func aFileWithoutGaitOrStepReferenceIsANoGaitFile() {
        let noGait = RealEvaluation.score(name: "f", truth: Self.truth([Self.seatedRest]), angles: [], steps: 1)
        #expect(noGait.steps.noGait && noGait.steps.passes == true)
        let gait = RealEvaluation.score(name: "f", truth: Self.truth([.init(label: "TURNING", start: 0, end: 1)]), angles: [], steps: 1)
        #expect(!gait.steps.noGait && gait.steps.passes == nil)
    }

    /// Counts every tenth sample as a step and a gap as 100 steps: shows what it was fed.
    struct TenthCounter: SampleStepCounter {
        var samples = 0
        var gaps = 0
        mutating func update(_ s: IMUSample) -> Bool {
            samples += 1
            return samples % 10 == 0
        }
        mutating func gapOccurred() { gaps += 1 }
        var steps: Int { samples / 10 + 100 * gaps }
    }

    @Test func aSampleStepCounterIsFedTheWholeFile() {
        let sample = IMUSample(time: 0, acceleration: Vector3(0, 0, 9.81), angularVelocity: .zero)
        let readings = Array(repeating: SensorReading.sample(sample), count: 25) + [.gap(SampleGap(reason: .synDropped, after: 0))]
            + Array(repeating: SensorReading.sample(sample), count: 10)
        let count = RealEvaluation.stepCounter(TenthCounter.self)
        #expect(count(readings, []) == 103)
        #expect(count([], []) == nil)
    }
}
