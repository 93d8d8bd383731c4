extension Quaternion {
    /// The rotation taking the orthonormal triad `a` onto the orthonormal triad `b` (each a right-handed
    /// set of unit vectors, the first two perpendicular).
    public init(fromTriad a: (Vector3, Vector3, Vector3), to b: (Vector3, Vector3, Vector3)) {
        // R = B · Aᵀ, with A and B having the triads as columns.
        func m(_ i: Int, _ j: Int) -> Double {
            let bc = [b.0, b.1, b.2]
            let ac = [a.0, a.1, a.2]
            var s = 0.0
            for k in 0..<3 {
                let bi = [bc[k].x, bc[k].y, bc[k].z][i]
                let aj = [ac[k].x, ac[k].y, ac[k].z][j]
                s += bi * aj
            }
            return s
        }
        self.init(rotationMatrix: [[m(0, 0), m(0, 1), m(0, 2)], [m(1, 0), m(1, 1), m(1, 2)], [m(2, 0), m(2, 1), m(2, 2)]])
    }

    /// The quaternion of a rotation matrix (rows), by Shepperd's method.
    public init(rotationMatrix r: [[Double]]) {
        let trace = r[0][0] + r[1][1] + r[2][2]
        if trace > 0 {
            let s = (trace + 1).squareRoot() * 2
            self.init(w: s / 4, x: (r[2][1] - r[1][2]) / s, y: (r[0][2] - r[2][0]) / s, z: (r[1][0] - r[0][1]) / s)
        } else if r[0][0] > r[1][1] && r[0][0] > r[2][2] {
            let s = (1 + r[0][0] - r[1][1] - r[2][2]).squareRoot() * 2
            self.init(w: (r[2][1] - r[1][2]) / s, x: s / 4, y: (r[0][1] + r[1][0]) / s, z: (r[0][2] + r[2][0]) / s)
        } else if r[1][1] > r[2][2] {
            let s = (1 + r[1][1] - r[0][0] - r[2][2]).squareRoot() * 2
            self.init(w: (r[0][2] - r[2][0]) / s, x: (r[0][1] + r[1][0]) / s, y: s / 4, z: (r[1][2] + r[2][1]) / s)
        } else {
            let s = (1 + r[2][2] - r[0][0] - r[1][1]).squareRoot() * 2
            self.init(w: (r[1][0] - r[0][1]) / s, x: (r[0][2] + r[2][0]) / s, y: (r[1][2] + r[2][1]) / s, z: s / 4)
        }
        self = self.normalized
    }
}
