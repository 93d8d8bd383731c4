import FormcheckFeedback

/// Text for standard output built in a buffer and written 64 KiB at a time, for outputs of a
/// million numbers and more (`orientation`): memory stays flat however long the recording.
struct CSVOutput {
    /// Bytes held before they are written.
    static let chunk = 1 << 16
    private var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(Self.chunk + 256)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        flushIfFull()
    }

    /// `value` with exactly `decimals` decimals (`DecimalText.append`).
    mutating func number(_ value: Double, decimals: Int) {
        FormcheckFeedback.DecimalText.append(value, decimals: decimals, to: &bytes)
    }

    mutating func comma() { bytes.append(UInt8(ascii: ",")) }

    /// Ends a row; writes the buffer when it holds a chunk.
    mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        flushIfFull()
    }

    /// Writes what is held.
    mutating func flush() {
        guard !bytes.isEmpty else { return }
        writeStandardOutput(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func flushIfFull() {
        if bytes.count >= Self.chunk { flush() }
    }
}
