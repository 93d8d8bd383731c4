/// One pass over a recording's bytes, chunk by chunk: each call fills the front of a buffer with
/// the next bytes. FormcheckDevices supplies the one over a file descriptor (read(2)); formats
/// read through this protocol and make no system call of their own.
///
/// A class: the reader owns what it reads from (a descriptor is closed when the reader goes).
public protocol ByteChunkSource: AnyObject {
    /// Fills the front of `buffer` with the next bytes.
    /// - Returns: how many bytes were put there, 1…`buffer.count`; 0 only at the end.
    /// - Throws: `InputError` (`.cannotOpen`) naming the path, errno and what to check.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
}
