import FormcheckDevices
import FormcheckFormats
import MotionCore

/// A BROAD benchmark trial as CSV (`t,ax,ay,az,gx,gy,gz,qw,qx,qy,qz,movement`): the IMU samples,
/// the optical reference orientation (sensor → ENU, scalar first; `nan` where the markers were lost)
/// and which samples the benchmark scores (`movement` = 1).
///
/// BROAD: D. Laidig, M. Caruso, A. Cereatti, T. Seel, "BROAD—A Benchmark for Robust Inertial
/// Orientation Estimation", Data 6(7):72, 2021, doi:10.3390/data6070072 (CC BY 4.0).
public struct BROADTrial: Sendable {
    public static let referenceColumns = ["qw", "qx", "qy", "qz", "movement"]

    public let path: String
    /// The file name without folder and `.csv`.
    public var name: String {
        var base = path.split(separator: "/").last.map(String.init) ?? path
        if base.lowercased().hasSuffix(".csv") { base.removeLast(4) }
        return base
    }
    public let samples: [IMUSample]
    /// Reference orientation per sample, nil where it is missing.
    public let reference: [Quaternion?]
    /// True for the samples the benchmark scores.
    public let movement: [Bool]

    public init(path: String) throws(InputError) {
        try self.init(bytes: SystemCall.readFile(path), path: path)
    }

    public init(bytes: [UInt8], path: String) throws(InputError) {
        self.path = path
        var reader = try CSVIMUReader(bytes: bytes, path: path, units: .si)
        var samples: [IMUSample] = []
        while let s = try reader.nextSample() { samples.append(s) }
        self.samples = samples

        let names = reader.header.map { $0.lowercased() }
        var index: [Int] = []
        for column in Self.referenceColumns {
            guard let i = names.firstIndex(of: column) else {
                throw InputError(.malformed, path: path, line: 1, "missing column \(column): not a BROAD trial file",
                                 fix: "BROAD trial files have the columns t,ax,ay,az,gx,gy,gz,qw,qx,qy,qz,movement")
            }
            index.append(i)
        }
        var reference: [Quaternion?] = []
        var movement: [Bool] = []
        reference.reserveCapacity(samples.count)
        movement.reserveCapacity(samples.count)
        for v in CSVColumnValues.rows(bytes, columns: index) {
            let q = Quaternion(w: v[0], x: v[1], y: v[2], z: v[3])
            reference.append(q.w.isFinite && q.x.isFinite && q.y.isFinite && q.z.isFinite && q.norm > 0.5 ? q : nil)
            movement.append(v[4] == 1)
        }
        guard reference.count == samples.count else {
            throw InputError(.malformed, path: path, "\(reference.count) reference rows for \(samples.count) samples",
                             fix: "every row needs all twelve columns")
        }
        self.reference = reference
        self.movement = movement
    }

    /// The BROAD figure of these estimates (one per sample): inclination RMSE in degrees over the
    /// scored samples with a reference; nil when there are none.
    public func inclinationRMSE(_ estimates: [Quaternion]) -> Double? {
        InclinationError.rootMeanSquareDegrees(estimates: estimates, references: reference, scored: movement)
    }

    /// The live filter's estimate after each sample.
    public func liveEstimates(parameters: OrientationFilter.Parameters = .init()) -> [Quaternion] {
        var filter = OrientationFilter(parameters: parameters)
        return samples.map { filter.update($0) }
    }

    /// The replay (smoothed) estimate for each sample: the whole-recording smoother, or with
    /// `window` the bounded one (`WindowedOrientationSmoother`, `window` samples per block and as
    /// many of lookahead).
    public func replayEstimates(parameters: OrientationFilter.Parameters = .init(), window: Int? = nil) -> [Quaternion] {
        guard let window else { return OrientationSmoother.estimate(samples.map { .sample($0) }, parameters: parameters) }
        var smoother = WindowedOrientationSmoother(parameters: parameters, block: window, lookahead: window)
        var out: [Quaternion] = []
        out.reserveCapacity(samples.count)
        for s in samples { smoother.add(.sample(s), into: &out) }
        smoother.finish(into: &out)
        return out
    }
}
