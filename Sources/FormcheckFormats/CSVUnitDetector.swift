import MotionCore

/// Tells the units of a CSV file's accelerometer and gyroscope columns from the data, row by row in
/// fixed memory (histograms and running sums), once the time unit is known.
///
/// - **Acceleration**, from |a| at rest: the median of the mean |a| over still 0.1 s blocks (|a|
///   varies by less than 2 % of its mean within the block), or, with fewer than five such blocks,
///   the median |a| over every row (moving, |a| still averages to gravity). At rest that is 1 g:
///   3.9–24.5 reads as m/s² (0.4–2.5 g, allowing for sensor offsets, clipping and running), 0.4–2.5
///   as g. The two ranges are a factor 9.8 apart and do not overlap; anything else is refused.
/// - **Angular rate**, by physics: the gyroscope must turn the accelerometer's gravity direction.
///   Over consecutive 0.1 s blocks, the angle between the blocks' mean acceleration directions is
///   summed (A), and so is the gyroscope's rotation perpendicular to that direction, reading the
///   values as rad/s (G; rotation about gravity is invisible to the accelerometer). In rad/s A/G is
///   about 1 (0.9–4.7 on every real and benchmark file seen; linear acceleration and noise only raise
///   it); in °/s read as rad/s G is 57.3 times too large and A/G is below 0.09. So A/G ≥ 0.4 reads as
///   rad/s, ≤ 0.12 as °/s, and between them the unit cannot be told. This needs the recording to move
///   or last: with A and G both under 0.5 rad (about 30°) there is too little to compare, and rad/s
///   (the documented unit) is kept. Independently, a 99th percentile of |ω| above 35 cannot be rad/s
///   (2000 °/s, the largest range of consumer gyroscopes, and well beyond a thigh's ~20 rad/s): it
///   is °/s, and a file whose A/G says rad/s at the same time is refused.
struct CSVUnitDetector: Sendable {
    /// Rows per 0.1 s block (at least one).
    let blockRows: Int
    /// Sample period, seconds.
    let period: Double

    private var rowNorms = LogHistogram()
    private var stillBlockNorms = LogHistogram()
    private var rates = LogHistogram()
    private var blockAcceleration = Vector3.zero
    private var blockRate = Vector3.zero
    private var blockNorm = 0.0
    private var blockNormSquares = 0.0
    private var blockCount = 0
    private var previousDirection: Vector3?
    /// Summed angle between consecutive blocks' gravity directions, rad.
    private(set) var accelerometerTurn = 0.0
    /// Summed gyroscope rotation perpendicular to gravity, file units read as rad/s, rad.
    private(set) var gyroscopeTurn = 0.0

    static let restBlockSeconds = 0.1
    static let stillRelativeSpread = 0.02
    static let minimumStillBlocks = 5
    static let metersPerSecondSquaredRange = 3.9...24.5
    static let gRange = 0.4...2.5
    static let radiansRatio = 0.4
    static let degreesRatio = 0.12
    static let minimumTurn = 0.5
    static let largestRadiansPerSecond = 35.0

    /// `period`: the sample period in seconds.
    init(period: Double) {
        self.period = period
        blockRows = max(1, Int((Self.restBlockSeconds / period).rounded()))
    }

    mutating func add(acceleration a: Vector3, angularRate w: Vector3) {
        let n = a.norm
        rowNorms.add(n)
        rates.add(w.norm)
        blockAcceleration += a
        blockRate += w
        blockNorm += n
        blockNormSquares += n * n
        blockCount += 1
        if blockCount == blockRows { closeBlock() }
    }

