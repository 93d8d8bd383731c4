import FormcheckDevices
import FormcheckFormats
import MotionCore
import Testing

/// The synthetic recordings in Fixtures/devices come with their ground truth (PROVENANCE.md):
/// what reading them must give.
@Suite struct FixtureTruthTests {
    static func summary(_ name: String) throws -> RecordingSummary {
        try RecordingSummary(recording: Recording(path: Fixtures.device(name)))
    }

    static func samples(_ name: String) throws -> [IMUSample] {
        try Recording(path: Fixtures.device(name)).readAll().readings.compactMap {
            if case .sample(let s) = $0 { s } else { nil }
        }
    }

    @Test func dualSenseRotationGravityAndGap() throws {
        let s = try Self.summary("synthetic-dualsense-usb-pitch90")
        // 1.6 s at 250 Hz = 400 frames, of which frames 210…219 were lost.
        #expect(s.samples == 390)
        #expect(abs(s.medianPeriod! - 0.004) < 1e-9)
        #expect(abs(s.minPeriod! - 0.004) < 1e-9)
        #expect(abs(s.duration - 1.596) < 1e-9)
        // Rest face-up: gravity on +Y; after +90° about +X: gravity on −Z.
        let g0 = try #require(s.gravityAtStart)
        let g1 = try #require(s.gravityAtEnd)
        #expect(abs(g0.y - 9.80665) < 0.05 && abs(g0.x) < 0.05 && abs(g0.z) < 0.05)
        #expect(abs(g1.z + 9.80665) < 0.05 && abs(g1.x) < 0.05 && abs(g1.y) < 0.05)
        // The 90° rotation, integrated from the gyro across the 40 ms gap, within 1°.
        #expect(abs(s.rotation.angle.degrees - 90) < 1)
        #expect(s.rotation.axis.x > 0.999)
        // One SYN_DROPPED; the ten lost frames show as a 44 ms step.
        #expect(s.gaps.count == 1)
        let gap = try #require(s.gaps.first)
        #expect(gap.missingSamples == 10)
        #expect(abs((gap.resumed! - gap.after!) - 0.044) < 1e-9)
        #expect(gap.line == 1205)
        // MSC_TIMESTAMP crosses from positive to negative s32 mid-file: no anomaly, no jump.
        #expect(s.anomalies.isEmpty)
        #expect(abs(s.maxPeriod! - 0.044) < 1e-9)
        // Peak rate of the raised-cosine profile: 225 °/s.
        #expect(abs(s.peakAngularRate.degrees - 225) < 1)
    }

    @Test func dualSenseSamplesAreInSIUnits() throws {
        let first = try #require(try Self.samples("synthetic-dualsense-usb-pitch90").first)
        // First frame: ABS_Y 8193 at 8192/g; ABS_RX −44 at 1024 per °/s.
        #expect(abs(first.acceleration.y - 8193.0 / 8192 * 9.80665) < 1e-12)
        #expect(abs(first.angularVelocity.x - (-44.0 / 1024).radians) < 1e-12)
    }

    @Test func joyConSamplePeriodAndRotation() throws {
        let s = try Self.summary("synthetic-joycon-left-pitch90")
        let samples = try Self.samples("synthetic-joycon-left-pitch90")
        // Three samples per ~15 ms report: every sample 5 ms after the one before, although the
        // driver's MSC_TIMESTAMP steps 5, 5, 20 ms (twice real time).
        #expect(samples.count == 360)
        for i in samples.indices.dropFirst() {
            #expect(abs(samples[i].time - samples[i - 1].time - 0.005) < 1e-9)
        }
        #expect(abs(s.sampleRate! - 200) < 1e-6)
        #expect(s.clockModel == .batchedReports(rate: 2))
        #expect(abs(s.rotation.angle.degrees - 90) < 1)
        #expect(s.rotation.axis.y > 0.999)
        // +Z up at rest, then −X (the 70-unit ABS_X offset shows as 0.17 m/s²).
        let g0 = try #require(s.gravityAtStart)
        #expect(abs(g0.z - 9.80665) < 0.05 && abs(g0.x - 70.0 / 4096 * 9.80665) < 0.02)
        #expect(s.anomalies.isEmpty)
        #expect(s.gaps.isEmpty)
        #expect(abs(s.peakAngularRate.degrees - 240) < 1)
    }

    @Test(arguments: [
        ("dualsense-usb-motion-sensors", 8192.0, 1024.0),
        ("dualsense-bt-motion-sensors", 8192.0, 1024.0),
        ("dualshock4-v2-bt-motion-sensors", 8192.0, 1024.0),
        ("joycon-left-imu", 4096.0, 14247.0),
        ("joycon-right-imu", 4096.0, 14247.0),
        ("steam-deck-motion-sensors", 16384.0, 16.0),
    ])
    func descriptionOnlyFixturesScale(_ name: String, _ perG: Double, _ perDegree: Double) throws {
        let recording = try Recording(path: Fixtures.device(name))
        let d = try #require(recording.description)
        let scale = try SensorScale(for: d, path: recording.path)
        #expect(abs(scale.acceleration.x - 9.80665 / perG) < 1e-15)
        #expect(abs(scale.angularVelocity.z - (1 / perDegree).radians) < 1e-15)
        #expect(try recording.readAll().readings.isEmpty)
    }

    @Test func wiiRemoteIsRefusedWithTheReason() throws {
        let recording = try Recording(path: Fixtures.device("wii-remote-accelerometer"))
        let error = try #require(throws: InputError.self) { try recording.readAll() }
        #expect(error.kind == .notMotionSensor)
        #expect(error.exitStatus == 65)
        #expect(error.message.contains("INPUT_PROP_ACCELEROMETER"))
        #expect(error.message.contains("no resolution"))
        #expect(error.message.contains("ABS_X/ABS_Y/ABS_Z"))
    }

    @Test func clockModelPerDevice() throws {
        func model(_ name: String) throws -> SampleClock.Model {
            SampleClock.Model(for: try #require(try Recording(path: Fixtures.device(name)).description))
        }
        #expect(try model("dualsense-bt-motion-sensors") == .deviceClock)
        #expect(try model("dualshock4-v2-bt-motion-sensors") == .deviceClock)
        #expect(try model("steam-deck-motion-sensors") == .deviceClock)
        #expect(try model("joycon-right-imu") == .batchedReports(rate: 2))
        #expect(try model("wii-remote-accelerometer") == .kernelTime)
    }
}
