import Glibc
import MotionCore

/// Walks the data rows of a CSV IMU file and parses the seven required cells of each, as written
/// (file units, no checks of the times). Blank lines are skipped; `line` is the 1-based file line
/// of the row last returned.
struct CSVRowCursor: Sendable {
    let path: String
    let bytes: [UInt8]
    /// Cell index of t, ax, ay, az, gx, gy, gz.
    let columnIndex: [Int]
    let cellCount: Int
    var offset: Int
    var line: Int

    /// The next row as a sample in the file's units, or nil at the end of the file.
    mutating func next() throws(InputError) -> IMUSample? {
        while offset < bytes.count {
            line += 1
            let start = offset
            var stop = start
            while stop < bytes.count && bytes[stop] != 0x0A { stop += 1 }
            offset = stop + 1
            var end = stop
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            if end == start { continue }
            return try parseRow(start, end)
        }
        return nil
    }

    private func parseRow(_ start: Int, _ end: Int) throws(InputError) -> IMUSample {
        var cells: [(Int, Int)] = []
        cells.reserveCapacity(cellCount)
        var s = start
        var p = start
        while p <= end {
            if p == end || bytes[p] == UInt8(ascii: ",") {
                cells.append((s, p))
                s = p + 1
            }
            p += 1
        }
        var v = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        for (k, column) in columnIndex.enumerated() {
            let name = CSVIMUReader.requiredColumns[k]
            guard column < cells.count else {
                throw InputError(.malformed, path: path, line: line,
                                 "row has \(cells.count) cell\(cells.count == 1 ? "" : "s"); column \(name) is number \(column + 1)",
                                 fix: "every row needs a value for each of t, ax, ay, az, gx, gy, gz")
            }
            let (a, b) = cells[column]
            guard let x = CSVIMUReader.parseDouble(bytes, a, b) else {
                let blank = bytes[a..<b].allSatisfy { $0 == 0x20 || $0 == 0x09 }
                throw InputError(.malformed, path: path, line: line,
                                 "column \(name): " + (blank ? "empty cell" : "'\(EvemuReader.preview(bytes[a..<b], limit: 30))' is not a number"),
                                 fix: "write decimal numbers (e.g. 9.81 or -1.5e-3)")
            }
            guard x.isFinite, abs(x) < 1e12 else {
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