    private mutating func closeBlock() {
        defer {
            blockAcceleration = .zero
            blockRate = .zero
            blockNorm = 0
            blockNormSquares = 0
            blockCount = 0
        }
        let k = Double(blockCount)
        let meanNorm = blockNorm / k
        let variance = max(0, blockNormSquares / k - meanNorm * meanNorm)
        if blockCount >= 2, meanNorm > 0, variance.squareRoot() < Self.stillRelativeSpread * meanNorm {
            stillBlockNorms.add(meanNorm)
        }
        guard blockAcceleration.norm > 0 else { return }
        let direction = blockAcceleration.normalized
        if let previous = previousDirection {
            accelerometerTurn += max(-1, min(1, direction.dot(previous))).arcCosine
            let sum = direction + previous
            let axis = sum.norm > 0 ? sum.normalized : direction
            let perpendicular = blockRate - axis * blockRate.dot(axis)
            gyroscopeTurn += perpendicular.norm * period
        }
        previousDirection = direction
    }

    /// The acceleration unit, or the reason it cannot be told.
    func acceleration(path: String) throws(InputError) -> CSVUnitReport.Choice<CSVUnits.Acceleration> {
        let atRest = stillBlockNorms.count >= Self.minimumStillBlocks
        guard let median = atRest ? stillBlockNorms.quantile(0.5) : rowNorms.quantile(0.5) else {
            return .init(unit: .metersPerSecondSquared, source: .detected, evidence: "no rows")
        }
        let evidence = "median |a| \(atRest ? "at rest" : "over all rows") \(Self.text(median, 2))"
        if Self.metersPerSecondSquaredRange.contains(median) {
            return .init(unit: .metersPerSecondSquared, source: .detected, evidence: evidence)
        }
        if Self.gRange.contains(median) { return .init(unit: .g, source: .detected, evidence: evidence) }
        throw InputError(
            .malformed, path: path,
            "cannot tell the accelerometer's unit: \(evidence) is neither about 9.81 (m/s²) nor about 1 (g)",
            fix: "check that ax, ay, az are the accelerometer (specific force including gravity); if they are, give --accel-unit g or --accel-unit m/s2")
    }

    /// The angular-rate unit, or the reason it cannot be told.
    func angularRate(path: String) throws(InputError) -> CSVUnitReport.Choice<CSVUnits.AngularRate> {
        let p99 = rates.quantile(0.99) ?? 0
        let enough = max(accelerometerTurn, gyroscopeTurn) >= Self.minimumTurn
        let ratio = gyroscopeTurn > 0 ? accelerometerTurn / gyroscopeTurn : .infinity
        let ratioText = "gravity turned \(Self.text(accelerometerTurn.degrees, 0))° while the gyroscope read as rad/s turned \(Self.text(gyroscopeTurn.degrees, 0))° (ratio \(Self.text(ratio, 3)))"
        let fix = "give --gyro-unit rad/s or --gyro-unit deg/s"
        if p99 > Self.largestRadiansPerSecond {
            if enough && ratio >= Self.radiansRatio {
                throw InputError(
                    .malformed, path: path,
                    "cannot tell the gyroscope's unit: 99 % of |ω| is below \(Self.text(p99, 1)), too fast for rad/s, but \(ratioText) says rad/s",
                    fix: "check that gx, gy, gz are the gyroscope on the same axes as ax, ay, az; " + fix)
            }
            return .init(unit: .degreesPerSecond, source: .detected,
                         evidence: "99th percentile of |ω| \(Self.text(p99, 1)), beyond any rad/s gyroscope")
        }
        guard enough else {
            return .init(unit: .radiansPerSecond, source: .detected,
                         evidence: "too little motion to tell (\(ratioText)); rad/s assumed")
        }
        if ratio >= Self.radiansRatio { return .init(unit: .radiansPerSecond, source: .detected, evidence: ratioText) }
        if ratio <= Self.degreesRatio { return .init(unit: .degreesPerSecond, source: .detected, evidence: ratioText) }
        throw InputError(
            .malformed, path: path,
            "cannot tell the gyroscope's unit: \(ratioText), between rad/s (about 1) and °/s (about 0.02)",
            fix: "check that gx, gy, gz are the gyroscope on the same axes as ax, ay, az; " + fix)
    }

    static func text(_ x: Double, _ decimals: Int) -> String { x.decimalText(decimals) }
}
