/// A consumer accelerometer's bias and scale error, and their correction: `corrected(a) =
/// (a − bias) / scale`, per axis. A 6D filter cannot tell an accelerometer bias (±20 mg per axis on
/// consumer parts) from tilt, and the tilt it causes differs from pose to pose, so it shows in the
/// hip angle. At rest the specific force is gravity alone, so every still rest says
/// |corrected(a)| = g: with rests at several poses that fixes the bias and scale along the
/// directions the poses span (magnitude constraints, as in the classic multi-position
/// calibration). `estimate` is a maximum a posteriori fit: Gauss-Newton on those constraints with a
/// Gaussian prior on each parameter (the consumer error sizes), so that directions no pose
/// constrains (e.g. along a flexion axis that every movement turns about) stay at the prior's zero
/// instead of fitting noise.
public struct AccelerometerCalibration: Sendable, Hashable {
    /// m/s², sensor frame.
    public var bias: Vector3
    /// Per-axis sensitivity (1 = exact).
    public var scale: Vector3

    public static let identity = AccelerometerCalibration(bias: .zero, scale: Vector3(1, 1, 1))

    public init(bias: Vector3, scale: Vector3) {
        self.bias = bias
        self.scale = scale
    }

    @inlinable
    public func corrected(_ a: Vector3) -> Vector3 {
        Vector3((a.x - bias.x) / scale.x, (a.y - bias.y) / scale.y, (a.z - bias.z) / scale.z)
    }

    public struct Parameters: Sendable, Hashable {
        /// Standard gravity, m/s² (local gravity differs by under 0.3 %: an isotropic scale, which
        /// tilts nothing).
        public var gravity = 9.80665
        /// Prior standard deviations: bias per axis (20 mg), scale per axis (1 %).
        public var biasPrior = 0.196
        public var scalePrior = 0.01
        /// Standard deviation of one rest's constraint, m/s² (the rest's own noise, sway and the
        /// model's error).
        public var restNoise = 0.02
        /// Rests this long or longer count fully; shorter ones in proportion, seconds.
        public var fullWeight = 1.0
        /// Gauss-Newton iterations.
        public var iterations = 8
        /// Fewer rests than this: no estimate (identity).
        public var minimumRests = 2
        public init() {}
    }

    /// The calibration that best explains rests' mean specific forces as gravity.
    /// - Parameter rests: each rest's mean specific force (m/s², sensor frame) and duration (s).
    public static func estimate(_ rests: [(acceleration: Vector3, duration: Double)],
                                parameters p: Parameters = .init()) -> AccelerometerCalibration {
        let usable = rests.filter { $0.acceleration.isFinite && abs($0.acceleration.norm - p.gravity) < 0.1 * p.gravity }
        guard usable.count >= p.minimumRests else { return .identity }
        var theta = [Double](repeating: 0, count: 6)  // bias xyz, scale error xyz
        let prior = [Double](repeating: 1 / (p.biasPrior * p.biasPrior), count: 3)
            + [Double](repeating: 1 / (p.scalePrior * p.scalePrior), count: 3)
        let noise = 1 / (p.restNoise * p.restNoise)
        for _ in 0..<p.iterations {
            var h = [Double](repeating: 0, count: 36)
            var g = [Double](repeating: 0, count: 6)
            for k in 0..<6 {
                h[k * 6 + k] = prior[k]
                g[k] = prior[k] * theta[k]
            }
            for r in usable {
                let a = [r.acceleration.x, r.acceleration.y, r.acceleration.z]
                var f = [0.0, 0, 0]
                for j in 0..<3 { f[j] = (a[j] - theta[j]) / (1 + theta[3 + j]) }
                let n = (f[0] * f[0] + f[1] * f[1] + f[2] * f[2]).squareRoot()
                let residual = n - p.gravity
                var jac = [Double](repeating: 0, count: 6)
                for j in 0..<3 {
                    let k = 1 + theta[3 + j]
                    jac[j] = -(f[j] / n) / k
                    jac[3 + j] = -(f[j] / n) * f[j] / k
                }
                let w = noise * min(1, r.duration / p.fullWeight)
                for u in 0..<6 {
                    g[u] += w * jac[u] * residual
                    for v in 0..<6 { h[u * 6 + v] += w * jac[u] * jac[v] }
                }
            }
            guard let step = solve(h, g) else { break }
            for k in 0..<6 { theta[k] -= step[k] }
        }
        guard theta.allSatisfy(\.isFinite) else { return .identity }
        return AccelerometerCalibration(bias: Vector3(theta[0], theta[1], theta[2]),
                                        scale: Vector3(1 + theta[3], 1 + theta[4], 1 + theta[5]))
    }

    /// Solves the 6×6 system h·x = g (Gaussian elimination with partial pivoting); nil when singular.
    static func solve(_ h: [Double], _ g: [Double]) -> [Double]? {
        var m = h
        var b = g
        let n = 6
        for c in 0..<n {
            var pivot = c
            for r in c + 1..<n where abs(m[r * n + c]) > abs(m[pivot * n + c]) { pivot = r }
            guard abs(m[pivot * n + c]) > 1e-300 else { return nil }
            if pivot != c {
                for k in 0..<n { m.swapAt(c * n + k, pivot * n + k) }
                b.swapAt(c, pivot)
            }
            for r in c + 1..<n {
                let f = m[r * n + c] / m[c * n + c]
                guard f != 0 else { continue }
                for k in c..<n { m[r * n + k] -= f * m[c * n + k] }
                b[r] -= f * b[c]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var s = b[r]
            for k in r + 1..<n { s -= m[r * n + k] * x[k] }
            x[r] = s / m[r * n + r]
        }
        return x
    }
}
