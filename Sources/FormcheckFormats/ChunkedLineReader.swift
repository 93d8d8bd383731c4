import Glibc

/// The lines of a recording, read in fixed-size chunks (64 KiB) from a `ByteChunkSource` (a file's
/// read(2), in FormcheckDevices), or copied chunk by chunk from bytes in memory: memory does not grow with the file, only with its longest
/// line. Lines end at LF; a CR before it is not part of the line; a last line without LF counts.
///
/// A line is handed out as a buffer that stays valid until the next call to `next()` (it points
/// into the reader's chunk). Copies of the reader share it (it is a class): one reader per pass.
final class ChunkedLineReader {
    /// Bytes asked of the source at a time.
    static let defaultChunkSize = 1 << 16

    private enum Input {
        case chunks(any ByteChunkSource)
        /// The bytes and the index of the next one to hand over.
        case bytes([UInt8], Int)
    }

    let path: String
    private var input: Input
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    /// Start of the first byte not handed out yet, and end of the bytes read into `buffer`.
    private var start = 0
    private var filled = 0
    /// Bytes before `filled` already known to hold no LF (so a refill does not scan them again).
    private var scanned = 0
    private var atEnd = false
    /// File offset of `buffer[0]`.
    private var bufferOffset: Int
    /// Buffer index of the start of the line last handed out (for `unread()`).
    private var lastLineStart = 0
    /// 1-based number of the line last handed out (0 before the first).
    private(set) var lineNumber: Int

    /// File offset of the next line's first byte (after the whole file: its size).
    var offset: Int { bufferOffset + start }

    /// Opens `source` at byte `offset`, whose line is number `line + 1`.
    /// - Throws: `.cannotOpen` when the source cannot be opened (a file that is missing, unreadable or a directory).
    init(_ source: RecordingSource, path: String, offset: Int = 0, line: Int = 0,
         chunkSize: Int = ChunkedLineReader.defaultChunkSize) throws(InputError) {
        self.path = path
        switch source {
        case .chunks(let bytes):
            input = .chunks(try bytes.chunks(from: offset))
        case .bytes(let bytes):
            input = .bytes(bytes, min(offset, bytes.count))
        }
        bufferOffset = offset
        lineNumber = line
        buffer = .allocate(capacity: max(chunkSize, 1))
    }

    deinit {
        buffer.deallocate()
    }

    /// The next line (without its LF and a CR before it), or nil at the end of the file. Valid
    /// until the next call.
    /// - Throws: `.cannotOpen` when reading the file fails.
    func next() throws(InputError) -> UnsafeBufferPointer<UInt8>? {
        while true {
            let from = max(start, scanned)
            if from < filled, let base = buffer.baseAddress,
               let hit = memchr(base + from, 0x0A, filled - from) {
                let newline = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                return take(upTo: newline, skipping: 1)
            }
            scanned = filled
            if atEnd {
                guard start < filled else { return nil }
                return take(upTo: filled, skipping: 0)
            }
            try refill()
        }
    }

    /// Hands out buffer[start..<end] (less a trailing CR) and moves past it and `skip` bytes.
    @inline(__always) private func take(upTo end: Int, skipping skip: Int) -> UnsafeBufferPointer<UInt8> {
        let lineStart = start
        var stop = end
        if stop > lineStart && buffer[stop - 1] == 0x0D { stop -= 1 }
        lastLineStart = lineStart
        start = end + skip
        lineNumber += 1
        return UnsafeBufferPointer(rebasing: buffer[lineStart..<stop])
    }

    /// Gives back the line `next()` just returned: the next call returns it again.
    func unread() {
        start = lastLineStart
        scanned = lastLineStart
        lineNumber -= 1
    }

    /// Moves the bytes not handed out yet to the front (growing the buffer when one line fills
    /// it) and reads more after them.
    private func refill() throws(InputError) {
        if start > 0 {
            let keep = filled - start
            if keep > 0, let base = buffer.baseAddress { memmove(base, base + start, keep) }
            bufferOffset += start
            scanned -= start
            lastLineStart = 0
            filled = keep
            start = 0
        }
        if filled == buffer.count {
            let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
            _ = bigger.initialize(from: buffer)
            buffer.deallocate()
            buffer = bigger
        }
        let room = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[filled...])
        switch input {
        case .chunks(let source):
            let n = try source.read(into: room)
            if n == 0 { atEnd = true }
            filled += n
        case .bytes(let bytes, let next):
            let n = min(room.count, bytes.count - next)
            if n == 0 {
                atEnd = true
            } else {
                bytes.withUnsafeBytes { room.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[next..<(next + n)])) }
                input = .bytes(bytes, next + n)
            }
            filled += n
        }
    }
}
