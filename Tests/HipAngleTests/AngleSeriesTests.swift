import FormcheckDevices
import FormcheckFormats
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
        if case .calibrated(let c)? = pipeline.finish(into: &angles) { calibration = c }
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
        #expect(series.solution?.confidence == .sure)
        // The kept samples get their angles at calibration: every sample from the first one.
        #expect(series.angles.count == readings.filter { if case .sample = $0 { true } else { false } }.count)
        #expect(series.angles.first?.time == 0)
        #expect(abs(Self.meanFlexion(series.angles, from: 10, to: 35) - 35) < 0.5)
        #expect(abs(Self.meanFlexion(series.angles, from: 0.5, to: 3.5)) < 0.5)
    }

    @Test func withoutAPostureTheHoldIsStillThirtyFiveDegreesFromTheRest() throws {
        // No hint: lying flat and standing look alike to one thigh sensor, so the pelvis may be taken
        // as upright; the hip's excursion from the resting pose is the same either way.
        let series = AngleSeries.compute(readings: try Self.readings(), mode: .live, side: .left)
        let rest = Self.meanFlexion(series.angles, from: 0.5, to: 3.5)
        #expect(abs(Self.meanFlexion(series.angles, from: 10, to: 35) - rest - 35) < 0.5)
    }

    @Test func replaySolvesTheMountingFromTheWholeRecordingFirst() throws {
        let readings = try Self.readings()
        let series = AngleSeries.compute(readings: readings, mode: .replay, side: .left, posture: .supine)
        #expect(series.calibration != nil)
        #expect(series.solution?.confidence == .sure)
        // Every sample has angles, from the first one.
        #expect(series.angles.count == readings.filter { if case .sample = $0 { true } else { false } }.count)
        #expect(series.angles.first?.time == 0)
        #expect(abs(Self.meanFlexion(series.angles, from: 10, to: 35) - 35) < 0.5)
        #expect(abs(Self.meanFlexion(series.angles, from: 0.5, to: 3.5)) < 0.5)
    }

    @Test func withoutACalibratingMovementThereAreNoAngles() {
        let still = (0..<500).map { k in
            SensorReading.sample(IMUSample(time: Double(k) / 100, acceleration: Vector3(0, 0, 9.81), angularVelocity: .zero))
        }
        for mode in AngleSeries.Mode.allCases {
            let series = AngleSeries.compute(readings: still, mode: mode, side: .right, posture: .standing)
            #expect(series.angles.isEmpty)
            #expect(series.calibration == nil)
            #expect(series.shortfall == .noMovement)
        }
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
