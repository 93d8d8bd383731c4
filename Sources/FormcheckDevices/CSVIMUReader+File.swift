import FormcheckFormats

extension CSVIMUReader {
    /// Reads the file at `path` in chunks; nothing of it is kept (a pipe is read into memory once).
    public init(path: String, units given: CSVUnits = .detect) throws(InputError) {
        try self.init(source: RecordingSource.opening(path), path: path, units: given)
    }
}
