import Glibc
import MotionCore
import Testing

/// The motion core's own elementary functions against the C library's.
@Suite struct MathTests {
    static let sweep: [Double] = {
        var xs: [Double] = (0...4000).map { i in -50.0 + Double(i) * 0.025 }
        xs += [0, Double.pi / 2, Double.pi, -Double.pi, 1e-9, 1e5]
        return xs
    }()

    @Test func sineAndCosineMatchLibm() {
        var worst = 0.0
        for x in Self.sweep {
            worst = max(worst, abs(x.sine - Glibc.sin(x)), abs(x.cosine - Glibc.cos(x)))
        }
        #expect(worst < 1e-14)
    }

    @Test func exponentialAndTangentMatchLibm() {
        var worst = 0.0
        for i in 0...20000 {
            let x = -740 + Double(i) * 0.0725
            let e = Glibc.exp(x)
            if e > 0 && e.isNormal { worst = max(worst, abs(x.exponential - e) / e) }
        }
        for x in [-1e-300, 0, 1e-300, 1e-12, -0.5, 0.5, 1, 2, 700, 709.78] {
            worst = max(worst, abs(x.exponential - Glibc.exp(x)) / Glibc.exp(x))
        }
        #expect(worst < 2e-15)
        #expect(710.0.exponential == .infinity)
        #expect((-750.0).exponential == 0)
        #expect(Double.nan.exponential.isNaN)
        #expect(abs((-745.0).exponential - Glibc.exp(-745)) <= Glibc.exp(-745))  // subnormal
        var worstTan = 0.0
        for i in 0...3000 {
            let x = -1.5 + Double(i) * 0.001
            worstTan = max(worstTan, abs(x.tangent - Glibc.tan(x)) / max(1, abs(Glibc.tan(x))))
        }
        #expect(worstTan < 1e-14)
    }

    @Test func inverseFunctionsMatchLibm() {
        var worst = 0.0
        for i in 0...2000 {
            let c = -1 + Double(i) / 1000
            worst = max(worst, abs(c.arcCosine - Glibc.acos(c)), abs(c.arcSine - Glibc.asin(c)))
        }
        for y in stride(from: -3.0, through: 3.0, by: 0.25) {
            for x in stride(from: -3.0, through: 3.0, by: 0.25) {
                worst = max(worst, abs(Double.atan2(y, x) - Glibc.atan2(y, x)))
            }
        }
        #expect(worst < 1e-14)
        #expect(2.0.arcCosine == 0)  // clamped
        #expect(Double.nan.sine.isNaN)
    }
}

@Suite struct QuaternionTests {
    @Test func rotatesVectorsTheHamiltonWay() {
        // +90° about +X takes +Y to +Z.
        let q = Quaternion(axis: .unitX, angle: .pi / 2)
        let v = q.rotate(.unitY)
        #expect((v - .unitZ).norm < 1e-15)
        // Composition: a ⊗ b applies b first.
        let r = Quaternion(axis: .unitZ, angle: .pi / 2) * q
        #expect((r.rotate(.unitY) - .unitZ).norm < 1e-15)
        #expect((r.rotate(.unitX) - .unitY).norm < 1e-15)
        #expect(abs(q.angle - .pi / 2) < 1e-15)
        #expect((q.axis - .unitX).norm < 1e-15)
    }

    @Test func normalizedNeverProducesNaN() {
        #expect(Quaternion(w: 0, x: 0, y: 0, z: 0).normalized == .identity)
        #expect(Quaternion(w: .nan, x: 0, y: 0, z: 0).normalized == .identity)
        #expect(Quaternion(rotationVector: .zero) == .identity)
    }
}

@Suite struct GyroIntegratorTests {
    /// A raised-cosine rate profile integrating to 90° about a tilted axis, integrated at 200 Hz.
    @Test func integratesARotationProfile() {
        let axis = Vector3(1, 2, -0.5).normalized
        var integrator = GyroIntegrator()
        let duration = 0.8
        let peak = 2 * (Double.pi / 2) / duration  // ∫ peak·(1−cos)/2 dt over duration = peak·duration/2
        for i in 0...160 {
            let t = Double(i) * 0.005
            let rate = peak * (1 - (2 * .pi * t / duration).cosine) / 2
            integrator.add(IMUSample(time: t, acceleration: .zero, angularVelocity: axis * rate))
        }
        #expect(abs(integrator.rotation.angle.degrees - 90) < 0.01)
        #expect((integrator.rotation.axis - axis).norm < 1e-9)
    }

    @Test func bridgesAGapLinearly() {
        var integrator = GyroIntegrator()
        integrator.add(IMUSample(time: 0, acceleration: .zero, angularVelocity: Vector3(0, 0, 1)))
        integrator.add(IMUSample(time: 0.5, acceleration: .zero, angularVelocity: Vector3(0, 0, 1)))
        #expect(abs(integrator.rotation.angle - 0.5) < 1e-12)
    }
}
