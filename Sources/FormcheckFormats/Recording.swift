import MotionCore

/// A recorded session on disk: an evemu recording or a CSV IMU file.
///
/// Opening one reads what is needed to check it (an evemu file's description; a CSV file's header,
/// units and clock, which takes two passes over its rows); every reading is then read again from
/// the file, in chunks, by `forEachReading`, `readAll` or `events` — the file is never held in
/// memory (a recording made from bytes keeps those bytes).
public struct Recording: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case evemu
        case csv
    }

    public let path: String
    public let format: Format
    /// The recorded device (evemu files); nil for CSV.
    public var description: DeviceDescription? { evemu?.description }
    /// The units a CSV file is read in and how they were settled; nil for evemu (its units come
    /// from the device's resolutions).
    public var csvUnits: CSVUnitReport? { csv?.units }
    /// What reading the file involved that its user should know (CSV: units converted, times
    /// re-timed), one sentence each without the file name; print them as `formcheck: PATH: warning: …`.
    public var warnings: [String] { csv?.warnings ?? [] }
    private let source: RecordingSource
    /// The evemu description and where its events start.
    private let evemu: EvemuStart?
    /// The CSV file's columns, units, clock and first row.
    private let csv: CSVIMUReader.Layout?

    /// What an evemu file's description parse leaves for the readers of its events.
    private struct EvemuStart: Sendable {
        var description: DeviceDescription
        var formatVersion: (major: Int, minor: Int)
        var eventStart: (offset: Int, line: Int)
    }

    public init(bytes: [UInt8], path: String, units: CSVUnits = .detect) throws(InputError) {
        try self.init(source: .bytes(bytes), path: path, units: units)
    }

    /// Opens and checks a recording; the format comes from the extension (.csv, .evemu) or,
    /// failing that, from the first line. `units`: the units of a CSV file's columns where the
    /// user states them (the rest are told from the data); evemu files ignore them. A file:
    /// FormcheckDevices' `Recording(path:units:)`.
    public init(source: RecordingSource, path: String, units: CSVUnits = .detect) throws(InputError) {
        self.path = path
        self.source = source
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") {
            format = .csv
        } else if lower.hasSuffix(".evemu") || lower.hasSuffix(".evemu.txt") {
            format = .evemu
        } else {
            format = try Self.sniff(source, path: path)
        }
        switch format {
        case .evemu:
            let reader = try EvemuReader(source: source, path: path)
            evemu = EvemuStart(description: reader.description, formatVersion: reader.formatVersion, eventStart: reader.eventStart)
            csv = nil
        case .csv:
            csv = try CSVIMUReader.layout(source, path: path, units: units)
            evemu = nil
        }
    }

    /// evemu when the first bytes that are not blank are `#`, `N:` or `E:`; CSV otherwise.
    private static func sniff(_ source: RecordingSource, path: String) throws(InputError) -> Format {
        let lines = try ChunkedLineReader(source, path: path)
        while let l = try lines.next() {
            guard let i = l.firstIndex(where: { $0 != 0x20 && $0 != 0x0D }) else { continue }
            let first = Array(l[i...].prefix(2))
            return first.first == UInt8(ascii: "#") || first == Array("N:".utf8) || first == Array("E:".utf8) ? .evemu : .csv
        }
        return .csv
    }

    /// Hands every reading in the file to `body` as it is read; returns what the decoder saw
    /// (evemu; nil for CSV). Memory does not grow with the file.
    public func forEachReading(_ body: (SensorReading) -> Void) throws(InputError) -> DecoderStatistics? {
        try readReadings(while: { r in
            body(r)
            return true
        })
    }

    /// Hands readings to `body` as they are read until it returns false (the rest of the file is
    /// not read); returns what the decoder saw until then (evemu; nil for CSV).
    public func readReadings(while body: (SensorReading) -> Bool) throws(InputError) -> DecoderStatistics? {
        switch format {
        case .csv:
            guard let csv else { return nil }
            var reader = try CSVIMUReader(source: source, path: path, layout: csv)
            while let r = try reader.nextReading() {
                if !body(r) { break }
            }
            return nil
        case .evemu:
            var reader = try evemuReader()
            var decoder = try SampleDecoder(description: reader.description, path: path)
            while let e = try reader.nextEvent() {
                if let r = decoder.consume(e, line: reader.line), !body(r) { break }
            }
            return decoder.statistics
        }
    }

    /// Every reading in the file, with what the decoder saw (evemu) — for replay and inspect.
    public func readAll() throws(InputError) -> (readings: [SensorReading], statistics: DecoderStatistics?) {
        var out: [SensorReading] = []
        let statistics = try forEachReading { out.append($0) }
        return (out, statistics)
    }

    /// The raw events of an evemu recording (empty for CSV).
    public func events() throws(InputError) -> [InputEvent] {
        guard format == .evemu else { return [] }
        var reader = try evemuReader()
        return try reader.allEvents()
    }

    /// A reader at the first event, the description already parsed.
    private func evemuReader() throws(InputError) -> EvemuReader {
        guard let evemu else { throw InputError(.malformed, path: path, "not an evemu recording") }
        return try EvemuReader(source: source, path: path, description: evemu.description,
                               formatVersion: evemu.formatVersion, eventStart: evemu.eventStart)
    }
}
