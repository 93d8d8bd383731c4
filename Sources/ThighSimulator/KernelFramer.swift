import FormcheckFormats

/// The kernel side of a motion node: the driver's event order and MSC_TIMESTAMP arithmetic, and
/// the input core's fuzz filter (`input_defuzz_abs_event`) and duplicate suppression.
struct KernelFramer: Sendable {
    let device: DeviceModel
    let fuzz: [Int32]
    /// The axis values the kernel holds (what the last emitted events said).
    private(set) var state = SIMD8<Int32>(repeating: 0)
    private var started = false
    private var clock: UInt32

    init(device: DeviceModel, description: DeviceDescription, clockStart: UInt32) {
        self.device = device
        self.fuzz = (0..<6).map { description.absInfo[UInt16($0)]?.fuzz ?? 0 }
        self.clock = clockStart
    }

    /// The kernel's filter: changes within fuzz/2 are dropped, within fuzz averaged 3:1, within
    /// 2·fuzz averaged 1:1 (C integer division truncates toward zero).
    static func defuzz(_ value: Int32, old: Int32, fuzz: Int32) -> Int32 {
        guard fuzz > 0 else { return value }
        let v = Int64(value), o = Int64(old), f = Int64(fuzz)
        if v > o - f / 2 && v < o + f / 2 { return old }
        if v > o - f && v < o + f { return Int32((o * 3 + v) / 4) }
        if v > o - f * 2 && v < o + f * 2 { return Int32((o + v) / 2) }
        return value
    }

    /// The events of one frame (sample `index`), ending with SYN_REPORT.
    mutating func frame(values: SIMD8<Int32>, sampleIndex index: Int, kernelTime: Int64) -> [InputEvent] {
        let stamp = timestamp(sampleIndex: index)
        var out: [InputEvent] = []
        out.reserveCapacity(8)
        for code in device.frameOrder {
            guard let code else {
                out.append(InputEvent(time: kernelTime, type: EventCode.evMsc, code: EventCode.mscTimestamp, value: Int32(bitPattern: stamp)))
                continue
            }
            let i = Int(code)
            let v = started ? Self.defuzz(values[i], old: state[i], fuzz: fuzz[i]) : values[i]
            if !started || v != state[i] {
                state[i] = v
                out.append(InputEvent(time: kernelTime, type: EventCode.evAbs, code: code, value: v))
            }
        }
        started = true
        out.append(InputEvent(time: kernelTime, type: EventCode.evSyn, code: EventCode.synReport, value: 0))
        return out
    }

    /// MSC_TIMESTAMP of sample `index`: the device clock in µs (hid-playstation, hid-steam), or
    /// hid-nintendo's counter: 5 ms per sample inside a report plus an extra 15 ms per report.
    private func timestamp(sampleIndex index: Int) -> UInt32 {
        if device.usesNintendoTimestamps {
            let report = index / 3
            let within = index % 3
            return clock &+ UInt32(truncatingIfNeeded: report &* 30_000 &+ within &* 5_000)
        }
        return clock &+ UInt32(truncatingIfNeeded: index &* Int((device.samplePeriod * 1e6).rounded()))
    }
}
