import MotionCore
import Testing

/// The strap coming off and going back on, as transcripts of synthetic 100 Hz samples: each rule's
/// threshold just inside and just outside.
@Suite struct StrapMoveDetectorTests {
    static let g = 9.80665
    static let period = 0.01

    /// Feeds `seconds` of identical samples from `t`, returning the actions that were not `.none`
    /// with their times, and the time after the last sample.
    static func feed(_ d: inout StrapMoveDetector, from t: Double, seconds: Double, rate: Double = 0,
                     acceleration: Vector3 = Vector3(0, 0, g)) -> (actions: [(Double, StrapMoveDetector.Action)], end: Double) {
        var out: [(Double, StrapMoveDetector.Action)] = []
        let n = Int((seconds / period).rounded())
        for k in 0..<n {
            let time = t + Double(k) * period
            let a = d.update(IMUSample(time: time, acceleration: acceleration, angularVelocity: Vector3(0, 0, rate * .pi / 180)))
            if a != .none { out.append((time, a)) }
        }
        return (out, t + Double(n) * period)
    }

    @Test func handlingAboveTheRateForHalfASecondIsOff() {
        // 201 °/s (inside) for 0.5 s: off, dated at the first handling sample.
        var d = StrapMoveDetector()
        var r = Self.feed(&d, from: 0, seconds: 3)
        #expect(r.actions.isEmpty)
        let first = r.end
        r = Self.feed(&d, from: first, seconds: 0.52, rate: 201)
        #expect(r.actions.map(\.1) == [.off(at: first)])
        #expect(d.isOff)
        // 199 °/s (outside) however long: still worn.
        var slow = StrapMoveDetector()
        #expect(Self.feed(&slow, from: 0, seconds: 10, rate: 199).actions.isEmpty)
        #expect(!slow.isOff)
    }

    @Test func handlingMustAddUpToHandlingSeconds() {
        // 0.45 s of handling (outside 0.5 s), a pause, then 0.05 s more (inside, in all): off.
        var d = StrapMoveDetector()
        var r = Self.feed(&d, from: 0, seconds: 0.46, rate: 300)
        #expect(r.actions.isEmpty)
        r = Self.feed(&d, from: r.end, seconds: 2)
        #expect(r.actions.isEmpty)
        r = Self.feed(&d, from: r.end, seconds: 0.06, rate: 300)
        #expect(r.actions.map(\.1) == [.off(at: 0)])
    }

    @Test func aJoltBeyondFiveMetresPerSecondSquaredIsHandling() {
        var d = StrapMoveDetector()
        // 4.9 m/s² beyond 1 g (outside) for 2 s: worn.
        #expect(Self.feed(&d, from: 0, seconds: 2, acceleration: Vector3(0, 0, Self.g + 4.9)).actions.isEmpty)
        // 5.1 m/s² (inside) for 0.5 s: off.
        let r = Self.feed(&d, from: 2, seconds: 0.52, acceleration: Vector3(0, 0, Self.g + 5.1))
        #expect(r.actions.map(\.1) == [.off(at: 2)])
        #expect(r.actions.first.map { abs($0.0 - 2.5) < 0.015 } == true)
    }

    @Test func backOnAfterTwoSecondsStill() {
        var d = StrapMoveDetector()
        var r = Self.feed(&d, from: 0, seconds: 1, rate: 400)
        #expect(r.actions.map(\.1) == [.off(at: 0)])
        // Still 1.9 s: not yet; a new jolt restarts the rest.
        r = Self.feed(&d, from: r.end, seconds: 1.9, acceleration: Vector3(0, Self.g, 0))
        #expect(r.actions.isEmpty)
        r = Self.feed(&d, from: r.end, seconds: 0.1, rate: 400)
        #expect(r.actions.isEmpty)
        let restStart = r.end
        r = Self.feed(&d, from: restStart, seconds: 3, acceleration: Vector3(0, Self.g, 0))
        #expect(r.actions.count == 1)
        guard case .on(let since)? = r.actions.first?.1, let at = r.actions.first?.0 else {
            Issue.record("not back on: \(r.actions)")
            return
        }
        // The rest is dated from its first still sample and reported once it has lasted 2 s.
        #expect(abs(since - restStart) < 0.02)
        #expect(abs(at - since - 2) < 0.02)
        // Nothing more after that.
        #expect(Self.feed(&d, from: r.end, seconds: 2, rate: 500).actions.isEmpty)
    }

    @Test func aRestInTheSamePoseAsBeforeIsNotANewMounting() {
        // Gravity 2.9° (inside 3°) from the rest before: the strap was put back as it was.
        let before = Vector3(0, 0, 1)
        func rest(at degrees: Double) -> [StrapMoveDetector.Action] {
            var d = StrapMoveDetector(before: before * Self.g)
            var r = Self.feed(&d, from: 0, seconds: 1, rate: 400)
            let a = degrees * .pi / 180
            r = Self.feed(&d, from: r.end, seconds: 4, acceleration: Vector3(a.sine, 0, a.cosine) * Self.g)
            return r.actions.map(\.1)
        }
        #expect(rest(at: 2.9).isEmpty)
        #expect(rest(at: 3.1).count == 1)
    }

    @Test func aGapRestartsTheRest() {
        var d = StrapMoveDetector()
        var r = Self.feed(&d, from: 0, seconds: 1, rate: 400)
        r = Self.feed(&d, from: r.end, seconds: 1.5)
        d.gapOccurred()
        r = Self.feed(&d, from: r.end + 0.1, seconds: 1.5)
        #expect(r.actions.isEmpty)
        r = Self.feed(&d, from: r.end, seconds: 1)
        #expect(r.actions.count == 1)
    }
}
