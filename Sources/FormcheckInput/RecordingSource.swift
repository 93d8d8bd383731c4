/// Where a recording's bytes come from: a file, read in chunks as it is parsed (nothing of it is
/// kept), or bytes already in memory (tests, the fuzzers, tools that made the recording).
public enum RecordingSource: Sendable, Hashable {
    case file(String)
    case bytes([UInt8])
}
