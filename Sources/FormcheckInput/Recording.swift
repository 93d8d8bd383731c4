import MotionCore

/// A recorded session on disk: an evemu recording or a CSV IMU file.
public struct Recording: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case evemu
        case csv
    }

    public let path: String
    public let format: Format
    /// The recorded device (evemu files); nil for CSV.
    public let description: DeviceDescription?
    private let bytes: [UInt8]

    /// Opens and checks the header of a recording; the format comes from the extension
    /// (.csv, .evemu) or, failing that, from the first line.
    public init(path: String) throws(InputError) {
        try self.init(bytes: SystemCall.readFile(path), path: path)
    }

    public init(bytes: [UInt8], path: String) throws(InputError) {
        self.path = path
        self.bytes = bytes
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") {
            format = .csv
        } else if lower.hasSuffix(".evemu") || lower.hasSuffix(".evemu.txt") {
            format = .evemu
        } else {
            let first = bytes.drop { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }.prefix(2)
            format = first.first == UInt8(ascii: "#") || Array(first) == Array("N:".utf8) || Array(first) == Array("E:".utf8) ? .evemu : .csv
        }
        switch format {
        case .evemu: description = try EvemuReader(bytes: bytes, path: path).description
        case .csv:
            _ = try CSVIMUReader(bytes: bytes, path: path)
            description = nil
        }
    }

    /// Every reading in the file, with what the decoder saw (evemu) — for replay and inspect.
    public func readAll() throws(InputError) -> (readings: [SensorReading], statistics: DecoderStatistics?) {
        var out: [SensorReading] = []
        switch format {
        case .csv:
            var reader = try CSVIMUReader(bytes: bytes, path: path)
            while let s = try reader.nextSample() { out.append(.sample(s)) }
            return (out, nil)
        case .evemu:
            var reader = try EvemuReader(bytes: bytes, path: path)
            var decoder = try SampleDecoder(description: reader.description, path: path)
            while let e = try reader.nextEvent() {
                if let r = decoder.consume(e, line: reader.line) { out.append(r) }
            }
            return (out, decoder.statistics)
        }
    }

    /// The raw events of an evemu recording (empty for CSV).
    public func events() throws(InputError) -> [InputEvent] {
        guard format == .evemu else { return [] }
        var reader = try EvemuReader(bytes: bytes, path: path)
        return try reader.allEvents()
    }

    /// The recording as an asynchronous stream, the same element type a live device yields.
    public func readings() -> AsyncThrowingStream<SensorReading, any Error> {
        AsyncThrowingStream { continuation in
            do {
                for r in try readAll().readings { continuation.yield(r) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
    }
}
