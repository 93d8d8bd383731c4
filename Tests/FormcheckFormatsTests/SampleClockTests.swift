import FormcheckFormats
import Testing

@Suite struct SampleClockTests {
    static func frame(_ kernel: Int64, _ stamp: UInt32?) -> RawFrame {
        RawFrame(kernelTime: kernel, deviceTimestamp: stamp, values: .zero)
    }

    @Test func deviceClockUnwrapsThe32BitCounter() {
        var c = SampleClock(model: .deviceClock)
        // Starts 4 ms below 2^32 and wraps through 0.
        let start = UInt32.max - 3_999
        #expect(c.time(for: Self.frame(1_000_000, start)).seconds == 1.0)
        let t1 = c.time(for: Self.frame(1_004_100, start &+ 4_000))
        #expect(abs(t1.seconds - 1.004) < 1e-12 && t1.anomaly == nil)
        let t2 = c.time(for: Self.frame(1_007_900, start &+ 8_000))
        #expect(abs(t2.seconds - 1.008) < 1e-12 && t2.anomaly == nil)
    }

    @Test func deviceClockIgnoresArrivalJitter() {
        var c = SampleClock(model: .deviceClock)
        _ = c.time(for: Self.frame(0, 100))
        // Bluetooth delivers two reports at once; the device clock keeps them 4 ms apart.
        #expect(abs(c.time(for: Self.frame(9_000, 4_100)).seconds - 0.004) < 1e-12)
        #expect(abs(c.time(for: Self.frame(9_010, 8_100)).seconds - 0.008) < 1e-12)
    }

    @Test func aDualShock4ClockThatWrappedDuringADropoutIsCaught() {
        var c = SampleClock(model: .deviceClock)
        _ = c.time(for: Self.frame(0, 0))
        // 500 ms without reports: the DS4's 16-bit clock (349.5 ms period) under-counts by 349.5 ms.
        let r = c.time(for: Self.frame(500_000, 150_500))
        #expect(r.anomaly?.kind == .jump)
        #expect(abs(r.seconds - 0.5) < 1e-12)
        // Afterwards device steps are used again.
        let next = c.time(for: Self.frame(504_500, 154_500))
        #expect(next.anomaly == nil && abs(next.seconds - 0.504) < 1e-12)
    }

    @Test func backwardsAndMissingTimestampsFallBackToKernelTime() {
        var c = SampleClock(model: .deviceClock)
        _ = c.time(for: Self.frame(0, 1_000_000))
        let back = c.time(for: Self.frame(4_000, 10))
        #expect(back.anomaly?.kind == .backwards && abs(back.seconds - 0.004) < 1e-12)
        let missing = c.time(for: Self.frame(8_000, nil))
        #expect(missing.anomaly?.kind == .missing && abs(missing.seconds - 0.008) < 1e-12)
    }

    /// hid-nintendo with a kernel that no longer doubles the report step: from the second report
    /// on, the clock sees the counter runs at real time and stops halving report steps.
    @Test func joyConClockDetectsACounterAtRealTime() {
        var c = SampleClock(model: .batchedReports(rate: 2))
        var stamp: UInt32 = 0
        var last = 0.0
        for report in 0..<400 {
            let kernel = Int64(report) * 15_000
            for k in 0..<3 {
                last = c.time(for: Self.frame(kernel + Int64(k), stamp)).seconds
                stamp &+= 5_000
            }
        }
        #expect(c.model == .batchedReports(rate: 1))
        #expect(abs(last - (399 * 0.015 + 0.010)) < 1e-9)
    }

