import FormcheckFormats

/// A regular file as a `ByteSource`: each pass opens it (`O_RDONLY | O_CLOEXEC`) and seeks to its
/// offset.
public struct FileByteSource: ByteSource {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// - Throws: `.cannotOpen` when the file cannot be opened (missing, unreadable, a directory)
    ///   or positioned.
    public func chunks(from offset: Int) throws(InputError) -> any ByteChunkSource {
        let fd = try SystemCall.openForReading(path)
        if offset > 0 {
            do { try SystemCall.seek(fd, to: offset, path: path) } catch {
                SystemCall.closeDescriptor(fd)
                throw error
            }
        }
        return FileChunkSource(fd, path: path)
    }
}
