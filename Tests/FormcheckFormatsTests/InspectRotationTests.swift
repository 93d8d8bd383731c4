import FormcheckFormats
import Foundation
import MotionCore
import Testing

/// `inspect`'s rotation figure: the gyroscope integrated from first to last sample with the bias
/// of the file's still periods removed.
@Suite struct InspectRotationTests {
    static let bias = Vector3(0.02, -0.01, 0.03)  // rad/s (1.1, -0.6, 1.7 °/s)

    /// 100 Hz: 2 s still and flat, a 90° turn about x in 1 s (rate π·sin²(πt), so it starts and
    /// ends at rest), 2 s still; the gyroscope reads the true rate plus `bias`.
    static func session() -> [UInt8] {
        var text = "t,ax,ay,az,gx,gy,gz\n"
        for i in 0..<500 {
            let t = Double(i) * 0.01
            var angle = 0.0, rate = 0.0
            if t >= 2 && t < 3 {
                let u = t - 2
                rate = .pi * pow(sin(.pi * u), 2)
                angle = .pi / 2 * (u - sin(2 * .pi * u) / (2 * .pi))
            } else if t >= 3 {
                angle = .pi / 2
            }
            let a = Vector3(0, 9.81 * sin(angle), 9.81 * cos(angle))
            let w = Vector3(rate, 0, 0) + bias
            text += "\(t),\(a.x),\(a.y),\(a.z),\(w.x),\(w.y),\(w.z)\n"
        }
        return Array(text.utf8)
    }

    @Test func biasOfTheRestsIsRemoved() throws {
        let summary = try RecordingSummary(recording: Recording(bytes: Self.session(), path: "turn.csv", units: .si))
        let estimate = try #require(summary.gyroBias, "the still periods give a bias")
        // The rests reach into the slow start and end of the turn (the detector allows 2 °/s of
        // motion), so the mean rate is not the bias exactly: within 0.05 °/s, which over these 5 s
        // keeps the rotation within 0.25°.
        #expect((estimate.bias - Self.bias).norm < 0.05 * .pi / 180, "\(estimate.bias)")
        #expect(estimate.rests == 2)
        #expect(estimate.restSeconds > 3 && estimate.restSeconds < 5)
        #expect(abs(summary.rotation.angle.degrees - 90) < 0.25, "\(summary.rotation.angle.degrees)°")
        let axis = summary.rotation.axis
        #expect(abs(abs(axis.x) - 1) < 1e-3)
        // Left in, 5 s of a 0.037 rad/s bias turn it by about 10° more.
        #expect(abs(summary.rotationWithBias.angle.degrees - 90) > 5)
    }

    @Test func withoutARestNothingIsRemoved() throws {
        // Only the turn: no still second to take a bias from.
        let text = String(decoding: Self.session(), as: UTF8.self).split(separator: "\n")
        let turn = ([String(text[0])] + text[201...300].map(String.init)).joined(separator: "\n") + "\n"
        let summary = try RecordingSummary(recording: Recording(bytes: Array(turn.utf8), path: "turn.csv", units: .si))
        #expect(summary.gyroBias == nil)
        #expect(summary.rotation == summary.rotationWithBias)
    }
}
