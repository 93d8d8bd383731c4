/// Where a recording's bytes come from: a file, read in chunks as it is parsed (nothing of it is
/// kept), or bytes already in memory (tests, the fuzzers, tools that made the recording).
public enum RecordingSource: Sendable, Hashable {
    case file(String)
    case bytes([UInt8])

    /// The file at `path`, read in chunks — or, when it is a pipe or another stream that cannot be
    /// read again, its bytes read once (a recording is read more than once: its description or
    /// CSV units first, then its readings).
    /// - Throws: `.cannotOpen` when a stream cannot be read.
    static func opening(_ path: String) throws(InputError) -> RecordingSource {
        SystemCall.isStream(path) ? .bytes(try SystemCall.readFile(path)) : .file(path)
    }
}
