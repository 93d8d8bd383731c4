import FormcheckFormats

extension EvemuReader {
    /// Opens the file at `path` and parses the description; the events are read as they are asked for.
    public init(path: String) throws(InputError) {
        try self.init(source: .chunks(FileByteSource(path: path)), path: path)
    }
}
