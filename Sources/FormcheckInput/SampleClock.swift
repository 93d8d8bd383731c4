/// Gives each frame its sample time, from the device's own clock where the driver passes one on
/// (MSC_TIMESTAMP, microseconds, an unsigned 32-bit counter that wraps every 71.6 minutes) and
/// from the kernel's event time otherwise. Times are seconds on the kernel's clock at the first
/// frame, advanced by device-clock steps.
///
/// Per driver (see README "Sample timing"):
/// - hid-playstation (DualSense, DualShock 4), hid-steam (Steam Deck) and any other node with
///   MSC_TIMESTAMP: one sample per frame, the timestamp is the sample time.
/// - hid-nintendo (Joy-Con, Pro Controller): three frames per HID report, ~5 ms apart. Inside a report
///   the timestamp steps are real; between reports mainline kernels add the report period twice, so
///   the counter runs at twice real time. The driver's arithmetic shows which: a report step equal to
///   three in-report steps is real time, six is the doubled counter. Each report start re-checks this
///   (2 until seen otherwise) and is scaled by it, so a kernel that fixes the doubling reads right too.
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
    /// Frames closer than this in kernel time belong to one HID report, microseconds.
    public static let reportGrouping: Int64 = 1_000

    public private(set) var model: Model

    private enum State: Sendable {
        case idle
        case running(Running)
    }

    private struct Running: Sendable {
        var lastKernel: Int64
        var lastTime: Double
        var lastStamp: UInt32?
        var reportKernel: Int64
        var reportTime: Double
        var reportStamp: UInt32?
        /// Frames seen in the current report, and the device step between its first two.
        var reportFrames = 1
        var reportStep: Int64?
    }

    private var state: State = .idle

    public init(model: Model) {
        self.model = model
    }

    /// The sample time of `frame` in seconds, and what was wrong with its timestamp, if anything.
    public mutating func time(for frame: RawFrame) -> (seconds: Double, anomaly: TimestampAnomaly?) {
        switch state {
        case .idle:
            let t = Double(frame.kernelTime)
            state = .running(Running(
                lastKernel: frame.kernelTime, lastTime: t, lastStamp: frame.deviceTimestamp,
                reportKernel: frame.kernelTime, reportTime: t, reportStamp: frame.deviceTimestamp))
            return (t / 1e6, nil)
        case .running(var r):
            let (t, anomaly) = advance(&r, frame)
            state = .running(r)
            return (t / 1e6, anomaly)
        }
    }

    /// Forgets the clock: the next frame starts a new time line (a reconnected device).
    public mutating func reset() {
        state = .idle
    }

    private mutating func advance(_ r: inout Running, _ f: RawFrame) -> (Double, TimestampAnomaly?) {
        var dk = f.kernelTime - r.lastKernel
        var anomaly: TimestampAnomaly?
        if dk < 0 {
            anomaly = TimestampAnomaly(kind: .kernelBackwards, kernelTime: f.kernelTime, deviceStep: nil, kernelStep: dk)
            dk = 0
        }
        defer {
            r.lastKernel = max(r.lastKernel, f.kernelTime)
            r.lastStamp = f.deviceTimestamp
        }
        // Frames without a timestamp, and the kernel-time model, step by kernel time.
        func byKernel(_ kind: TimestampAnomaly.Kind?, deviceStep: Int64? = nil) -> (Double, TimestampAnomaly?) {
            let t = r.lastTime + Double(dk)
            r.lastTime = t
            r.reportKernel = f.kernelTime
            r.reportTime = t
            r.reportStamp = f.deviceTimestamp
            r.reportFrames = 1
            r.reportStep = nil
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
            if ds >= 1 << 31 { return byKernel(.backwards, deviceStep: ds - (1 << 32)) }
            if abs(ds - dk) > Self.jumpTolerance { return byKernel(.jump, deviceStep: ds) }
            r.lastTime += Double(ds)
            return (r.lastTime, anomaly)
        case .batchedReports(let rate):
            guard let stamp = f.deviceTimestamp else { return byKernel(.missing) }
            guard let last = r.lastStamp, let reportStamp = r.reportStamp else { return byKernel(nil) }
            if dk <= Self.reportGrouping {
                // Another frame of the same report: the step is real.
                let ds = Int64(stamp &- last)
                if ds >= 1 << 31 { return byKernel(.backwards, deviceStep: ds - (1 << 32)) }
                if abs(ds - dk) > Self.jumpTolerance { return byKernel(.jump, deviceStep: ds) }
                if r.reportFrames == 1 { r.reportStep = ds }
                r.reportFrames += 1
                r.lastTime += Double(ds)
                return (r.lastTime, anomaly)
            }
            // The first frame of a new report: scale the step from the last report's start.
            let ds = Int64(stamp &- reportStamp)
            let dkr = f.kernelTime - r.reportKernel
            if ds >= 1 << 31 { return byKernel(.backwards, deviceStep: ds - (1 << 32)) }
            var rate = rate
            if let step = r.reportStep, step > 0, r.reportFrames >= 2 {
                let ratio = Double(ds) / Double(r.reportFrames * Int(step))
                let seen = abs(ratio - 2) < 0.1 ? 2 : (abs(ratio - 1) < 0.1 ? 1 : rate)
                if seen != rate {
                    rate = seen
                    model = .batchedReports(rate: seen)
                }
            }
            let real = Double(ds) / Double(rate)
            if abs(real - Double(dkr)) > Double(Self.jumpTolerance) { return byKernel(.jump, deviceStep: ds) }
            let t = max(r.lastTime, r.reportTime + real)
            r.lastTime = t
            r.reportTime = t
            r.reportKernel = f.kernelTime
            r.reportStamp = stamp
            r.reportFrames = 1
            r.reportStep = nil
            return (t, anomaly)
        }
    }
}
