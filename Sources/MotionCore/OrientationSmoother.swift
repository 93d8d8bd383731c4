/// Orientation of a whole recording, using the future as well as the past (replay, not live), in
/// the spirit of VQF's offline version (Laidig & Seel 2023, §3.6):
/// 1. the live `OrientationFilter` runs forwards, and again backwards in time (negated rates);
///    the two gyroscope-bias estimates are fused per sample by their covariances
///    (b = (P₁⁻¹ + P₂⁻¹)⁻¹ (P₁⁻¹ b₁ + P₂⁻¹ b₂));
/// 2. the gyroscope, corrected by that bias, is integrated into an inertial frame;
/// 3. the accelerometer in that frame is low-passed forwards and backwards (zero phase lag);
/// 4. each sample's heading-free correction brings the low-passed vector onto +z.
/// Gaps are handled as the live filter handles them: short ones bridged, long ones (or time going
/// backwards) start a new stretch whose inclination is estimated on its own.
public enum OrientationSmoother {
    /// One orientation (earth, z up ← sensor; heading arbitrary) per `.sample` reading, in order;
    /// `.gap` readings yield none. Samples the filter skips (non-finite values) get the
    /// neighbouring estimate.
    public static func estimate(_ readings: [SensorReading], parameters: OrientationFilter.Parameters = .init()) -> [Quaternion] {
        // The usable samples, which of them follow a gap marker, and where every reading's sample went.
        var samples: [IMUSample] = []
        var afterGap: [Bool] = []
        var slot: [Int] = []  // per .sample reading: index into samples, or −1 if skipped
        samples.reserveCapacity(readings.count)
        afterGap.reserveCapacity(readings.count)
        slot.reserveCapacity(readings.count)
        var gapSeen = false
        for r in readings {
            switch r {
            case .gap:
                gapSeen = true
            case .sample(let s):
                if s.time.isFinite && OrientationFilter.isUsable(s.acceleration) && OrientationFilter.isUsable(s.angularVelocity) {
                    slot.append(samples.count)
                    samples.append(s)
                    afterGap.append(gapSeen)
                    gapSeen = false
                } else {
                    slot.append(-1)
                }
            }
        }
        let smoothed = smooth(samples, afterGap: afterGap, parameters: parameters)

        // Back to one estimate per sample reading.
        var out: [Quaternion] = []
        out.reserveCapacity(slot.count)
        var previous: Quaternion? = nil
        for i in slot {
            if i >= 0 {
                previous = smoothed[i]
                out.append(smoothed[i])
            } else {
                out.append(previous ?? smoothed.first ?? .identity)
            }
        }
        return out
    }

