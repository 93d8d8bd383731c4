/// A 3 × 3 matrix of doubles, stored by rows. Used for rotation matrices (unitless) and for the
/// covariance of the gyroscope-bias estimate ((rad/s)²).
public struct Matrix3: Sendable, Hashable {
    /// First, second and third row.
    public var row0: Vector3
    public var row1: Vector3
    public var row2: Vector3

    @inlinable @inline(__always)
    public init(rows row0: Vector3, _ row1: Vector3, _ row2: Vector3) {
        self.row0 = row0
        self.row1 = row1
        self.row2 = row2
    }

    public static let zero = Matrix3(rows: .zero, .zero, .zero)
    public static let identity = Matrix3(diagonal: 1)

    /// s on the diagonal, 0 elsewhere.
    @inlinable @inline(__always)
    public init(diagonal s: Double) {
        self.init(rows: Vector3(s, 0, 0), Vector3(0, s, 0), Vector3(0, 0, s))
    }

    /// The rotation matrix of a unit quaternion: `Matrix3(rotation: q) * v == q.rotate(v)`.
    @inlinable @inline(__always)
    public init(rotation q: Quaternion) {
        let ww = q.w * q.w, xx = q.x * q.x, yy = q.y * q.y, zz = q.z * q.z
        let xy = q.x * q.y, xz = q.x * q.z, yz = q.y * q.z
        let wx = q.w * q.x, wy = q.w * q.y, wz = q.w * q.z
        self.init(
            rows: Vector3(ww + xx - yy - zz, 2 * (xy - wz), 2 * (xz + wy)),
            Vector3(2 * (xy + wz), ww - xx + yy - zz, 2 * (yz - wx)),
            Vector3(2 * (xz - wy), 2 * (yz + wx), ww - xx - yy + zz))
    }

    /// The columns as vectors.
    @inlinable @inline(__always) public var column0: Vector3 { Vector3(row0.x, row1.x, row2.x) }
    @inlinable @inline(__always) public var column1: Vector3 { Vector3(row0.y, row1.y, row2.y) }
    @inlinable @inline(__always) public var column2: Vector3 { Vector3(row0.z, row1.z, row2.z) }

    @inlinable @inline(__always) public var transposed: Matrix3 { Matrix3(rows: column0, column1, column2) }

    /// The main diagonal.
    @inlinable @inline(__always) public var diagonal: Vector3 { Vector3(row0.x, row1.y, row2.z) }

    @inlinable @inline(__always) public var determinant: Double { row0.dot(row1.cross(row2)) }

    /// True when every entry is finite.
    @inlinable @inline(__always) public var isFinite: Bool { row0.isFinite && row1.isFinite && row2.isFinite }

    /// The inverse, or nil when the matrix is singular or nearly so (|determinant| not above
    /// 1e-14 × the product of the rows' lengths) or not finite.
    @inlinable @inline(__always)
    public var inverse: Matrix3? {
        // The columns of the adjugate are the cross products of the rows.
        let c0 = row1.cross(row2), c1 = row2.cross(row0), c2 = row0.cross(row1)
        let det = row0.dot(c0)
        let scale2 = row0.dot(row0) * row1.dot(row1) * row2.dot(row2)
        guard det.isFinite, scale2.isFinite, scale2 > 0, det * det > 1e-28 * scale2 else { return nil }
        let s = 1 / det
        return Matrix3(rows: Vector3(c0.x, c1.x, c2.x) * s, Vector3(c0.y, c1.y, c2.y) * s, Vector3(c0.z, c1.z, c2.z) * s)
    }

    /// (A + Aᵀ) / 2.
    @inlinable @inline(__always) public var symmetrized: Matrix3 { (self + transposed) * 0.5 }

    @inlinable @inline(__always)
    public static func * (a: Matrix3, v: Vector3) -> Vector3 {
        Vector3(a.row0.dot(v), a.row1.dot(v), a.row2.dot(v))
    }

    @inlinable @inline(__always)
    public static func * (a: Matrix3, b: Matrix3) -> Matrix3 {
        // Row i of a·b is Σ_k a[i][k] · (row k of b).
        @inline(__always) func row(_ r: Vector3) -> Vector3 { b.row0 * r.x + b.row1 * r.y + b.row2 * r.z }
        return Matrix3(rows: row(a.row0), row(a.row1), row(a.row2))
    }

    @inlinable @inline(__always)
    public static func + (a: Matrix3, b: Matrix3) -> Matrix3 {
        Matrix3(rows: a.row0 + b.row0, a.row1 + b.row1, a.row2 + b.row2)
    }

    @inlinable @inline(__always)
    public static func - (a: Matrix3, b: Matrix3) -> Matrix3 {
        Matrix3(rows: a.row0 - b.row0, a.row1 - b.row1, a.row2 - b.row2)
    }

    @inlinable @inline(__always)
    public static func * (a: Matrix3, s: Double) -> Matrix3 {
        Matrix3(rows: a.row0 * s, a.row1 * s, a.row2 * s)
    }
}
