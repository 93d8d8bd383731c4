import FormcheckFormats
import Foundation
import ThighSimulator

/// A session's events with a long still period spliced in, produced as they are asked for (a
/// three-hour session is 22 million events: never held in memory). The head of the session up to
/// `split` comes first, then `still` seconds of the thigh at rest — the kernel's axis state at the
/// split plus sensor noise and a gyroscope bias random walk, in the device's raw units, one frame
/// per sample period, every axis and MSC_TIMESTAMP in each — then the rest of the session shifted
/// by the still time (its gyroscope values keep the bias the walk reached, as a real sensor's would).
final class LongStillSource: @unchecked Sendable {
    private let lock = NSLock()
    private let events: [InputEvent]
    /// Index of the SYN_REPORT that ends the head.
    private let splitIndex: Int
    /// Frames of the still period, and the period between them (µs).
    let stillFrames: Int
    let period: Int64
    /// Kernel time (µs) and MSC_TIMESTAMP of the head's last frame.
    let splitTime: Int64
    private let splitMSC: Int64
    /// Axis state at the split (raw units, by ABS code 0-5).
    private let base: [Double]
    /// Noise σ per axis (raw units) and the bias walk's step σ per gyroscope axis (raw units).
    private let noise: [Double]
    private let walkStep: Double
    private var rng: SplitMix64
    private var bias = [0.0, 0.0, 0.0]
    private var next = 0
    private var frame = 0
    private var pending: [InputEvent] = []
    /// Events handed out so far, and frames (SYN_REPORTs) among them.
    private(set) var eventsProduced = 0
    private(set) var framesProduced = 0
    /// The last event handed out.
    private(set) var last: InputEvent?

    /// - Parameters:
    ///   - split: seconds after the first event; the head ends with the first frame at or after it.
    ///   - still: seconds of rest spliced in (a whole number of sample periods).
    ///   - resolution: accelerometer units per g and gyroscope units per °/s.
    ///   - gyroNoise: °/s (σ); accelNoise: g (σ); biasWalk: °/s/√s.
    init(events: [InputEvent], split: Double, still: Double, period: Double, accelResolution: Double,
         gyroResolution: Double, accelNoise: Double = 0.0015, gyroNoise: Double = 0.08, biasWalk: Double = 0.01,
         seed: UInt64 = 15) {
        self.events = events
        let first = events[0].time
        let splitAt = first + Int64(split * 1e6)
        var state = [Double](repeating: 0, count: 6)
        var msc: Int64 = 0
        var index = 0
        for (i, e) in events.enumerated() {
            if e.type == EventCode.evAbs, e.code < 6 { state[Int(e.code)] = Double(e.value) }
            if e.type == EventCode.evMsc, e.code == EventCode.mscTimestamp { msc = Int64(UInt32(bitPattern: e.value)) }
            if e.type == EventCode.evSyn, e.code == EventCode.synReport, e.time >= splitAt {
                index = i
                break
            }
        }
        splitIndex = index
        splitTime = events[index].time
        splitMSC = msc
        base = state
        self.period = Int64((period * 1e6).rounded())
        stillFrames = Int((still / period).rounded())
        noise = [accelNoise * accelResolution, accelNoise * accelResolution, accelNoise * accelResolution,
                 gyroNoise * gyroResolution, gyroNoise * gyroResolution, gyroNoise * gyroResolution]
        walkStep = biasWalk * period.squareRoot() * gyroResolution
        rng = SplitMix64(seed: seed)
        self.gyroResolution = gyroResolution
    }

    /// The gyroscope bias the walk has reached, °/s per sensor axis (ABS_RX, RY, RZ).
    var biasReached: [Double] {
        lock.withLock { bias.map { $0 / gyroResolution } }
    }
    private let gyroResolution: Double

    /// Seconds spliced in.
    var stillSeconds: Double { Double(Int64(stillFrames) * period) / 1e6 }

    /// The next event, nil at the end.
    func nextEvent() -> InputEvent? {
        lock.withLock {
            guard let e = produce() else { return nil }
            eventsProduced += 1
            if e.type == EventCode.evSyn, e.code == EventCode.synReport { framesProduced += 1 }
            last = e
            return e
        }
    }

    private func produce() -> InputEvent? {
        if next <= splitIndex {
            next += 1
            return events[next - 1]
        }
        if !pending.isEmpty { return pending.removeFirst() }
        if frame < stillFrames {
            frame += 1
            let t = splitTime + Int64(frame) * period
            var out: [InputEvent] = []
            for code in [3, 4, 5, 0, 1, 2] {
                var v = base[code] + noise[code] * gaussian()
                if code >= 3 {
                    bias[code - 3] += walkStep * gaussian()
                    v += bias[code - 3]
                }
                out.append(InputEvent(time: t, type: EventCode.evAbs, code: UInt16(code), value: Int32(v.rounded())))
            }
            let msc = Int32(truncatingIfNeeded: splitMSC + Int64(frame) * period)
            out.append(InputEvent(time: t, type: EventCode.evMsc, code: EventCode.mscTimestamp, value: msc))
            out.append(InputEvent(time: t, type: EventCode.evSyn, code: EventCode.synReport, value: 0))
            pending = Array(out.dropFirst())
            return out[0]
        }
        guard next < events.count else { return nil }
        var e = events[next]
        next += 1
        let shift = Int64(stillFrames) * period
        e.time += shift
        if e.type == EventCode.evMsc, e.code == EventCode.mscTimestamp {
            e.value = Int32(truncatingIfNeeded: Int64(UInt32(bitPattern: e.value)) + shift)
        } else if e.type == EventCode.evAbs, (3..<6).contains(e.code) {
            e.value += Int32(bias[Int(e.code) - 3].rounded())
        }
        return e
    }

    /// A standard normal deviate (Box–Muller).
    private func gaussian() -> Double {
        let u = max(rng.unit(), 1e-300)
        let v = rng.unit()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
