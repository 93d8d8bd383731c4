/// A Hamilton quaternion, scalar first. As an orientation it rotates vectors from the
/// sensor frame into the earth frame (z up): `v_earth = q.rotate(v_sensor)`.
public struct Quaternion: Sendable, Hashable {
    public var w: Double
    public var x: Double
    public var y: Double
    public var z: Double

    @inlinable
    public init(w: Double, x: Double, y: Double, z: Double) {
        self.w = w
        self.x = x
        self.y = y
        self.z = z
    }

    public static let identity = Quaternion(w: 1, x: 0, y: 0, z: 0)

    /// The rotation by `angle` radians about `axis` (need not be unit length; a zero axis gives identity).
    @inlinable
    public init(axis: Vector3, angle: Double) {
        let n = axis.norm
        guard n > 0 else {
            self = .identity
            return
        }
        let s = (angle / 2).sine / n
        self.init(w: (angle / 2).cosine, x: axis.x * s, y: axis.y * s, z: axis.z * s)
    }

    /// The rotation vector's exponential: rotation by |v| radians about v.
    @inlinable
    public init(rotationVector v: Vector3) {
        self.init(axis: v, angle: v.norm)
    }

    @inlinable public var conjugate: Quaternion { Quaternion(w: w, x: -x, y: -y, z: -z) }
    @inlinable public var norm: Double { (w * w + x * x + y * y + z * z).squareRoot() }
    @inlinable public var vector: Vector3 { Vector3(x, y, z) }

    /// Scaled to unit length; a zero or non-finite quaternion becomes identity.
    @inlinable public var normalized: Quaternion {
        let n = norm
        guard n > 0, n.isFinite else { return .identity }
        return Quaternion(w: w / n, x: x / n, y: y / n, z: z / n)
    }

    /// Hamilton product `a ⊗ b` (apply b first, then a).
    @inlinable
    public static func * (a: Quaternion, b: Quaternion) -> Quaternion {
        Quaternion(
            w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
            x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
            y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
            z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w)
    }

    /// Rotates `v` by this (unit) quaternion: q ⊗ v ⊗ q*.
    @inlinable
    public func rotate(_ v: Vector3) -> Vector3 {
        let u = vector
        let t = 2 * u.cross(v)
        return v + w * t + u.cross(t)
    }

    /// Rotation angle in radians, 0…π (the shorter way round).
    @inlinable public var angle: Double {
        let c = min(1, abs(w) / max(norm, .leastNormalMagnitude))
        return 2 * c.arcCosine
    }

    /// Unit rotation axis; `.zero` for the identity.
    @inlinable public var axis: Vector3 {
        let v = vector.normalized
        return w < 0 ? -v : v
    }
}
