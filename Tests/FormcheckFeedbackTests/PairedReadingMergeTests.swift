import FormcheckFeedback
import MotionCore
import Testing

/// The two sensors' readings in one stream, as transcripts: held until the other sensor has passed
/// their time, ties to the left, a silent sensor waited for at most `maxWait` (0.5 s: just inside
/// and just outside), one known gone not waited for.
@Suite struct PairedReadingMergeTests {
    static func r(_ side: Side, _ t: Double?) -> PairedReading {
        let s = IMUSample(time: t ?? 0, acceleration: Vector3(0, 0, 9.81), angularVelocity: .zero)
        return PairedReading(side: side, reading: t == nil ? .gap(SampleGap(reason: .synDropped, after: nil)) : .sample(s), offset: 0, time: t)
    }

    static func names(_ readings: [PairedReading]) -> [String] {
        readings.map { "\($0.side == .left ? "L" : "R")\($0.time.map { String($0) } ?? "-")" }
    }

    @Test func inTimeOrderAsTheyArrive() {
        var m = PairedReadingMerge()
        #expect(Self.names(m.push(Self.r(.left, 1.000))).isEmpty)  // the right may still send earlier ones
        #expect(Self.names(m.push(Self.r(.left, 1.005))).isEmpty)
        #expect(Self.names(m.push(Self.r(.right, 1.002))) == ["L1.0", "R1.002"])
        #expect(Self.names(m.push(Self.r(.right, 1.004))) == ["R1.004"])  // no later than the left has given
        #expect(Self.names(m.push(Self.r(.right, 1.005))) == ["L1.005", "R1.005"])  // a tie: the left first
        #expect(Self.names(m.flush()).isEmpty)
    }

    @Test func aSilentSensorIsWaitedForHalfASecond() {
        var m = PairedReadingMerge()
        _ = m.push(Self.r(.right, 10.0))
        #expect(Self.names(m.push(Self.r(.left, 10.1))) == ["R10.0"])
        // The right falls silent: the left's readings are held while the left goes on 0.5 s past
        // them (inside)...
        #expect(Self.names(m.push(Self.r(.left, 10.5))).isEmpty)
        #expect(Self.names(m.push(Self.r(.left, 10.6))).isEmpty)
        #expect(m.heldCount == 3)
        // ... and each goes once the left is more than 0.5 s past it (outside): 0.5 s late at most.
        #expect(Self.names(m.push(Self.r(.left, 10.6001))) == ["L10.1"])
        #expect(Self.names(m.push(Self.r(.left, 11.05))) == ["L10.5"])
        // The right back with a reading older than those released: it goes at once (out of order:
        // the price of not waiting for ever), the rest in order again.
        #expect(Self.names(m.push(Self.r(.right, 10.2))) == ["R10.2"])
        #expect(Self.names(m.push(Self.r(.right, 11.1))) == ["L10.6", "L10.6001", "L11.05"])
    }

    @Test func aSensorGoneIsNotWaitedFor() {
        var m = PairedReadingMerge()
        _ = m.push(Self.r(.right, 10.0))
        _ = m.push(Self.r(.left, 10.1))
        #expect(Self.names(m.sideGone(.right)) == ["L10.1"])
        #expect(Self.names(m.push(Self.r(.left, 10.2))) == ["L10.2"])
        // Back: waited for again.
        m.sideBack(.right)
        #expect(Self.names(m.push(Self.r(.left, 10.3))).isEmpty)
        // A gap (the reconnection) carries the side's last time: it goes in its place.
        #expect(Self.names(m.push(Self.r(.right, nil))) == ["R-"])
        #expect(Self.names(m.push(Self.r(.right, 10.35))) == ["L10.3"])
    }

    @Test func recordingsMergeAsLiveTakesThem() {
        let left = [1.0, 1.005, 1.010, 1.020].map { Self.r(.left, $0) }
        let right = [1.002, 1.005, 1.012].map { Self.r(.right, $0) }
        let merged = PairedReadingMerge.merged(left, right)
        #expect(Self.names(merged) == ["L1.0", "R1.002", "L1.005", "R1.005", "L1.01", "R1.012", "L1.02"])
        var m = PairedReadingMerge()
        var live: [PairedReading] = []
        // Arriving out of step (the left a report ahead) but within maxWait: the same order.
        for x in [left[0], left[1], left[2], right[0], right[1], left[3], right[2]] { live += m.push(x) }
        live += m.flush()
        #expect(Self.names(live) == Self.names(merged))
    }
}
