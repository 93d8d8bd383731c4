import FormcheckFormats
import MotionCore
import Testing

/// README claims about evemu headers: a mid-stream recording's first samples take the axes'
/// starting values from evemu-record's `Value` comments, and the 1.2 header layout is read.
@Suite struct EvemuHeaderClaimsTests {
    /// A DualSense header whose comment block gives ABS_Y (code 1) and ABS_RZ (code 5) starting
    /// values, then two frames that report only ABS_X and the timestamp, as the kernel does
    /// mid-stream for axes that did not change.
    static func midStream(valueY: Int, valueRZ: Int) -> String {
        func axis(_ code: Int, _ name: String, _ value: Int, _ range: Int, _ resolution: Int) -> String {
            """
            #     Event code \(code) (\(name))
            #       Value   \(value)
            #       Min     \(-range)
            #       Max     \(range)
            #       Fuzz        16
            #       Flat         0
            #       Resolution \(resolution)

            """
        }
        let accel = 32768, gyro = 2_097_152
        return "# EVEMU 1.3\n# Input device name: \"DualSense Motion Sensors\"\n# Supported events:\n#   Event type 3 (EV_ABS)\n"
            + axis(0, "ABS_X", 0, accel, 8192) + axis(1, "ABS_Y", valueY, accel, 8192) + axis(2, "ABS_Z", 0, accel, 8192)
            + axis(3, "ABS_RX", 0, gyro, 1024) + axis(4, "ABS_RY", 0, gyro, 1024) + axis(5, "ABS_RZ", valueRZ, gyro, 1024)
            + """
            N: DualSense Motion Sensors
            I: 0003 054c 0ce6 8111
            P: 40 00 00 00 00 00 00 00
            B: 00 0b 00 00 00 00 00 00 00
            B: 03 3f 00 00 00 00 00 00 00
            B: 04 20 00 00 00 00 00 00 00
            A: 00 -32768 32768 16 0 8192
            A: 01 -32768 32768 16 0 8192
            A: 02 -32768 32768 16 0 8192
            A: 03 -2097152 2097152 16 0 1024
            A: 04 -2097152 2097152 16 0 1024
            A: 05 -2097152 2097152 16 0 1024
            E: 0.000001 0003 0000 0100
            E: 0.000001 0004 0005 1000
            E: 0.000001 0000 0000 0000
            E: 0.004001 0003 0000 0200
            E: 0.004001 0004 0005 5000
            E: 0.004001 0000 0000 0000

            """
    }

    static func samples(_ text: String) throws -> [IMUSample] {
        let recording = try Recording(bytes: Array(text.utf8), path: "mid-stream.evemu")
        return try recording.readAll().readings.compactMap { if case .sample(let s) = $0 { s } else { nil } }
    }

    @Test func valueCommentsSeedTheAxesAMidStreamRecordingNeverReports() throws {
        let g = 9.80665
        let seeded = try Self.samples(Self.midStream(valueY: 8192, valueRZ: -2048))
        #expect(seeded.count == 2)
        for (s, x) in zip(seeded, [100.0, 200.0]) {
            #expect(abs(s.acceleration.x - x / 8192 * g) < 1e-12)
            #expect(abs(s.acceleration.y - g) < 1e-12)  // 8192 units = 1 g, from the comment only
            #expect(abs(s.angularVelocity.z - (-2.0).radians) < 1e-12)  // −2048 units = −2 °/s
        }
        // Other comment values, other samples: the values come from the comments.
        let other = try Self.samples(Self.midStream(valueY: -4096, valueRZ: 512))
        #expect(other.count == 2)
        #expect(abs(other[0].acceleration.y + g / 2) < 1e-12)
        #expect(abs(other[1].angularVelocity.z - 0.5.radians) < 1e-12)
        #expect(other[0].acceleration.x == seeded[0].acceleration.x)
    }

    /// The 1.2 layout (libevemu 1.2: A: lines with the resolution, no `# Input device` comments)
    /// reads to the same description and samples as the 1.3 file it differs from only in the
    /// version line.
    @Test func readsEvemu12() throws {
        let v13 = Self.midStream(valueY: 0, valueRZ: 0)
        let body = v13.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
        let v12 = "# EVEMU 1.2\n" + body.joined(separator: "\n")
        let reader = try EvemuReader(bytes: Array(v12.utf8), path: "v12.evemu")
        #expect(reader.formatVersion == (1, 2))
        #expect(reader.description.absInfo[0]?.resolution == 8192)
        #expect(reader.description.absInfo[5]?.resolution == 1024)
        let reference = try EvemuReader(bytes: Array(v13.utf8), path: "v13.evemu")
        #expect(reader.description == reference.description)
        #expect(try Self.samples(v12) == Self.samples(v13))
        #expect(try Self.samples(v12).count == 2)
        // libevemu reads the same 1.2 file to the same ranges and resolutions.
        let libevemu = try EvemuReader(bytes: Array(try EvemuCompatibilityTests.libevemuRoundTrip(v12).utf8), path: "libevemu-output")
        #expect(libevemu.description.absInfo.mapValues(\.resolution) == reader.description.absInfo.mapValues(\.resolution))
        #expect(libevemu.description.absInfo.mapValues(\.maximum) == reader.description.absInfo.mapValues(\.maximum))
    }
}
