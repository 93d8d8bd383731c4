/// The numbers of chosen columns of a CSV file, row by row after the header line — what BROAD's
/// reference columns are read with (FormcheckEvaluation's `BROADTrial`).
package enum CSVColumnValues {
    /// For each row after the first non-empty line (the header), the values of `columns`
    /// (0-based column indices), in their order: NaN where a cell is missing or not a number.
    /// Empty lines are skipped.
    package static func rows(_ bytes: [UInt8], columns index: [Int]) -> [[Double]] {
        var rows: [[Double]] = []
        var cursor = LineCursor(bytes: bytes)
        var sawHeader = false
        while let l = cursor.next() {
            guard l.end > l.start else { continue }
            guard sawHeader else {
                sawHeader = true
                continue
            }
            var cells: [(Int, Int)] = []
            var start = l.start
            for p in l.start...l.end where p == l.end || bytes[p] == UInt8(ascii: ",") {
                cells.append((start, p))
                start = p + 1
            }
            var v = [Double](repeating: .nan, count: index.count)
            for (k, column) in index.enumerated() where column < cells.count {
                let (a, b) = cells[column]
                v[k] = CSVIMUReader.parseDouble(bytes, a, b) ?? .nan
            }
            rows.append(v)
        }
        return rows
    }
}
