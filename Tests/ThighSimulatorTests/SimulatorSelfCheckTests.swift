import FormcheckFormats
import MotionCore
import Testing
import ThighSimulator

/// The simulator checks itself: its gyroscope integrates to its orientation, its accelerometer
/// reads gravity at rest, and its evemu output reads back to its samples.
@Suite struct SimulatorSelfCheckTests {
    static func ideal(_ name: String) -> ScenarioRenderer.Rendering {
        var s = ScenarioLibrary.named(name)!
        s.imuErrors = false
        return ScenarioRenderer(s).render()
    }

    /// Angle between two orientations, degrees.
    static func angle(_ a: Quaternion, _ b: Quaternion) -> Double {
        (a.conjugate * b).angle.degrees
    }

    /// Orientation change from uniformly spaced rate samples: per step, the rotation vector is the
    /// 4th-order quadrature (dt/24)(−ω₋₁ + 13ω₀ + 13ω₁ − ω₂) plus the two-sample coning term
    /// (dt²/12) ω₀ × ω₁ (Bortz); far more accurate than the trapezoid at walking rates.
    static func integrate(_ samples: [IMUSample]) -> [Quaternion] {
        var q = Quaternion.identity
        var out = [q]
        let w = samples.map(\.angularVelocity)
        for k in 0..<(samples.count - 1) {
            let dt = samples[k + 1].time - samples[k].time
            let a = w[max(k - 1, 0)], b = w[k], c = w[k + 1], d = w[min(k + 2, w.count - 1)]
            let phi = (b * 13 + c * 13 - a - d) * (dt / 24) + b.cross(c) * (dt * dt / 12)
            q = (q * Quaternion(rotationVector: phi)).normalized
            out.append(q)
        }
        return out
    }

    @Test(arguments: ["piriformis-dualsense", "piriformis-joycon", "walk-brisk", "strap-slip", "piriformis-too-fast"])
    func integratingTheGyroReproducesTheOrientation(_ name: String) {
        let r = Self.ideal(name)
        let integrated = Self.integrate(r.ideal)
        var worst = 0.0
        for i in stride(from: 0, to: r.ideal.count, by: 10) {
            let truth = r.orientations[0].conjugate * r.orientations[i]
            worst = max(worst, Self.angle(integrated[i], truth))
        }
        worst = max(worst, Self.angle(integrated.last!, r.orientations[0].conjugate * r.orientations.last!))
        #expect(r.ideal.count > 10_000)
        #expect(worst < 0.01, "worst orientation error \(worst)°")
    }

    @Test(arguments: ["piriformis-dualsense", "walk-slow", "piriformis-standing"])
    func atRestTheAccelerometerReadsGravity(_ name: String) {
        let r = Self.ideal(name)
        // The first 2 s of every scenario are a rest.
        let rest = r.ideal.prefix { $0.time < 2 }
        #expect(rest.count > 300)
        for (i, s) in rest.enumerated() {
            let g = r.orientations[i].conjugate.rotate(Vector3(0, 0, 9.80665))
            #expect((s.acceleration - g).norm < 1e-6)
            #expect(s.angularVelocity.norm < 1e-9)
        }
    }

    static func readBack(_ r: ScenarioRenderer.Rendering) throws -> [IMUSample] {
        let recording = try Recording(bytes: Array(r.evemuText().utf8), path: "rendered.evemu")
        return try recording.readAll().readings.compactMap { if case .sample(let s) = $0 { s } else { nil } }
    }

    /// Through the foundation's reader: exactly the values the kernel held, at the sample times.
    @Test(arguments: ["piriformis-dualsense", "piriformis-joycon", "walk-slow", "hamstring-shallow"])
    func evemuOutputReadsBackToTheKernelValues(_ name: String) throws {
        let r = ScenarioRenderer(ScenarioLibrary.named(name)!).render()
        let samples = try Self.readBack(r)
        #expect(samples.count == r.sampleTimes.count)
        let scale = try SensorScale(for: r.description, path: name)
        let t0 = samples[0].time
        for (i, s) in samples.enumerated() {
            let expected = scale.sample(r.kernelValues[i], time: r.sampleTimes[i])
            #expect(abs((s.time - t0) - r.sampleTimes[i]) < 1e-6)
            #expect(s.acceleration == expected.acceleration)
            #expect(s.angularVelocity == expected.angularVelocity)
            if s.acceleration != expected.acceleration { break }
        }
    }

    /// With the fuzz filter off, what the reader gets is the IMU's measurement within one
    /// quantisation step.
    @Test(arguments: ["piriformis-dualsense", "piriformis-joycon"])
    func readBackWithinQuantisation(_ name: String) throws {
        let r = ScenarioRenderer(ScenarioLibrary.named(name)!).render(fuzz: 0)
        let samples = try Self.readBack(r)
        let scale = try SensorScale(for: r.description, path: name)
        let quantum = ScenarioLibrary.named(name)!.device.quantum
        var worstAccel = 0.0
        var worstGyro = 0.0
        for (i, s) in samples.enumerated() {
            let c = r.continuousValues[i]
            worstAccel = max(worstAccel, abs(s.acceleration.x / scale.acceleration.x - c[0]), abs(s.acceleration.z / scale.acceleration.z - c[2]))
            worstGyro = max(worstGyro, abs(s.angularVelocity.y / scale.angularVelocity.y - c[4]))
        }
        #expect(worstAccel <= quantum.accelerometer / 2 + 1e-6)
        #expect(worstGyro <= quantum.gyroscope / 2 + 1e-6)
    }

    @Test func aDropIsASynDroppedGapOfTheRightLength() throws {
        let r = ScenarioRenderer(ScenarioLibrary.named("piriformis-syn-dropped")!).render()
        let recording = try Recording(bytes: Array(r.evemuText().utf8), path: "dropped.evemu")
        let summary = try RecordingSummary(recording: recording)
        #expect(summary.gaps.count == 1)
        #expect(summary.gaps.first?.missingSamples == 30)
        #expect(r.truth.gaps.count == 1 && r.truth.gaps[0].frames == 30)
        #expect(summary.samples == r.sampleTimes.count - 30)
        // The gap is inside the first hold.
        let hold = try #require(r.truth.holds.first)
        let gapTime = try #require(summary.gaps.first?.after)
        #expect(gapTime > hold.start && gapTime < hold.end)
    }

    @Test func renderingIsDeterministic() {
        let a = ScenarioRenderer(ScenarioLibrary.named("hamstring-shallow")!).render()
        let b = ScenarioRenderer(ScenarioLibrary.named("hamstring-shallow")!).render()
        #expect(a.events == b.events)
        #expect(a.truth == b.truth)
    }
}