    @Test func joyConClockWithTheMainlineDoubledCounter() {
        var c = SampleClock(model: .batchedReports(rate: 2))
        var stamp: UInt32 = 4_294_000_000  // wraps during the test
        var times: [Double] = []
        for report in 0..<400 {
            let kernel = Int64(report) * 15_000 + Int64(report % 3) * 700  // arrival jitter
            for k in 0..<3 {
                times.append(c.time(for: Self.frame(kernel + Int64(k), stamp)).seconds)
                stamp &+= 5_000
            }
            stamp &+= 15_000  // the driver's extra per-report step
        }
        #expect(c.model == .batchedReports(rate: 2))
        for i in times.indices.dropFirst() { #expect(abs(times[i] - times[i - 1] - 0.005) < 1e-9) }
    }

    /// Debian's 6.1 hid-nintendo, as the VM test's emulated Joy-Con showed it: 5 ms steps
    /// throughout, and under emulation the frames of one report reach the kernel up to 3 ms apart
    /// while two late reports arrive within 1 ms. Kernel-time grouping would mistime both; every
    /// sample must still be 5 ms after the last.
    @Test func joyConFramesSplitOrBunchedInKernelTimeStay5msApart() {
        var c = SampleClock(model: .batchedReports(rate: 2))
        var times: [Double] = []
        var stamp: UInt32 = 0
        for report in 0..<200 {
            let base = Int64(report) * 15_000 + (report % 7 == 3 ? 14_500 : 0)  // some arrive with the next
            for k in 0..<3 {
                let kernel = base + (report % 5 == 0 ? Int64(k) * 3_200 : Int64(k))  // some split
                times.append(c.time(for: Self.frame(kernel, stamp)).seconds)
                stamp &+= 5_000
            }
        }
        #expect(c.model == .batchedReports(rate: 1))
        let steps = times.indices.dropFirst().map { times[$0] - times[$0 - 1] }
        #expect(steps.allSatisfy { abs($0 - 0.005) < 1e-9 }, "steps \(Set(steps.map { ($0 * 1e6).rounded() }))")
    }

    /// The driver's average report period is whole milliseconds: a 15 ms controller reads 14 or 16
    /// for a while, and the counter steps 4666 or 5333 µs per sample. The samples are still 5 ms apart.
    @Test(arguments: [14, 16]) func joyConDriverAverageOffByAMillisecond(averageMs: Int) {
        var c = SampleClock(model: .batchedReports(rate: 2))
        let perSample = UInt32(averageMs * 1000 / 3)
        var stamp: UInt32 = 1_000
        var times: [Double] = []
        for report in 0..<300 {
            for k in 0..<3 {
                times.append(c.time(for: Self.frame(Int64(report) * 15_000 + Int64(k), stamp)).seconds)
                stamp &+= perSample
            }
        }
        #expect(c.driverSampleStep == Int64(perSample))
        #expect(abs(times.last! - times.first! - 0.005 * Double(times.count - 1)) < 1e-9)
    }

    /// A report lost to SYN_DROPPED on the doubled counter: the step from the last frame before to
    /// the first after is 4 + 6 per-sample steps, four samples (the three lost and one).
    @Test func joyConDoubledCounterAcrossALostReport() {
        var c = SampleClock(model: .batchedReports(rate: 2))
        var last = 0.0
        for report in 0..<10 where report != 6 {
            for k in 0..<3 {
                last = c.time(for: Self.frame(Int64(report) * 15_000 + Int64(k), UInt32(report * 30_000 + k * 5_000))).seconds
            }
        }
        #expect(abs(last - (9 * 0.015 + 0.010)) < 1e-9)
    }

    /// Reports lost to a SYN_DROPPED right after the first one, before any step between two
    /// complete reports showed the counter's rate (the VM test's right Joy-Con once, on a busy host:
    /// Debian's real-time counter read as doubled put every later sample 75 ms early): the rate is
    /// the one whose span is nearer the kernel's, so each sample after the gap is at its own time —
    /// on the real-time counter and on the doubled one alike. `lost` reports: 1 (15 ms against
    /// 7.5 ms) to 20.
    @Test(arguments: [(1, 1), (1, 10), (1, 20), (2, 1), (2, 10), (2, 20)])
    func joyConReportsLostBeforeTheRateIsSeen(rate: Int, lost: Int) {
        var c = SampleClock(model: .batchedReports(rate: 2))
        var times: [(got: Double, want: Double)] = []
        for report in 0..<40 where !(1...lost).contains(report) {
            if report == lost + 1 { c.gapOccurred() }
            for k in 0..<3 {
                let sample = report * 3 + k
                let doubling = rate == 2 ? report * 15_000 : 0  // the mainline driver's extra per-report step
                let stamp = UInt32(sample * 5_000 + doubling)
                let jitter = Int64(report % 2) * 900  // arrival jitter
                let kernel: Int64 = Int64(report) * 15_000 + Int64(k) * 20 + jitter
                times.append((c.time(for: Self.frame(kernel, stamp)).seconds, Double(sample) * 0.005))
            }
        }
        #expect(c.model == .batchedReports(rate: rate))
        let worst = times.map { abs($0.got - $0.want) }.max() ?? .infinity
        #expect(worst < 1e-9, "worst \(worst * 1e3) ms off")
    }

    /// A Pro Controller over Bluetooth reports every 8 ms: the driver steps 2666 µs per sample and
    /// that is the sample period (not the Joy-Con's 5 ms).
    @Test func proControllerAt8msKeepsTheDriversStep() {
        var c = SampleClock(model: .batchedReports(rate: 2))
        var stamp: UInt32 = 0
        var times: [Double] = []
        for report in 0..<100 {
            for k in 0..<3 {
                times.append(c.time(for: Self.frame(Int64(report) * 8_000 + Int64(k), stamp)).seconds)
                stamp &+= 2_666
            }
        }
        #expect(c.model == .batchedReports(rate: 1))
        #expect(abs(times[299] - times[3] - 296 * 0.002666) < 1e-9)
    }

    /// A recording of a Joy-Con that was reconnected (what `live --record` writes): a gap, then the
    /// new connection's driver counts from 0 again. That backwards step is expected after a gap:
    /// the kernel's step is used and no anomaly listed. Without the gap it is an anomaly.
    @Test(arguments: [true, false]) func aCounterRestartingAfterAGapIsNoAnomaly(gap: Bool) {
        var c = SampleClock(model: .batchedReports(rate: 1))
        for i in 0..<6 { _ = c.time(for: Self.frame(Int64(i / 3) * 15_000 + Int64(i % 3), 8_000_000 + UInt32(i) * 5_000)) }
        if gap { c.gapOccurred() }
        // The last frame before: kernel 15.002 ms, sample time 25 ms; back 4.4 s later by the kernel.
        let r = c.time(for: Self.frame(4_415_002, 0))
        #expect(abs(r.seconds - 4.425) < 1e-9)
        #expect(r.anomaly?.kind == (gap ? nil : .backwards))
        let next = c.time(for: Self.frame(4_415_012, 5_000))
        #expect(next.anomaly == nil && abs(next.seconds - 4.430) < 1e-9)
    }

    /// A reconnection goes on from the last sample's time by the kernel's step, not from the
    /// kernel's time since the first frame: here the samples' device clock ran 0.2 s behind the
    /// kernel (late deliveries) before the controller went away for 4 s.
    @Test func aReconnectionKeepsTheTimeLine() {
        var c = SampleClock(model: .deviceClock)
        var last = 0.0
        for i in 0...200 { last = c.time(for: Self.frame(Int64(i) * 5_000, UInt32(i) * 4_000)).seconds }
        #expect(abs(last - 0.8) < 1e-9)
        c.reset()
        let after = c.time(for: Self.frame(5_000_000, 123))
        #expect(abs(after.seconds - 4.8) < 1e-9 && after.anomaly == nil)
        #expect(abs(c.time(for: Self.frame(5_004_000, 4_123)).seconds - 4.804) < 1e-9)
    }
    /// A controller that went away and came back with its clock run on (a DualSense out of range,
    /// hid-playstation passing its sensor clock on): the new node's first frame is timed by the
    /// device's step, as a replay of the session's recording (where the reconnection is a gap)
    /// times it — not by the kernel's, here 29 ms longer (the frames reached the kernel late).
    @Test func aReconnectionWhoseClockRanOnIsTimedAsTheRecordingsReplay() {
        var live = SampleClock(model: .deviceClock), replay = SampleClock(model: .deviceClock)
        var times: [(Double, Double)] = []
        for i in 0...100 {
            let f = Self.frame(Int64(i) * 4_000, UInt32(i) * 4_000)
            times.append((live.time(for: f).seconds, replay.time(for: f).seconds))
        }
        live.reset()
        replay.gapOccurred()
        // Away 1.6 s by the controller's clock, 1.629 s by the kernel's.
        for k in 0..<3 {
            let f = Self.frame(400_000 + 1_629_000 + Int64(k) * 4_000, 400_000 + 1_600_000 + UInt32(k) * 4_000)
            let (a, b) = (live.time(for: f), replay.time(for: f))
            #expect(a.anomaly == nil && b.anomaly == nil)
            times.append((a.seconds, b.seconds))
        }
        #expect(times.allSatisfy { $0.0 == $0.1 })
        #expect(abs(times[101].0 - 2.0) < 1e-12, "\(times[101].0)")
    }
}
