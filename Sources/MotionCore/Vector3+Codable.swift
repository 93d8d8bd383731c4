/// In JSON a vector is `[x, y, z]`.
extension Vector3: Codable {
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let x = try c.decode(Double.self), y = try c.decode(Double.self), z = try c.decode(Double.self)
        guard c.isAtEnd, x.isFinite, y.isFinite, z.isFinite else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "a vector is [x, y, z]: three finite numbers"))
        }
        self.init(x, y, z)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(x)
        try c.encode(y)
        try c.encode(z)
    }
}
