/// `OrientationSmoother` in bounded memory, for recordings of any length: a fixed-lag smoother
/// over a sliding window of samples. Readings go in one at a time (`add`), orientations come out in
/// order, one per `.sample` reading, `block` samples at a time once `lookahead` more are known.
///
/// Each window runs what the whole-recording smoother runs — the backward filter fused with the
/// forward one by their covariances, the gyroscope integrated with that bias, the accelerometer in
/// the integrated frame low-passed forwards and backwards, the heading-free correction — over the
/// `block` samples it gives out and the `lookahead` samples after them: the backward filter and the
/// backward low-pass start at the window's end instead of the recording's. What goes forwards (the
/// forward filter, the integration, the forward low-pass, the correction) carries on from window to
/// window. So every estimate sees at least `lookahead` samples of its future; one that sees the end
/// of the recording (a recording of at most `block + lookahead` samples: all of them) is exactly
/// `OrientationSmoother.estimate`'s, bit for bit.
///
/// Memory: at most `block + lookahead` samples are held (about 155 bytes each: the sample, the
/// forward bias and its information, the step), plus 82 bytes a sample of per-window scratch —
/// 16 MB in all with the defaults, whatever the recording's length.
///
/// Where it can differ from the whole-recording smoother, beyond the lookahead: a stretch whose
/// first samples have no accelerometer reading for longer than the window takes the first real one
/// only within the window; the sample period used for the low-pass is the forward filter's when the
/// first window is smoothed (it is settled after 15 intervals).
public struct WindowedOrientationSmoother: Sendable {
    /// Samples given out per window (default 2¹⁵: 164 s at 200 Hz, 115 s at 286 Hz).
    public let block: Int
    /// Samples of future every estimate sees at least (default 2¹⁵).
    public let lookahead: Int
    public let parameters: OrientationFilter.Parameters

    public static let defaultBlock = 1 << 15
    public static let defaultLookahead = 1 << 15

    private var forward: OrientationFilter
    private var gapSeen = false
    // The usable samples not given out yet, and what the forward pass made of each.
    private var samples: [IMUSample] = []
    private var afterGap: [Bool] = []
    private var forwardBias: [Vector3] = []
    private var information: [Matrix3] = []
    private var steps: [OrientationFilter.Step] = []
    /// The `.sample` readings not given out yet, in order: true for a usable sample (one of
    /// `samples`), false for one the filter skips (it gets the estimate before it).
    private var pending: [Bool] = []
    // Per-window scratch.
    private var fused: [Vector3] = []
    private var gyro: [Quaternion] = []
    private var inertial: [Vector3] = []
    private var hasAcceleration: [Bool] = []
    private var gyroscopeOnly: [Bool] = []
    // What carries on from one window to the next (at the first sample not given out yet).
    private var coefficients: LowPassCoefficients?
    private var q = Quaternion.identity
    private var lastRate = Vector3.zero
    private var lastAcceleration: Vector3?
    private var previousTime = 0.0
    private var lowPass = LowPassFilter<Vector3>()
    private var correction = Quaternion.identity
    private var lastOutput: Quaternion?

    /// - Parameters:
    ///   - block: samples given out per window, at least 1;
    ///   - lookahead: samples of future each estimate sees at least, at least 1.
    public init(parameters: OrientationFilter.Parameters = .init(), block: Int = defaultBlock, lookahead: Int = defaultLookahead) {
        self.parameters = parameters
        self.block = max(1, block)
        self.lookahead = max(1, lookahead)
        forward = OrientationFilter(parameters: parameters)
    }

    /// Samples held (never more than `block + lookahead`).
    public var heldSamples: Int { samples.count }
    /// `.sample` readings waiting for their estimate (held samples and the skipped ones among them).
    public var pendingReadings: Int { pending.count }

    /// The next reading; appends the orientations (earth ← sensor) that became known, in order.
    public mutating func add(_ reading: SensorReading, into out: inout [Quaternion]) {
        switch reading {
        case .gap:
            gapSeen = true
        case .sample(let s):
            guard s.time.isFinite && OrientationFilter.isUsable(s.acceleration) && OrientationFilter.isUsable(s.angularVelocity) else {
                if samples.isEmpty, let lastOutput {
                    out.append(lastOutput)  // nothing before it is waiting
                } else {
                    pending.append(false)
                }
                return
            }
            if gapSeen { forward.gapOccurred() }
            forward.update(s)
            samples.append(s)
            afterGap.append(gapSeen)
            gapSeen = false
            forwardBias.append(forward.gyroBias)
            information.append(forward.biasEstimator.covariance.inverse ?? .zero)
            steps.append(forward.lastStep)
            pending.append(true)
            if samples.count >= block + lookahead { smoothWindow(giving: block, into: &out) }
        }
    }

    /// The recording ended: appends every orientation still to come.
    public mutating func finish(into out: inout [Quaternion]) {
        if !samples.isEmpty { smoothWindow(giving: samples.count, into: &out) }
        // Skipped samples with no usable one ever: as the whole-recording smoother, identity.
        for _ in pending { out.append(lastOutput ?? .identity) }
        pending.removeAll()
    }

