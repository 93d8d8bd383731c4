@testable import MotionCore
import Testing

/// The rest detector's exact shortcuts (the window's per-axis extremes) against the rule itself
/// (`RestDetector.scan`: the window's means, then every sample against them), and the rule's
/// thresholds just inside and just outside, as transcripts of synthetic 1 kHz samples.
@Suite struct RestDetectorTests {
    static let g = 9.80665
    static let period = 0.001
    static let tolerance = RestDetector.Parameters().gyroTolerance

    /// A deterministic generator (SplitMix64), uniform in [-1, 1).
    struct Noise {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 52) - 1
        }
    }

    /// Feeds `samples`, comparing the shortcuts' decision with the scan's at every sample once the
    /// window is judged (as `update` judges it); returns the mismatches and how often each
    /// decision came.
    static func compare(_ samples: [IMUSample?], parameters: RestDetector.Parameters = .init()) -> (mismatches: Int, still: Int, moving: Int) {
        var d = RestDetector(parameters: parameters)
        var mismatches = 0, still = 0, moving = 0
        for s in samples {
            guard let s else {
                _ = d.gapOccurred()
                continue
            }
            _ = d.update(s)
            let window = d.currentWindow
            guard window.count >= 3 else { continue }
            let want = RestDetector.scan(window, parameters)
            if d.currentWindowIsStill != want { mismatches += 1 }
            if want { still += 1 } else { moving += 1 }
        }
        return (mismatches, still, moving)
    }

    /// Segments of 0.7 s of noise whose amplitude, per axis, is a fraction of the tolerance —
    /// around where the box's diagonal (still at once), twice the tolerance (moving at once) and
    /// the rule itself decide — on both sensors, with a gap, a sample that is not a number, and the
    /// window's compaction (500 samples a window): every decision the scan's.
    @Test func theShortcutsDecideAsTheScanDoes() {
        var noise = Noise(state: 14)
        let accelTolerance = RestDetector.Parameters().accelerometerTolerance
        var samples: [IMUSample?] = []
        var t = 0.0
        let fractions = [0.1, 0.28, 0.29, 0.3, 0.5, 0.57, 0.58, 0.7, 0.9, 0.99, 1.0, 1.01, 1.1, 1.5, 3]
        for (i, f) in (fractions + fractions.reversed()).enumerated() {
            let gyroOnly = i % 2 == 0
            for _ in 0..<700 {
                let w = Vector3(noise.next(), noise.next(), noise.next()) * (f * Self.tolerance)
                let a = Vector3(noise.next(), noise.next(), noise.next()) * ((gyroOnly ? 0.1 : f) * accelTolerance)
                samples.append(IMUSample(time: t, acceleration: Vector3(0, 0, Self.g) + a, angularVelocity: Vector3(0.01, 0, 0) + w))
                t += Self.period
            }
            if i == 9 { samples.append(nil) }
            if i == 20 {
                samples.append(IMUSample(time: t, acceleration: Vector3(0, 0, .nan), angularVelocity: .zero))
                t += Self.period
            }
        }
        let r = Self.compare(samples)
        #expect(r.mismatches == 0)
        #expect(r.still > 3000 && r.moving > 3000, "\(r)")
        // With a mean-rate limit: a steady turn at the limit's edge, inside and outside.
        var p = RestDetector.Parameters()
        p.maximumMeanRate = 0.05
        var turning: [IMUSample?] = []
        t = 0
        for rate in [0.01, 0.0499, 0.04999999, 0.05, 0.05000001, 0.0501, 0.09] {
            for _ in 0..<700 {
                let w = Vector3(noise.next(), noise.next(), noise.next()) * (0.05 * Self.tolerance)
                turning.append(IMUSample(time: t, acceleration: Vector3(0, 0, Self.g), angularVelocity: Vector3(0, 0, rate) + w))
                t += Self.period
            }
        }
        let q = Self.compare(turning, parameters: p)
        #expect(q.mismatches == 0)
        #expect(q.still > 1000 && q.moving > 1000, "\(q)")
    }

    /// Samples alternating ±a about a rate on one axis, a just inside and just outside each
    /// shortcut's threshold (the box's diagonal 2a at the tolerance less the margin, the span 2a
    /// at twice the tolerance plus the margin) and the rule's (a at the tolerance, ±1 %: a window
    /// of an odd count has its mean a/n off the middle, n about 500).
    @Test func alternatingSamplesAtEachThreshold() {
        let m = RestDetector.shortcutMargin
        let cases: [(a: Double, still: Bool)] = [
            (Self.tolerance * (1 - m) / 2 * (1 - 1e-9), true), (Self.tolerance * (1 - m) / 2 * (1 + 1e-9), true),
            (Self.tolerance * 0.99, true), (Self.tolerance * 1.01, false),
            (Self.tolerance * (1 + m) * (1 - 1e-9), false), (Self.tolerance * (1 + m) * (1 + 1e-9), false),
        ]
        for c in cases {
            var d = RestDetector()
            var actions: [RestDetector.Action] = []
            for k in 0..<2000 {
                let w = 0.3 + (k % 2 == 0 ? c.a : -c.a)
                let s = IMUSample(time: Double(k) * Self.period, acceleration: Vector3(0, 0, Self.g), angularVelocity: Vector3(w, 0, 0))
                let action = d.update(s)
                if action != .none { actions.append(action) }
                if d.currentWindow.count >= 3 {
                    #expect(d.currentWindowIsStill == RestDetector.scan(d.currentWindow, d.parameters), "a = \(c.a)")
                }
            }
            // Still: a rest from the window's first sample, once it has lasted 1 s; moving: none.
            #expect(actions == (c.still ? [.restStarted(since: 0)] : []), "a = \(c.a)")
        }
    }
}
