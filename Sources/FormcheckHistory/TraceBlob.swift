import Foundation

/// An `AngleTrace`'s values as the database keeps them: 32-bit IEEE floats, little-endian, one
/// after the other (4 bytes a value; NaN kept as NaN).
enum TraceBlob {
    static func data(_ values: [Float]) -> Data {
        var data = Data(capacity: values.count * 4)
        for v in values {
            withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// The values, nil when the byte count is not a multiple of 4.
    static func values(_ data: Data) -> [Float]? {
        guard data.count % 4 == 0 else { return nil }
        var out: [Float] = []
        out.reserveCapacity(data.count / 4)
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let bits = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
            out.append(Float(bitPattern: bits))
            i += 4
        }
        return out
    }
}
