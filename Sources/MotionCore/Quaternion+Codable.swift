/// In JSON a quaternion is `[w, x, y, z]` (scalar first).
extension Quaternion: Codable {
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let w = try c.decode(Double.self), x = try c.decode(Double.self)
        let y = try c.decode(Double.self), z = try c.decode(Double.self)
        guard c.isAtEnd, [w, x, y, z].allSatisfy(\.isFinite), (w * w + x * x + y * y + z * z) > 0.5 else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "a quaternion is [w, x, y, z]: four finite numbers of unit length"))
        }
        self = Quaternion(w: w, x: x, y: y, z: z).normalized
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(w)
        try c.encode(x)
        try c.encode(y)
        try c.encode(z)
    }
}
