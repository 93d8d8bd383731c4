import FormcheckFormats

extension RecordingSource {
    /// The file at `path`, read in chunks — or, when it is a pipe or another stream that cannot be
    /// read again, its bytes read once (a recording is read more than once: its description or
    /// CSV units first, then its readings).
    /// - Throws: `.cannotOpen` when a stream cannot be read.
    public static func opening(_ path: String) throws(InputError) -> RecordingSource {
        SystemCall.isStream(path) ? .bytes(try SystemCall.readFile(path)) : .chunks(FileByteSource(path: path))
    }
}
