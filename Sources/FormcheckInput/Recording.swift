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
    /// The units a CSV file is read in and how they were settled; nil for evemu (its units come
    /// from the device's resolutions).
    public var csvUnits: CSVUnitReport? { csv?.units }
    /// What reading the file involved that its user should know (CSV: units converted, times
    /// re-timed), one sentence each without the file name; print them as `formcheck: PATH: warning: …`.
    public var warnings: [String] { csv?.warnings ?? [] }
    private let bytes: [UInt8]
    /// The CSV reader, ready at the first row (units told, clock fitted).
    private let csv: CSVIMUReader?

    /// Opens and checks a recording; the format comes from the extension (.csv, .evemu) or,
    /// failing that, from the first line. `units`: the units of a CSV file's columns where the
    /// user states them (the rest are told from the data); evemu files ignore them.
    public init(path: String, units: CSVUnits = .detect) throws(InputError) {
        try self.init(bytes: SystemCall.readFile(path), path: path, units: units)
    }

    public init(bytes: [UInt8], path: String, units: CSVUnits = .detect) throws(InputError) {
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
        case .evemu:
            description = try EvemuReader(bytes: bytes, path: path).description
            csv = nil
        case .csv:
            csv = try CSVIMUReader(bytes: bytes, path: path, units: units)
            description = nil
        }
    }

    /// Every reading in the file, with what the decoder saw (evemu) — for replay and inspect.
    public func readAll() throws(InputError) -> (readings: [SensorReading], statistics: DecoderStatistics?) {
        var out: [SensorReading] = []
        switch format {
        case .csv:
            guard var reader = csv else { return (out, nil) }
            while let r = try reader.nextReading() { out.append(r) }
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
