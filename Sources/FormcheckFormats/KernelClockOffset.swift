/// Puts one sensor's sample times on the kernel's clock (CLOCK_MONOTONIC, which every evdev event
/// carries), so that two sensors read at once share one clock.
///
/// A sample's own time (`SampleClock`) is the kernel time of the stream's first frame, advanced by
/// the device's steps: it is late on the kernel clock by that first frame's delivery latency — for
/// a Joy-Con also by the two samples its report holds before that frame (10 ms) — which differs from
/// device to device and connection to connection (a Bluetooth controller's latency varies by
/// several milliseconds). A frame never reaches the kernel before its sample was taken plus the
/// quickest delivery, so the smallest (kernel time of the frame − sample time) seen so far is that
/// lower envelope: added to the sample times it puts them on the kernel clock as if every frame had
/// come in the quickest delivery, and two sensors of one kind then agree to within the difference
/// of their quickest latencies, well inside a sample period, from their first report on.
///
/// The offset only ever decreases, mostly over the first second; a device clock that drifts from
/// the kernel's (tens of ppm) moves it no more than that drift.
public struct KernelClockOffset: Sendable, Hashable {
    /// Seconds to add to the sample times (nil: no sample yet).
    public private(set) var seconds: Double?

    public init() {}

    /// A sample at `sampleTime` (seconds, the decoder's clock) was completed by a frame that
    /// reached the kernel at `kernelTime` (microseconds).
    public mutating func observe(sampleTime: Double, kernelTime: Int64) {
        let d = Double(kernelTime) / 1e6 - sampleTime
        seconds = min(seconds ?? d, d)
    }

    /// `sampleTime` on the kernel clock, seconds.
    public func aligned(_ sampleTime: Double) -> Double {
        sampleTime + (seconds ?? 0)
    }
}
