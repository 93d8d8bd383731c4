/// Gives each frame its sample time, from the device's own clock where the driver passes one on
/// (MSC_TIMESTAMP, microseconds, an unsigned 32-bit counter that wraps every 71.6 minutes) and
/// from the kernel's event time otherwise. Times are seconds on the kernel's clock at the first
/// frame, advanced by device-clock steps.
///
/// Per driver (see README "Sample timing"):
/// - hid-playstation (DualSense, DualShock 4), hid-steam (Steam Deck) and any other node with
///   MSC_TIMESTAMP: one sample per frame, the timestamp is the sample time.
/// - hid-nintendo (Joy-Con, Pro Controller): three frames per HID report, ~5 ms apart. The driver
///   does not pass the controller's clock on: it counts `avg × 1000 / 3` µs per sample, `avg` being
///   its running average of the report period in whole milliseconds (jiffies), so a 15 ms controller
///   can read 14 or 16 ms for a while (4.667 or 5.333 ms per sample). Older mainline kernels also add
///   the report period again at every report, so the counter runs at twice real time (steps 5, 5,
///   20 ms); Debian's 6.1 kernel steps 5 ms throughout. The clock therefore counts samples, not
///   microseconds: each step is a number of the driver's per-sample steps (learnt from the steps
///   inside reports), and every sample is 5 ms after the one before when that step is 4–6 ms (any
///   15 ms Joy-Con), the driver's step otherwise (a Pro Controller at 8 or 11 ms). A report's first
///   frame is the fourth frame after the last report's first, or one whose step is more than 1.5
///   per-sample steps; the first step of a complete report shows the driver's arithmetic (1 step:
///   real time, 4: doubled), 2 until seen otherwise.
/// - no MSC_TIMESTAMP: kernel event times.
public struct SampleClock: Sendable {
    public enum Model: Sendable, Hashable {
        /// MSC_TIMESTAMP is the sample clock in microseconds.
        case deviceClock
        /// hid-nintendo: frames come in reports; report-to-report steps run at `rate` × real time.
        case batchedReports(rate: Int)
        /// No device clock: kernel event times.
        case kernelTime

        /// The model for a device, from its bus IDs and whether it declares MSC_TIMESTAMP.
        public init(for d: DeviceDescription) {
            let nintendoIMU: Set<UInt16> = [0x2006, 0x2007, 0x2009, 0x200e]
            if d.vendor == 0x057e && nintendoIMU.contains(d.product) {
                self = .batchedReports(rate: 2)
            } else if d.hasCode(EventCode.mscTimestamp, ofType: EventCode.evMsc) {
                self = .deviceClock
            } else {
                self = .kernelTime
            }
        }
    }

    /// Largest disagreement between device and kernel clock over one step before the device
    /// step is rejected, microseconds.
    public static let jumpTolerance: Int64 = 250_000

    public private(set) var model: Model

    private enum State: Sendable {
        case idle
        case running(Running)
    }

    private struct Running: Sendable {
        var lastKernel: Int64
        var lastTime: Double
        var lastStamp: UInt32?
        /// hid-nintendo: frames seen of the current report.
        var reportFrames = 1
    }

    private var state: State = .idle
    /// hid-nintendo: the driver's step from one sample to the next inside a report, microseconds
    /// (kept across reconnections: it is the driver's).
    public private(set) var driverSampleStep: Int64 = 5_000
    private var afterGap = false
    /// hid-nintendo: the counter's rate has been seen in a step between two complete reports (until
    /// then `rate` is the model's guess).
    private var rateSeen = false

    public init(model: Model) {
        self.model = model
    }

    /// The sample time of `frame` in seconds, and what was wrong with its timestamp, if anything.
    public mutating func time(for frame: RawFrame) -> (seconds: Double, anomaly: TimestampAnomaly?) {
        switch state {
        case .idle:
            let t = Double(frame.kernelTime)
            state = .running(Running(lastKernel: frame.kernelTime, lastTime: t, lastStamp: frame.deviceTimestamp))
            return (t / 1e6, nil)
        case .running(var r):
            let (t, anomaly) = advance(&r, frame)
            state = .running(r)
            return (t / 1e6, anomaly)
        }
    }

    /// Frames were lost (SYN_DROPPED). The next device step is still used, so the time line spans
    /// exactly the lost samples, unless it goes backwards: then the device's clock restarted (a
    /// recording of a controller that was reconnected, whose driver counts from 0 again, as
    /// hid-nintendo does) and the kernel's step is used, without an anomaly.
    public mutating func gapOccurred() {
        afterGap = true
    }

