import FormcheckFormats
import SystemPackage

/// One pass over an open file: read(2) into the reader's buffer; the descriptor is closed when
/// the pass goes.
final class FileChunkSource: ByteChunkSource {
    private let fd: FileDescriptor
    /// Names the file in errors.
    private let path: String

    init(_ fd: FileDescriptor, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit {
        SystemCall.closeDescriptor(fd)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        try SystemCall.read(fd, into: buffer, path: path)
    }
}
