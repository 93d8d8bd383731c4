/// Where a recording's bytes come from: a source read in chunks as it is parsed (a file, through
/// FormcheckDevices: nothing of it is kept), or bytes already in memory (tests, the fuzzers, tools
/// that made the recording, and a pipe read once).
public enum RecordingSource: Sendable {
    case chunks(any ByteSource)
    case bytes([UInt8])
}
