// Elementary functions for the motion core without Foundation or a C import: the standard
// library has no sin/cos/atan2, so they are written here with documented accuracy.

extension Double {
    /// 2π.
    public static let twoPi = 2 * Double.pi

    /// Degrees to radians.
    @inlinable public var radians: Double { self * .pi / 180 }
    /// Radians to degrees.
    @inlinable public var degrees: Double { self * 180 / .pi }

    /// sin(self), absolute error below 1e-15 for |self| < 1e6.
    @inlinable public var sine: Double { MathKernels.sin(self, quadrantShift: 0) }
    /// cos(self), absolute error below 1e-15 for |self| < 1e6.
    @inlinable public var cosine: Double { MathKernels.sin(self, quadrantShift: 1) }
    /// acos(self) in radians 0…π; input clamped to −1…1.
    @inlinable public var arcCosine: Double { MathKernels.acos(self) }
    /// asin(self) in radians −π/2…π/2; input clamped to −1…1.
    @inlinable public var arcSine: Double { Double.pi / 2 - MathKernels.acos(self) }

    /// tan(self), relative error below 1e-15 away from the poles (sine over cosine).
    @inlinable public var tangent: Double { sine / cosine }
    /// e^self: relative error below 1e-15; +∞ above 709.78, 0 below −745.1, NaN for NaN.
    @inlinable public var exponential: Double { MathKernels.exp(self) }

    /// atan2(y, x) in radians −π…π.
    @inlinable public static func atan2(_ y: Double, _ x: Double) -> Double { MathKernels.atan2(y, x) }
}

/// Polynomial kernels behind `Double.sine` and friends.
public enum MathKernels {
    /// sin(x + shift·π/2) by reduction to |r| ≤ π/4 and Taylor series to degree 17/18.
    @inlinable
    public static func sin(_ x: Double, quadrantShift: Int) -> Double {
        guard x.isFinite else { return .nan }
        // Reduce x = k·(π/2) + r with π/2 split in three (fdlibm's Cody–Waite constants): the
        // first part has 33 significant bits, so k·part1 is exact for |k| < 2^20.
        let k = (x * (2 / Double.pi)).rounded()
        let r = ((x - k * 1.57079632673412561417e+00) - k * 6.07710050630396597660e-11) - k * 2.02226624879595063154e-21
        let q = (Int(k.truncatingRemainder(dividingBy: 4) + 4) + quadrantShift) & 3
        switch q {
        case 0: return sinPoly(r)
        case 1: return cosPoly(r)
        case 2: return -sinPoly(r)
        default: return -cosPoly(r)
        }
    }

    @inlinable
    static func sinPoly(_ r: Double) -> Double {
        let r2 = r * r
        var p = 1.0 / 355687428096000.0  // 1/17!
        p = p * r2 - 1.0 / 1307674368000.0
        p = p * r2 + 1.0 / 6227020800.0
        p = p * r2 - 1.0 / 39916800.0
        p = p * r2 + 1.0 / 362880.0
        p = p * r2 - 1.0 / 5040.0
        p = p * r2 + 1.0 / 120.0
        p = p * r2 - 1.0 / 6.0
        return r + r * r2 * p
    }

    @inlinable
    static func cosPoly(_ r: Double) -> Double {
        let r2 = r * r
        var p = 1.0 / 6402373705728000.0  // 1/18!
        p = p * r2 - 1.0 / 20922789888000.0
        p = p * r2 + 1.0 / 87178291200.0
        p = p * r2 - 1.0 / 479001600.0
        p = p * r2 + 1.0 / 3628800.0
        p = p * r2 - 1.0 / 40320.0
        p = p * r2 + 1.0 / 720.0
        p = p * r2 - 1.0 / 24.0
        p = p * r2 + 0.5
        return 1 - r2 * p
    }

    /// atan(x) for |x| ≤ 1 by argument halving and a series; full range by reflection.
    @inlinable
    public static func atan(_ x: Double) -> Double {
        guard x.isFinite else { return x.isNaN ? .nan : (x > 0 ? .pi / 2 : -.pi / 2) }
        let a = Swift.abs(x)
        let inverted = a > 1
        var t = inverted ? 1 / a : a
        // Two halvings: atan(t) = 2·atan(t / (1 + sqrt(1 + t²))), leaves |t| ≤ tan(π/16).
        t = t / (1 + (1 + t * t).squareRoot())
        t = t / (1 + (1 + t * t).squareRoot())
        let t2 = t * t
        // Horner form of Σ (−1)^k t^(2k) / (2k+1), k = 0…12: error below 1e-19 for |t| ≤ 0.2.
        var p = 0.0
        var k = 12
        while k >= 0 {
            p = p * t2 + (k % 2 == 0 ? 1.0 : -1.0) / Double(2 * k + 1)
            k -= 1
        }
        var r = 4 * t * p
        if inverted { r = .pi / 2 - r }
        return x < 0 ? -r : r
    }

    @inlinable
    public static func atan2(_ y: Double, _ x: Double) -> Double {
        if x > 0 { return atan(y / x) }
        if x < 0 { return y >= 0 ? atan(y / x) + .pi : atan(y / x) - .pi }
        if y > 0 { return .pi / 2 }
        if y < 0 { return -.pi / 2 }
        return 0
    }

    /// e^x by reduction x = k·ln 2 + r, |r| ≤ ln 2 / 2 (ln 2 split in two, Cody–Waite), a Taylor
    /// series to degree 14 for e^r, and scaling by 2^k.
    @inlinable
    public static func exp(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        let k = (x * 1.4426950408889634).rounded()  // x / ln 2
        let r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
        // Horner form of Σ r^n / n!, n = 0…14.
        var e = 1.0 / 87178291200.0
        e = e * r + 1.0 / 6227020800.0
        e = e * r + 1.0 / 479001600.0
        e = e * r + 1.0 / 39916800.0
        e = e * r + 1.0 / 3628800.0
        e = e * r + 1.0 / 362880.0
        e = e * r + 1.0 / 40320.0
        e = e * r + 1.0 / 5040.0
        e = e * r + 1.0 / 720.0
        e = e * r + 1.0 / 120.0
        e = e * r + 1.0 / 24.0
        e = e * r + 1.0 / 6.0
        e = e * r + 0.5
        e = e * r + 1
        e = e * r + 1
        // 2^k in two factors, so that k down to −1075 (subnormal results) stays representable.
        let k1 = Int(k) / 2, k2 = Int(k) - Int(k) / 2
        return e * Double(sign: .plus, exponent: k1, significand: 1) * Double(sign: .plus, exponent: k2, significand: 1)
    }

    /// acos(c) for c clamped to −1…1, via atan2 of the half-angle form (accurate near ±1).
    @inlinable
    public static func acos(_ c: Double) -> Double {
        guard !c.isNaN else { return .nan }
        let cc = Swift.min(1, Swift.max(-1, c))
        return 2 * atan2((1 - cc).squareRoot(), (1 + cc).squareRoot())
    }
}