    /// The smoothed orientation of each (usable) sample.
    static func smooth(_ samples: [IMUSample], afterGap: [Bool], parameters: OrientationFilter.Parameters) -> [Quaternion] {
        let n = samples.count
        guard n > 0 else { return [] }

        // 1. Forward pass: bias, its information matrix, and how each sample joins the previous.
        var forward = OrientationFilter(parameters: parameters)
        var bias = [Vector3](repeating: .zero, count: n)
        var information = [Matrix3](repeating: .zero, count: n)
        var steps = [OrientationFilter.Step](repeating: .first, count: n)
        for i in 0..<n {
            if afterGap[i] { forward.gapOccurred() }
            forward.update(samples[i])
            bias[i] = forward.gyroBias
            information[i] = forward.biasEstimator.covariance.inverse ?? .zero
            steps[i] = forward.lastStep
        }

        // Backward pass (time and rates negated), fused with the forward bias.
        var backwardParameters = parameters
        backwardParameters.samplePeriod = forward.samplePeriod
        var backward = OrientationFilter(parameters: backwardParameters)
        for i in stride(from: n - 1, through: 0, by: -1) {
            if i + 1 < n && afterGap[i + 1] { backward.gapOccurred() }
            let s = samples[i]
            backward.update(IMUSample(time: -s.time, acceleration: s.acceleration, angularVelocity: -s.angularVelocity))
            // The backward filter sees the negated bias.
            guard let info2 = backward.biasEstimator.covariance.inverse else { continue }
            let b2 = -backward.gyroBias
            let info1 = information[i]
            if let covariance = (info1 + info2).inverse {
                let fused = covariance * (info1 * bias[i] + info2 * b2)
                if fused.isFinite { bias[i] = fused }
            }
        }

        // 2.–4. Per stretch between restarts: integrate, low-pass both ways, correct.
        let coefficients = LowPassCoefficients(timeConstant: parameters.accelerometerTimeConstant, period: forward.samplePeriod)
        var out = [Quaternion](repeating: .identity, count: n)
        var inertial = [Vector3](repeating: .zero, count: n)
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && steps[end] != .first { end += 1 }
            smoothStretch(samples, bias: bias, steps: steps, range: start..<end, coefficients: coefficients,
                          parameters: parameters,
                          gyro: &out, inertial: &inertial)
            start = end
        }
        return out
    }

    /// Steps 2–4 for one stretch. `gyro` receives the integrated orientation and is overwritten
    /// with the result; `inertial` is scratch space.
    private static func smoothStretch(_ samples: [IMUSample], bias: [Vector3], steps: [OrientationFilter.Step],
                                      range: Range<Int>, coefficients: LowPassCoefficients,
                                      parameters: OrientationFilter.Parameters,
                                      gyro: inout [Quaternion], inertial: inout [Vector3]) {
        // 2. Gyroscope integration, and the accelerometer in the inertial frame.
        var q = Quaternion.identity
        var lastRate = Vector3.zero
        var lastAcceleration: Vector3? = nil
        for i in range {
            let rate = samples[i].angularVelocity - bias[i]
            if i > range.lowerBound {
                let dt = samples[i].time - samples[i - 1].time
                switch steps[i] {
                case .regular: q = OrientationFilter.unit(OrientationFilter.product(q, OrientationFilter.rotation(rate * dt)))
                case .bridged: q = OrientationFilter.unit(OrientationFilter.product(q, OrientationFilter.rotation((rate + lastRate) * (0.5 * dt))))
                case .repeated, .first: break
                }
            }
            lastRate = rate
            gyro[i] = q
            let a = samples[i].acceleration
            if a.x != 0 || a.y != 0 || a.z != 0 {
                inertial[i] = q.rotate(a)
                lastAcceleration = inertial[i]
            } else {
                // No reading: hold the last one (or, at the start, the first real one below).
                inertial[i] = lastAcceleration ?? .zero
            }
        }
        if lastAcceleration == nil { return }  // no accelerometer at all: gyroscope only
        if let firstReal = range.first(where: { inertial[$0] != .zero }) {
            for i in range.lowerBound..<firstReal { inertial[i] = inertial[firstReal] }
        }

        // 3. Zero-phase low-pass: forwards (starting from the running mean), then backwards
        // starting in steady state at the last forward output.
        var lowPass = LowPassFilter<Vector3>()
        for i in range { inertial[i] = lowPass.step(inertial[i], coefficients) }
        lowPass.reset()
        lowPass.settle(at: inertial[range.upperBound - 1], coefficients)
        for i in range.reversed() { inertial[i] = lowPass.step(inertial[i], coefficients) }

        // 4. Inclination correction per sample.
        var correction = Quaternion.identity
        for i in range {
            let up = correction.rotate(inertial[i])
            let norm = up.norm
            if norm > 0, norm.isFinite {
                correction = OrientationFilter.unit(OrientationFilter.product(OrientationFilter.tilt(bringingToVertical: up * (1 / norm)), correction))
            }
            gyro[i] = OrientationFilter.product(correction, gyro[i])
        }
        // Output at the samples' timestamps for the gyroscope's delay (see `gyroscopeDelay`).
        let lead = (parameters.gyroscopeDelay ?? coefficients.period / 2) - coefficients.period / 2
        if lead.isFinite, abs(lead) > 1e-12 {
            let clamped = max(-1, min(1, lead))
            for i in range {
                let shift = OrientationFilter.rotation((samples[i].angularVelocity - bias[i]) * clamped)
                gyro[i] = OrientationFilter.unit(OrientationFilter.product(gyro[i], shift))
            }
        }
    }
}
