@testable import MotionCore
import Testing

/// The window's per-component extremes (`SlidingExtremes`: a queue of two stacks) against the
/// window's samples scanned one by one, on windows that grow, shrink, jump, empty at a gap and hold
/// a value that is not finite.
@Suite struct SlidingExtremesTests {
    /// The six components (angular rate, specific force) of `s`.
    static func components(_ s: IMUSample) -> [Double] {
        [s.angularVelocity.x, s.angularVelocity.y, s.angularVelocity.z, s.acceleration.x, s.acceleration.y, s.acceleration.z]
    }

    @Test func theExtremesAreTheWindowsOwnSmallestAndLargestValues() {
        var noise = RestDetectorTests.Noise(state: 2026)
        var e = SlidingExtremes()
        var window: [(number: Int, sample: IMUSample)] = []
        var number = 0
        var checked = 0, nonFinite = 0
        for step in 0..<20_000 {
            // Every 2,500 samples a gap (the window empties, numbering goes on).
            if step > 0 && step % 2500 == 0 {
                e.removeAll()
                window.removeAll()
            }
            var s = IMUSample(time: Double(step) * 0.001,
                              acceleration: Vector3(noise.next(), noise.next(), noise.next()) * 10,
                              angularVelocity: Vector3(noise.next(), noise.next(), noise.next()))
            // Repeated values (ties between the oldest and the newest), and now and then a NaN.
            if step % 13 == 0, let last = window.last { s.acceleration.y = last.sample.acceleration.y }
            if step % 4999 == 17 { s.angularVelocity.z = .nan }
            e.push(number, s)
            window.append((number, s))
            number += 1
            // The window's start moves on by 0–3 samples a sample (so it shrinks, grows past the
            // queue's compaction, and jumps), never past the newest.
            let wanted = step % 3000 < 1500 ? 1 + step % 1400 : 1 + (step * 7) % 40
            let drop = max(0, window.count - wanted)
            let start = window[min(drop, window.count - 1)].number
            e.drop(before: start)
            window.removeFirst(min(drop, window.count - 1))
            let values = window.map { Self.components($0.sample) }
            let finite = values.allSatisfy { $0.allSatisfy(\.isFinite) }
            #expect(e.isFinite == finite, "step \(step)")
            guard finite else {
                nonFinite += 1
                continue
            }
            for k in 0..<6 {
                let column = values.map { $0[k] }
                if e.minimum(k) != column.min()! || e.maximum(k) != column.max()! {
                    Issue.record("step \(step), component \(k): \(e.minimum(k))…\(e.maximum(k)), want \(column.min()!)…\(column.max()!)")
                }
                #expect(e.minima[k] == e.minimum(k) && e.maxima[k] == e.maximum(k))
            }
            checked += 1
        }
        #expect(checked > 15_000)
        #expect(nonFinite > 100)
    }
}
