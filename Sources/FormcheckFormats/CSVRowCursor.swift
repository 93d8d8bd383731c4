import MotionCore

/// Walks the data rows of a CSV IMU file, read in chunks, and parses the seven required cells of
/// each, as written (file units, no checks of the times). Blank lines are skipped; `line` is the
/// 1-based file line of the row last returned. No allocation per row.
struct CSVRowCursor {
    let path: String
    private let lines: ChunkedLineReader
    /// Cell index of t, ax, ay, az, gx, gy, gz.
    let columnIndex: [Int]
    /// For each cell index up to the largest required one: which of the seven it is, or -1.
    private let slotOfCell: [Int]

    var line: Int { lines.lineNumber }

    /// Reads `source` from byte `offset` (the first data row's line, or a blank line before it),
    /// `line` being the number of the line before it.
    init(_ source: RecordingSource, path: String, columnIndex: [Int], offset: Int, line: Int) throws(InputError) {
        self.path = path
        self.columnIndex = columnIndex
        var slots = [Int](repeating: -1, count: (columnIndex.max() ?? 0) + 1)
        for (k, c) in columnIndex.enumerated() { slots[c] = k }
        slotOfCell = slots
        lines = try ChunkedLineReader(source, path: path, offset: offset, line: line)
    }

    /// The next row as a sample in the file's units, or nil at the end of the file.
    mutating func next() throws(InputError) -> IMUSample? {
        while let text = try lines.next() {
            if text.isEmpty { continue }
            return try parseRow(text)
        }
        return nil
    }

    private func parseRow(_ text: UnsafeBufferPointer<UInt8>) throws(InputError) -> IMUSample {
        if let s = plainRow(text) { return s }
        return try checkedRow(text)
    }

    /// The common row in one scan (issue 14): each required cell a plain number
    /// (`DecimalParser.plainPrefix`) that ends at its comma or the line's end, finite and in range;
    /// the other cells skipped to their comma. nil for anything else — spaces, long or odd numbers,
    /// too few cells, bad values — which `checkedRow` reads (or explains) as before. The same values
    /// bit for bit either way.
    @inline(__always) private func plainRow(_ text: UnsafeBufferPointer<UInt8>) -> IMUSample? {
        var v = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        let end = text.count
        let ok = slotOfCell.withUnsafeBufferPointer { slots -> Bool in
            withUnsafeMutableBytes(of: &v) { raw -> Bool in
                let values = raw.bindMemory(to: Double.self)
                var p = 0
                for cell in 0..<slots.count {
                    let k = slots[cell]
                    if k >= 0 {
                        guard let (x, q) = DecimalParser.plainPrefix(text, from: p), q == end || text[q] == UInt8(ascii: ","),
                              x.isFinite, abs(x) < 1e12 else { return false }
                        values[k] = x
                        p = q
                    } else {
                        while p < end && text[p] != UInt8(ascii: ",") { p += 1 }
                    }
                    if cell + 1 == slots.count { return true }
                    guard p < end else { return false }  // fewer cells than the required columns need
                    p += 1
                }
                return true
            }
        }
        guard ok else { return nil }
        return IMUSample(time: v.0, acceleration: Vector3(v.1, v.2, v.3), angularVelocity: Vector3(v.4, v.5, v.6))
    }

    /// A row cell by cell, with the checks and their messages.
    private func checkedRow(_ text: UnsafeBufferPointer<UInt8>) throws(InputError) -> IMUSample {
        // Where the seven required cells start and end (in the line), and how many cells the row
        // has — counted to the last required one only, unless the row ends before it.
        var bounds = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let cells = withUnsafeMutableBytes(of: &bounds) { raw -> Int in
            let cell = raw.bindMemory(to: Int.self)
            let slots = slotOfCell.count
            var cells = 0
            var s = 0
            var p = 0
            let end = text.count
            while p <= end {
                if p == end || text[p] == UInt8(ascii: ",") {
                    let k = slotOfCell[cells]
                    if k >= 0 {
                        cell[2 * k] = s
                        cell[2 * k + 1] = p
                    }
                    cells += 1
                    if cells == slots { break }
                    s = p + 1
                }
                p += 1
            }
            return cells
        }
        var v = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        for k in 0..<7 {
            let column = columnIndex[k]
            guard column < cells else {
                let name = CSVIMUReader.requiredColumns[k]
                throw InputError(.malformed, path: path, line: line,
                                 "row has \(cells) cell\(cells == 1 ? "" : "s"); column \(name) is number \(column + 1)",
                                 fix: "every row needs a value for each of t, ax, ay, az, gx, gy, gz")
            }
            let (a, b) = withUnsafeBytes(of: bounds) { ($0.load(fromByteOffset: 16 * k, as: Int.self), $0.load(fromByteOffset: 16 * k + 8, as: Int.self)) }
            let cell = UnsafeBufferPointer(rebasing: text[a..<b])
            guard let x = DecimalParser.parse(DecimalParser.trimmed(cell)) else {
                let name = CSVIMUReader.requiredColumns[k]
                let blank = cell.allSatisfy { $0 == 0x20 || $0 == 0x09 }
                throw InputError(.malformed, path: path, line: line,
                                 "column \(name): " + (blank ? "empty cell" : "'\(EvemuReader.preview(Array(cell)[...], limit: 30))' is not a number"),
                                 fix: "write decimal numbers (e.g. 9.81 or -1.5e-3)")
            }
            guard x.isFinite, abs(x) < 1e12 else {
                let name = CSVIMUReader.requiredColumns[k]
                throw InputError(.malformed, path: path, line: line,
                                 "column \(name): \(x) is not a finite value in range",
                                 fix: "replace missing readings by interpolated values or drop the row")
            }
            switch k {
            case 0: v.0 = x
            case 1: v.1 = x
            case 2: v.2 = x
            case 3: v.3 = x
            case 4: v.4 = x
            case 5: v.5 = x
            default: v.6 = x
            }
        }
        return IMUSample(time: v.0, acceleration: Vector3(v.1, v.2, v.3), angularVelocity: Vector3(v.4, v.5, v.6))
    }
}
