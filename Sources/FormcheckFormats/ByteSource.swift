/// Bytes that can be read more than once, each pass from a chosen offset — a regular file
/// (FormcheckDevices' `FileByteSource`). A recording is read more than once: its description or
/// CSV units first, then its readings.
public protocol ByteSource: Sendable {
    /// A new pass over the bytes, starting `offset` bytes (0 or more) from the start.
    /// - Throws: `InputError` (`.cannotOpen`) when the bytes cannot be opened or positioned.
    func chunks(from offset: Int) throws(InputError) -> any ByteChunkSource
}