    /// A reconnected device: the next frame is stepped from the last as after a gap
    /// (`gapOccurred`) — by the device's step when its clock ran on while it was away (as a
    /// controller out of range keeps counting), by the kernel's when the clock went back (a driver
    /// that counts from 0 again, as hid-nintendo does) or disagrees with the kernel's by more than
    /// `jumpTolerance`. That is what reading the session's recording does, where the reconnection
    /// is a gap, so live and a replay of its recording time every sample alike; either way the time
    /// line goes on from the last sample's time (not from the kernel's time since the first frame,
    /// which runs ahead of the samples' times by every delivery stall).
    public mutating func reset() {
        afterGap = true
    }

    private mutating func advance(_ r: inout Running, _ f: RawFrame) -> (Double, TimestampAnomaly?) {
        var dk = f.kernelTime - r.lastKernel
        var anomaly: TimestampAnomaly?
        if dk < 0 {
            anomaly = TimestampAnomaly(kind: .kernelBackwards, kernelTime: f.kernelTime, deviceStep: nil, kernelStep: dk)
            dk = 0
        }
        let gapBefore = afterGap
        afterGap = false
        defer {
            r.lastKernel = max(r.lastKernel, f.kernelTime)
            r.lastStamp = f.deviceTimestamp
        }
        // Frames without a timestamp, and the kernel-time model, step by kernel time.
        func byKernel(_ kind: TimestampAnomaly.Kind?, deviceStep: Int64? = nil) -> (Double, TimestampAnomaly?) {
            let t = r.lastTime + Double(dk)
            r.lastTime = t
            r.reportFrames = 1
            let a = kind.map { TimestampAnomaly(kind: $0, kernelTime: f.kernelTime, deviceStep: deviceStep, kernelStep: dk) }
            return (t, anomaly ?? a)
        }
        switch model {
        case .kernelTime:
            return byKernel(nil)
        case .deviceClock:
            guard let stamp = f.deviceTimestamp else { return byKernel(.missing) }
            guard let last = r.lastStamp else { return byKernel(nil) }
            let ds = Int64(stamp &- last)
            if ds >= 1 << 31 { return byKernel(gapBefore ? nil : .backwards, deviceStep: ds - (1 << 32)) }
            if abs(ds - dk) > Self.jumpTolerance { return byKernel(.jump, deviceStep: ds) }
            r.lastTime += Double(ds)
            return (r.lastTime, anomaly)
        case .batchedReports(let rate):
            guard let stamp = f.deviceTimestamp else { return byKernel(.missing) }
            guard let last = r.lastStamp else { return byKernel(nil) }
            let ds = Int64(stamp &- last)
            if ds >= 1 << 31 { return byKernel(gapBefore ? nil : .backwards, deviceStep: ds - (1 << 32)) }
            let units = Double(ds) / Double(driverSampleStep)
            let samples: Int
            if r.reportFrames < 3 && units < 1.5 {
                // Another frame of the same report.
                if r.reportFrames == 1, ds >= 2_000, ds <= 10_000, abs(units - 1) < 0.5 { driverSampleStep = ds }
                samples = max(1, Int((Double(ds) / Double(driverSampleStep)).rounded()))
                r.reportFrames += 1
            } else {
                // A report's first frame: 3 × rate − 2 per-sample steps after the last frame, plus
                // 3 × rate for every report lost in between (a SYN_DROPPED).
                var rate = rate
                let period = (4_000...6_000).contains(driverSampleStep) ? 5_000 : driverSampleStep
                func lostAndOne(at rate: Int) -> Int { max(1, Int(((units - Double(3 * rate - 2)) / Double(rate)).rounded()) + 1) }
                if gapBefore && !rateSeen {
                    // Frames lost before the counter's rate was seen (a SYN_DROPPED in the first
                    // reports): the step cannot show it, so the rate whose span is nearer the
                    // kernel's — a gap of n reports is about 15n ms one way and 7.5n ms the other.
                    let nearer = [1, 2].min { abs(Int64(lostAndOne(at: $0)) * period - dk) < abs(Int64(lostAndOne(at: $1)) * period - dk) } ?? rate
                    if nearer != rate {
                        rate = nearer
                        model = .batchedReports(rate: nearer)
                    }
                } else if r.reportFrames == 3 {
                    let seen = abs(units - 1) < 0.1 ? 1 : (abs(units - 4) < 0.1 ? 2 : rate)
                    if seen != rate {
                        rate = seen
                        model = .batchedReports(rate: seen)
                    }
                    if abs(units - 1) < 0.1 || abs(units - 4) < 0.1 { rateSeen = true }
                }
                r.reportFrames = 1
                let step = Int64(lostAndOne(at: rate)) * period
                if abs(step - dk) > Self.jumpTolerance { return byKernel(.jump, deviceStep: ds) }
                r.lastTime += Double(step)
                return (r.lastTime, anomaly)
            }
            let period = (4_000...6_000).contains(driverSampleStep) ? 5_000 : driverSampleStep
            let step = Int64(samples) * period
            if abs(step - dk) > Self.jumpTolerance { return byKernel(.jump, deviceStep: ds) }
            r.lastTime += Double(step)
            return (r.lastTime, anomaly)
        }
    }
}
