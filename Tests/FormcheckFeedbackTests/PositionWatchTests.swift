import FormcheckFeedback
import MotionCore
import Testing

/// Getting into the next exercise's posture, as transcripts of synthetic 100 Hz samples (the rest
/// detector's 2 °/s and 0.4 m/s² bands; a turn at 30 °/s is movement): in position once the thigh
/// moved and has been still `settleSeconds` again, or after `waitSeconds` still without moving; the
/// thresholds just inside and just outside.
@Suite struct PositionWatchTests {
    static let g = 9.80665
    static let period = 0.01

    /// Feeds `seconds` of identical samples from `t` (angular rate in °/s about z); the actions
    /// that were not `.none` with their times, and the time after the last sample.
    static func feed(_ w: inout PositionWatch, from t: Double, seconds: Double, rate: Double = 0) -> (actions: [(Double, PositionWatch.Action)], end: Double) {
        var out: [(Double, PositionWatch.Action)] = []
        let n = Int((seconds / period).rounded())
        for k in 0..<n {
            let time = t + Double(k) * period
            let a = w.update(IMUSample(time: time, acceleration: Vector3(0, 0, g), angularVelocity: Vector3(0, 0, rate * .pi / 180)))
            if a != .none { out.append((time, a)) }
        }
        return (out, t + Double(n) * period)
    }

    @Test func movedThenStillIsInPosition() throws {
        // Still 3 s (the last exercise's rest), turning 4 s, then still: in position once it has
        // been still 1 s, from the start of that rest.
        var w = PositionWatch(settleSeconds: 1, waitSeconds: 15, now: 0)
        var r = Self.feed(&w, from: 0, seconds: 3)
        #expect(r.actions.isEmpty)
        r = Self.feed(&w, from: r.end, seconds: 4, rate: 30)
        #expect(r.actions.isEmpty)
        let still = r.end
        r = Self.feed(&w, from: still, seconds: 0.9)
        #expect(r.actions.isEmpty)  // 0.9 s still (outside 1 s): not yet
        r = Self.feed(&w, from: r.end, seconds: 0.3)
        let (at, action) = try #require(r.actions.first)
        guard case .inPosition(let start) = action else {
            Issue.record("not in position: \(action)")
            return
        }
        // The rest detector dates a rest from the first sample of its still half-second window.
        #expect(start >= still - 0.01 && start <= still + 0.5, "rest from \(start), still from \(still)")
        #expect(at - start >= 1 && at - start <= 1.02)
        // Reported once.
        #expect(Self.feed(&w, from: r.end, seconds: 5).actions.isEmpty)
    }

    @Test func stillAllAlongIsInPositionAfterWaitSeconds() {
        // Never moving: 14.9 s (outside 15) nothing; at 15 s in position, from the rest's start.
        var w = PositionWatch(settleSeconds: 1, waitSeconds: 15, now: 0)
        var r = Self.feed(&w, from: 0, seconds: 14.9)
        #expect(r.actions.isEmpty)
        r = Self.feed(&w, from: r.end, seconds: 0.2)
        #expect(r.actions.map(\.1) == [.inPosition(restStart: 0)])
        #expect(r.actions.first.map { $0.0 >= 15 && $0.0 < 15.01 } == true)
    }

    @Test func movingFromTheStartThenStill() {
        // Already moving when the watch starts (no rest ends): in position at the first rest, not
        // after waitSeconds.
        var w = PositionWatch(settleSeconds: 1, waitSeconds: 15, now: 0)
        var r = Self.feed(&w, from: 0, seconds: 2, rate: 30)
        #expect(r.actions.isEmpty)
        r = Self.feed(&w, from: r.end, seconds: 2)
        #expect(r.actions.count == 1)
        #expect(r.actions.first.map { $0.0 < 4 } == true)
    }

    @Test func aSteadyTurnIsMovingAndADriftIsNot() {
        // A steady 21 °/s turn (outside 20 °/s) is movement, however even: in position only once
        // it stops and the thigh is still 1 s.
        var w = PositionWatch(settleSeconds: 1, waitSeconds: 15, now: 0)
        var r = Self.feed(&w, from: 0, seconds: 3)
        r = Self.feed(&w, from: r.end, seconds: 5, rate: 21)
        #expect(r.actions.isEmpty)
        r = Self.feed(&w, from: r.end, seconds: 1.6)
        #expect(r.actions.count == 1)
        // A steady 19 °/s (inside: a gyroscope bias or a slow drift) is still: nothing moved, so in
        // position only after the 15 s wait.
        var drift = PositionWatch(settleSeconds: 1, waitSeconds: 15, now: 0)
        #expect(Self.feed(&drift, from: 0, seconds: 14.9, rate: 19).actions.isEmpty)
        #expect(Self.feed(&drift, from: 14.9, seconds: 0.2, rate: 19).actions.count == 1)
    }

    @Test func aGapCountsAsMoving() {
        // Still, samples lost, still again: in position after settleSeconds of the new rest.
        var w = PositionWatch(settleSeconds: 1, waitSeconds: 15, now: 0)
        var r = Self.feed(&w, from: 0, seconds: 3)
        w.gapOccurred()
        r = Self.feed(&w, from: r.end + 0.5, seconds: 1.6)
        #expect(r.actions.count == 1)
    }
}
