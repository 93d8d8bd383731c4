import Glibc
import MotionCore

/// Reads IMU samples from a CSV file: a header row names the columns; `t` (seconds), `ax, ay, az`
/// (m/s²) and `gx, gy, gz` (rad/s) are required and found by name, in any order; other columns
/// (ground truth, flags) are ignored. The BROAD benchmark files are in this layout.
public struct CSVIMUReader: Sendable {
    public static let requiredColumns = ["t", "ax", "ay", "az", "gx", "gy", "gz"]

    public let path: String
    /// Column names of the header row, as written.
    public let header: [String]
    private let bytes: [UInt8]
    private let columnIndex: [Int]
    private var offset: Int
    public private(set) var line: Int
    private var lastTime: Double?

    public init(bytes: [UInt8], path: String) throws(InputError) {
        self.path = path
        var cursor = LineCursor(bytes: bytes)
        var headerLine: (start: Int, end: Int, number: Int)?
        while let l = cursor.next() {
            if l.end > l.start { headerLine = l; break }
        }
        guard let h = headerLine else {
            throw InputError(.malformed, path: path, line: 1, "empty file: no header row",
                             fix: "the first row names the columns: t,ax,ay,az,gx,gy,gz (seconds, m/s², rad/s)")
        }
        var names = Self.split(bytes[h.start..<h.end]).map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: " \t\"")
        }
        if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
        header = names
        var index: [Int] = []
        var missing: [String] = []
        for column in Self.requiredColumns {
            if let i = names.firstIndex(where: { $0.lowercased() == column }) { index.append(i) } else { missing.append(column) }
        }
        guard missing.isEmpty else {
            let looksNumeric = names.allSatisfy { Double($0) != nil }
            throw InputError(
                .malformed, path: path, line: h.number,
                looksNumeric ? "no header row: the first row holds numbers" : "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) in the header row",
                fix: "the header must name t (seconds), ax, ay, az (m/s²) and gx, gy, gz (rad/s); other columns are ignored")
        }
        columnIndex = index
        self.bytes = bytes
        offset = cursor.offset
        line = h.number
    }

    /// The next sample, or nil at the end of the file. Blank lines are skipped.
    public mutating func nextSample() throws(InputError) -> IMUSample? {
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

    private mutating func parseRow(_ start: Int, _ end: Int) throws(InputError) -> IMUSample {
        // Cell boundaries.
        var cells: [(Int, Int)] = []
        cells.reserveCapacity(header.count)
        var s = start
        var p = start
        while p <= end {
            if p == end || bytes[p] == UInt8(ascii: ",") {
                cells.append((s, p))
                s = p + 1
            }
            p += 1
        }
        var v = [Double](repeating: 0, count: 7)
        for (k, column) in columnIndex.enumerated() {
            guard column < cells.count else {
                throw InputError(.malformed, path: path, line: line,
                                 "row has \(cells.count) cell\(cells.count == 1 ? "" : "s"); column \(Self.requiredColumns[k]) is number \(column + 1)",
                                 fix: "every row needs a value for each of t, ax, ay, az, gx, gy, gz")
            }
            let (a, b) = cells[column]
            guard let x = Self.parseDouble(bytes, a, b) else {
                let blank = bytes[a..<b].allSatisfy { $0 == 0x20 || $0 == 0x09 }
                throw InputError(.malformed, path: path, line: line,
                                 "column \(Self.requiredColumns[k]): " + (blank ? "empty cell" : "'\(EvemuReader.preview(bytes[a..<b], limit: 30))' is not a number"),
                                 fix: "write decimal numbers (e.g. 9.81 or -1.5e-3); t in seconds, ax…az in m/s², gx…gz in rad/s")
            }
            guard x.isFinite, abs(x) < 1e12 else {
                throw InputError(.malformed, path: path, line: line,
                                 "column \(Self.requiredColumns[k]): \(x) is not a finite value in range",
                                 fix: "replace missing readings by interpolated values or drop the row")
            }
            v[k] = x
        }
        if let lastTime, !(v[0] > lastTime) {
            throw InputError(.malformed, path: path, line: line,
                             "time \(v[0]) s does not increase (previous row: \(lastTime) s)",
                             fix: "sort the rows by t and remove duplicated rows")
        }
        lastTime = v[0]
        return IMUSample(time: v[0], acceleration: Vector3(v[1], v[2], v[3]), angularVelocity: Vector3(v[4], v[5], v[6]))
    }

    /// Splits a header row at commas.
    static func split(_ text: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
    }

    /// A decimal number (optional sign, digits, fraction, exponent) filling bytes[a..<b] except
    /// surrounding spaces; nil for anything else.
    static func parseDouble(_ bytes: [UInt8], _ a: Int, _ b: Int) -> Double? {
        var a = a, b = b
        while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
        while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09) { b -= 1 }
        guard b > a, b - a < 64 else { return nil }
        // Only characters of a plain decimal number; strtod would also take "inf", hex and more.
        var sawDigit = false
        for i in a..<b {
            let c = bytes[i]
            switch c {
            case 0x30...0x39: sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt8(0))
        return withUnsafeMutableBytes(of: &buffer) { raw -> Double? in
            let n = b - a
            for i in 0..<n { raw[i] = bytes[a + i] }
            raw[n] = 0
            let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &endPointer)
            guard let endPointer, endPointer - base == n else { return nil }
            return value
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
