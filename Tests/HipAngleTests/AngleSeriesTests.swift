import FormcheckInput
import MotionCore
import Testing

/// `AngleSeries.compute`, the one function behind `formcheck angles` and the evaluations, on a
/// committed simulated session (hamstring stretch held at 35° from 6.2 to 37.6 s, left leg, supine).
@Suite struct AngleSeriesTests {
    static let recording: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/HipAngleTests/<this file>
        return parts.joined(separator: "/") + "/Fixtures/scenarios/hamstring-shallow.evemu"
    }()

    static func readings() throws -> [SensorReading] { try Recording(path: recording).readAll().readings }

    /// The pipeline run by hand, as `angles` did before.
    static func byHand<E: OrientationEstimator>(_ estimator: E, _ readings: [SensorReading]) -> ([HipAngleSample], StrapCalibration?) {
        var pipeline = AnglePipeline(estimator: estimator, posture: .supine, side: .left)
        var angles: [HipAngleSample] = []
        var calibration: StrapCalibration?
        for r in readings {
            if case .calibrated(let c)? = pipeline.consume(r, into: &angles) { calibration = c }
        }
        return (angles, calibration)
    }

    static func meanFlexion(_ angles: [HipAngleSample], from start: Double, to end: Double) -> Double {
        let inside = angles.filter { $0.time >= start && $0.time <= end }.map(\.angles.flexion)
        return inside.reduce(0, +) / Double(inside.count)
    }

    @Test func liveIsTheOrientationFilterThroughTheAnglePipeline() throws {
        let readings = try Self.readings()
        let series = AngleSeries.compute(readings: readings, mode: .live, side: .left, posture: .supine)
        let (angles, calibration) = Self.byHand(OrientationFilter(), readings)
        #expect(series.angles == angles)
        #expect(series.calibration == calibration)
        #expect(series.angles.count > 8000)
        #expect(series.angles.first?.time == 0)
        #expect(abs(Self.meanFlexion(series.angles, from: 10, to: 35) - 35) < 1.5)
        // No posture: the default, supine.
        #expect(AngleSeries.defaultPosture == .supine)
        #expect(AngleSeries.compute(readings: readings, side: .left).angles == angles)
    }

    @Test func replayIsTheSmootherThroughTheAnglePipeline() throws {
        let readings = try Self.readings()
        let series = AngleSeries.compute(readings: readings, mode: .replay, side: .left)
        let (angles, calibration) = Self.byHand(ReplayedOrientations(OrientationSmoother.estimate(readings)), readings)
        #expect(series.angles == angles)
        #expect(series.calibration == calibration)
        #expect(series.calibration != nil)
        #expect(abs(Self.meanFlexion(series.angles, from: 10, to: 35) - 35) < 1.5)
    }

    @Test func withoutACalibratingMovementThereAreNoAngles() {
        let still = (0..<500).map { k in
            SensorReading.sample(IMUSample(time: Double(k) / 100, acceleration: Vector3(0, 0, 9.81), angularVelocity: .zero))
        }
        let series = AngleSeries.compute(readings: still, side: .right, posture: .standing)
        #expect(series.angles.isEmpty)
        #expect(series.calibration == nil)
    }

    @Test func replayedOrientationsKeepTheLastOnePastTheEnd() {
        let a = Quaternion(axis: .unitX, angle: 0.5), b = Quaternion(axis: .unitY, angle: 0.25)
        var replayed = ReplayedOrientations([a, b])
        let s = IMUSample(time: 0, acceleration: .zero, angularVelocity: .zero)
        #expect(replayed.update(s) == a)
        #expect(replayed.update(s) == b)
        #expect(replayed.update(s) == b)
        #expect(replayed.gyroBias == .zero)
    }
}
