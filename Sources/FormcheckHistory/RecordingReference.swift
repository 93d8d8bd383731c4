/// A recording a session made or replayed: where it is and what it held when the session ended.
public struct RecordingReference: Sendable, Hashable, Codable {
    /// The file's absolute path.
    public var path: String
    /// SHA-256 of the file's bytes, lowercase hex (64 characters); nil while it is being written.
    public var sha256: String?
    /// Size in bytes.
    public var bytes: Int64?

    public init(path: String, sha256: String? = nil, bytes: Int64? = nil) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}
