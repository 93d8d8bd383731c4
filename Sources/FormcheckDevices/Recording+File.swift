import FormcheckFormats

extension Recording {
    /// Opens and checks the recording at `path`, read in chunks (a pipe: read once into memory);
    /// the format comes from the extension (.csv, .evemu) or, failing that, from the first line.
    /// `units`: the units of a CSV file's columns where the user states them (the rest are told
    /// from the data); evemu files ignore them.
    /// - Throws: `.cannotOpen` when the file cannot be read, `.malformed` and others as
    ///   `Recording(source:path:units:)`.
    public init(path: String, units: CSVUnits = .detect) throws(InputError) {
        try self.init(source: RecordingSource.opening(path), path: path, units: units)
    }
}