    /// Smooths the held samples and gives out the first `count` (all of them: the recording ended).
    private mutating func smoothWindow(giving count: Int, into out: inout [Quaternion]) {
        let n = samples.count
        let c = coefficients ?? LowPassCoefficients(timeConstant: parameters.accelerometerTimeConstant, period: forward.samplePeriod)
        coefficients = c

        // Backward pass (time and rates negated) from the window's end, fused with the forward bias.
        var backwardParameters = parameters
        backwardParameters.samplePeriod = forward.samplePeriod
        var backward = OrientationFilter(parameters: backwardParameters)
        fused.removeAll(keepingCapacity: true)
        fused.append(contentsOf: forwardBias)
        for i in stride(from: n - 1, through: 0, by: -1) {
            if i + 1 < n && afterGap[i + 1] { backward.gapOccurred() }
            let s = samples[i]
            backward.update(IMUSample(time: -s.time, acceleration: s.acceleration, angularVelocity: -s.angularVelocity))
            guard let info2 = backward.biasEstimator.covariance.inverse else { continue }
            let b2 = -backward.gyroBias
            let info1 = information[i]
            if let covariance = (info1 + info2).inverse {
                let b = covariance * (info1 * forwardBias[i] + info2 * b2)
                if b.isFinite { fused[i] = b }
            }
        }

        // Gyroscope integration and the accelerometer in the inertial frame, carried on from the
        // last window; committed at `count`.
        gyro.removeAll(keepingCapacity: true)
        inertial.removeAll(keepingCapacity: true)
        hasAcceleration.removeAll(keepingCapacity: true)
        var q = self.q, lastRate = self.lastRate, lastAcceleration = self.lastAcceleration, previousTime = self.previousTime
        var stretchStart = 0  // where the stretch in progress starts in the window (0: before it)
        for i in 0..<n {
            let rate = samples[i].angularVelocity - fused[i]
            switch steps[i] {
            case .first:
                q = .identity
                lastAcceleration = nil
                stretchStart = i
            case .regular:
                q = OrientationFilter.unit(OrientationFilter.product(q, OrientationFilter.rotation(rate * (samples[i].time - previousTime))))
            case .bridged:
                let dt = samples[i].time - previousTime
                q = OrientationFilter.unit(OrientationFilter.product(q, OrientationFilter.rotation((rate + lastRate) * (0.5 * dt))))
            case .repeated:
                break
            }
            lastRate = rate
            previousTime = samples[i].time
            gyro.append(q)
            let a = samples[i].acceleration
            if a.x != 0 || a.y != 0 || a.z != 0 {
                let v = q.rotate(a)
                if lastAcceleration == nil {
                    // The stretch's first samples without a reading take its first real one.
                    for j in stretchStart..<i { inertial[j] = v }
                }
                inertial.append(v)
                lastAcceleration = v
            } else {
                inertial.append(lastAcceleration ?? .zero)
            }
            hasAcceleration.append(lastAcceleration != nil)
            if i + 1 == count {
                self.q = q
                self.lastRate = lastRate
                self.lastAcceleration = lastAcceleration
                self.previousTime = previousTime
            }
        }
        // A stretch with no accelerometer reading in the window is the gyroscope alone (as the
        // whole-recording smoother does for a stretch with none at all): not low-passed or corrected.
        gyroscopeOnly.removeAll(keepingCapacity: true)
        gyroscopeOnly.append(contentsOf: repeatElement(false, count: n))
        var none = true
        for i in stride(from: n - 1, through: 0, by: -1) {
            if i == n - 1 || steps[i + 1] == .first { none = !hasAcceleration[i] }
            gyroscopeOnly[i] = none
        }
        // Forward low-pass, carried on; committed at `count`.
        var lowPass = self.lowPass
        for i in 0..<n {
            if steps[i] == .first { lowPass.reset() }
            if !gyroscopeOnly[i] { inertial[i] = lowPass.step(inertial[i], c) }
            if i + 1 == count { self.lowPass = lowPass }
        }
        // Backward low-pass per stretch, from its end (the window's end when it goes on beyond it).
        var end = n
        while end > 0 {
            var start = end - 1
            while start > 0 && steps[start] != .first { start -= 1 }
            if !gyroscopeOnly[end - 1] {
                var back = LowPassFilter<Vector3>()
                back.settle(at: inertial[end - 1], c)
                for i in stride(from: end - 1, through: start, by: -1) { inertial[i] = back.step(inertial[i], c) }
            }
            end = start
        }

        // Correction, carried on; the orientations given out.
        let lead = (parameters.gyroscopeDelay ?? c.period / 2) - c.period / 2
        var correction = self.correction
        for i in 0..<count {
            if steps[i] == .first { correction = .identity }
            var estimate = gyro[i]
            if !gyroscopeOnly[i] {
                let up = correction.rotate(inertial[i])
                let norm = up.norm
                if norm > 0, norm.isFinite {
                    correction = OrientationFilter.unit(OrientationFilter.product(OrientationFilter.tilt(bringingToVertical: up * (1 / norm)), correction))
                }
                estimate = OrientationFilter.product(correction, estimate)
                if lead.isFinite, abs(lead) > 1e-12 {
                    let shift = OrientationFilter.rotation((samples[i].angularVelocity - fused[i]) * max(-1, min(1, lead)))
                    estimate = OrientationFilter.unit(OrientationFilter.product(estimate, shift))
                }
            }
            gyro[i] = estimate
        }
        self.correction = correction

        // Given out in reading order: a skipped sample takes the estimate before it (the first
        // estimate when none came before).
        var given = 0
        var k = 0
        while k < pending.count {
            if pending[k] {
                guard given < count else { break }
                lastOutput = gyro[given]
                given += 1
                out.append(gyro[given - 1])
            } else {
                out.append(lastOutput ?? gyro[0])
            }
            k += 1
        }
        pending.removeFirst(k)
        samples.removeFirst(count)
        afterGap.removeFirst(count)
        forwardBias.removeFirst(count)
        information.removeFirst(count)
        steps.removeFirst(count)
    }
}
