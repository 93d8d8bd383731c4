import MotionCore

/// Reads IMU samples from a CSV file: a header row names the columns; `t`, `ax, ay, az` and
/// `gx, gy, gz` are required and found by name, in any order; other columns (ground truth, flags)
/// are ignored. The BROAD benchmark files are in this layout.
///
/// Samples come out in s, m/s² and rad/s. The file's units are stated (`CSVUnits`) or told from the
/// data (`CSVUnitDetector`; the time unit from the median step of the first 512 rows: an IMU's
/// period is 0.5–200 ms, so read as s, ms and µs at most one of the three is one) and converted.
/// Times that do not make a clock as they are — repeated, slightly backwards or jittery arrival
/// times (Android) — are re-timed on the uniform clock fitted to them (`CSVClockFitter`); a jump the
/// rows do not catch up with is a gap (`SensorReading.gap`). No row is dropped. What was converted
/// or re-timed is in `warnings`.
///
/// The file is read three times, in chunks and fixed memory: the first 512 rows for the time unit
/// and a provisional period, every row for the units and the clock, then every row to deliver it.
/// What the first two passes settle is a `CSVIMUReader.Layout`, from which each delivery starts.
public struct CSVIMUReader {
    public static let requiredColumns = ["t", "ax", "ay", "az", "gx", "gy", "gz"]
    /// Rows the time unit and the provisional period are taken from.
    static let leadingRows = 512
    /// Plausible sample periods of an IMU, seconds (5–2000 Hz).
    static let plausiblePeriods = 0.0005...0.2

    /// What the first two passes over a file settle: its columns, units and clock, and where its
    /// data rows start. Delivering the rows from it reads the file again, from there.
    struct Layout: Sendable {
        var header: [String]
        var columnIndex: [Int]
        var units: CSVUnitReport
        var warnings: [String]
        /// The fitted clock; nil for files of fewer than two rows.
        var clock: CSVClock?
        var retime: Bool
        /// Byte offset of the line after the header row, and the header row's line number.
        var dataOffset: Int
        var headerLine: Int
    }

    public let path: String
    let layout: Layout
    /// Column names of the header row, as written.
    public var header: [String] { layout.header }
    /// The units the file is read in and how each was settled.
    public var units: CSVUnitReport { layout.units }
    /// What reading the file involved that its user should know (units converted, times re-timed),
    /// one sentence each, without the file name.
    public var warnings: [String] { layout.warnings }
    private var cursor: CSVRowCursor
    private var row = 0
    private var run = 0
    private var lastTime: Double?
    private var pending: IMUSample?

    /// 1-based file line of the row last read.
    public var line: Int { cursor.line }

    public init(bytes: [UInt8], path: String, units given: CSVUnits = .detect) throws(InputError) {
        try self.init(source: .bytes(bytes), path: path, units: given)
    }

    package init(source: RecordingSource, path: String, units given: CSVUnits) throws(InputError) {
        let layout = try Self.layout(source, path: path, units: given)
        try self.init(source: source, path: path, layout: layout)
    }

    /// Ready at the first row of a file whose layout is known.
    init(source: RecordingSource, path: String, layout: Layout) throws(InputError) {
        self.path = path
        self.layout = layout
        cursor = try CSVRowCursor(source, path: path, columnIndex: layout.columnIndex, offset: layout.dataOffset, line: layout.headerLine)
    }

    /// The first two passes: the header, the units, the clock.
    static func layout(_ source: RecordingSource, path: String, units given: CSVUnits) throws(InputError) -> Layout {
        let lines = try ChunkedLineReader(source, path: path)
        var headerBytes: [UInt8]?
        while let l = try lines.next() {
            if !l.isEmpty { headerBytes = Array(l); break }
        }
        guard let headerBytes else {
            throw InputError(.malformed, path: path, line: 1, "empty file: no header row",
                             fix: "the first row names the columns: t,ax,ay,az,gx,gy,gz (seconds, m/s², rad/s)")
        }
        let headerLine = lines.lineNumber
        let dataOffset = lines.offset
        var names = Self.split(headerBytes[...]).map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: " \t\"")
        }
        if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
        let header = names
        var index: [Int] = []
        var missing: [String] = []
        for column in Self.requiredColumns {
            if let i = names.firstIndex(where: { $0.lowercased() == column }) { index.append(i) } else { missing.append(column) }
        }
        guard missing.isEmpty else {
            let looksNumeric = names.allSatisfy { Double($0) != nil }
            throw InputError(
                .malformed, path: path, line: headerLine,
                looksNumeric ? "no header row: the first row holds numbers" : "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) in the header row",
                fix: "the header must name t (seconds), ax, ay, az (m/s²) and gx, gy, gz (rad/s); other columns are ignored")
        }
        func rows() throws(InputError) -> CSVRowCursor {
            try CSVRowCursor(source, path: path, columnIndex: index, offset: dataOffset, line: headerLine)
        }

        // 1. The time unit and a provisional period, from the first rows.
        var leading: [Double] = []
        leading.reserveCapacity(Self.leadingRows)
        var scan = try rows()
        var lastLeadingLine = headerLine
        while leading.count < Self.leadingRows, let s = try scan.next() {
            leading.append(s.time)
            lastLeadingLine = scan.line
        }
        let time = try Self.timeUnit(leading, given: given.time, path: path, line: lastLeadingLine)
        let period = Self.provisionalPeriod(leading).map { $0 * time.unit.toSI }

        // 2. Every row: the units of the motion columns, and the clock.
        let clock: CSVClock?
        var accelerationChoice = CSVUnitReport.Choice(unit: CSVUnits.Acceleration.metersPerSecondSquared, source: .given, evidence: nil)
        var rateChoice = CSVUnitReport.Choice(unit: CSVUnits.AngularRate.radiansPerSecond, source: .given, evidence: nil)
        if let period, period > 0 {
            var fitter = CSVClockFitter(provisionalPeriod: period, path: path)
            var detector = CSVUnitDetector(period: period)
            scan = try rows()
            while let s = try scan.next() {
                _ = try fitter.add(time: s.time * time.unit.toSI, line: scan.line)
                detector.add(acceleration: s.acceleration, angularRate: s.angularVelocity)
            }
            clock = fitter.finish()
            if let u = given.acceleration { accelerationChoice.unit = u } else { accelerationChoice = try detector.acceleration(path: path) }
            if let u = given.angularRate { rateChoice.unit = u } else { rateChoice = try detector.angularRate(path: path) }
        } else {
            // No period (fewer than two rows, or times that never advance): nothing to fit or tell.
            scan = try rows()
            var count = 0
            var detector = CSVUnitDetector(period: 0.01)
            while let s = try scan.next() {
                count += 1
                detector.add(acceleration: s.acceleration, angularRate: s.angularVelocity)
            }
            if count > 1 {
                throw InputError(.malformed, path: path, line: lastLeadingLine,
                                 "time does not advance: the first \(leading.count) rows all have t = \(leading[0])",
                                 fix: "t must be the time of each row (seconds, or give --time-unit ms or us)")
            }
            clock = nil
            if let u = given.acceleration { accelerationChoice.unit = u } else { accelerationChoice = try detector.acceleration(path: path) }
            rateChoice = .init(unit: given.angularRate ?? .radiansPerSecond, source: given.angularRate == nil ? .detected : .given,
                               evidence: given.angularRate == nil ? "a single row: rad/s assumed" : nil)
        }
        let units = CSVUnitReport(acceleration: accelerationChoice, angularRate: rateChoice, time: time)
        let retime = clock?.needsRetiming ?? false
        return Layout(header: header, columnIndex: index, units: units,
                      warnings: Self.warnings(units: units, clock: clock, retime: retime),
                      clock: clock, retime: retime, dataOffset: dataOffset, headerLine: headerLine)
    }

    /// The next reading: a sample (s, m/s², rad/s) or a gap before the sample after it; nil at the
    /// end of the file.
    public mutating func nextReading() throws(InputError) -> SensorReading? {
        if let s = pending {
            pending = nil
            return .sample(s)
        }
        guard let raw = try cursor.next() else { return nil }
        let i = row
        row += 1
        var t = raw.time * layout.units.time.unit.toSI
        var startsRun = false
        if let clock = layout.clock {
            if run + 1 < clock.runs.count, clock.runs[run + 1].firstRow == i {
                run += 1
                startsRun = true
            }
            if layout.retime { t = clock.time(row: i, run: run) }
        }
        let a = layout.units.acceleration.unit.toSI, w = layout.units.angularRate.unit.toSI
        let s = IMUSample(time: t, acceleration: raw.acceleration * a, angularVelocity: raw.angularVelocity * w)
        let after = lastTime
        lastTime = t
        if startsRun {
            pending = s
            return .gap(SampleGap(reason: .timeJump, after: after))
        }
        return .sample(s)
    }

    /// The next sample, skipping gaps; nil at the end of the file.
    public mutating func nextSample() throws(InputError) -> IMUSample? {
        while let r = try nextReading() {
            if case .sample(let s) = r { return s }
        }
        return nil
    }

    /// The unit of t: stated, or the one that makes the median step of the first rows a plausible
    /// sample period (the mean step when most steps are 0).
    static func timeUnit(_ times: [Double], given: CSVUnits.Time?, path: String, line: Int) throws(InputError) -> CSVUnitReport.Choice<CSVUnits.Time> {
        if let given { return .init(unit: given, source: .given, evidence: nil) }
        guard times.count >= 2 else { return .init(unit: .s, source: .detected, evidence: "fewer than two rows: s assumed") }
        var steps: [Double] = []
        steps.reserveCapacity(times.count - 1)
        for k in 1..<times.count { steps.append(times[k] - times[k - 1]) }
        var step = CSVClockFitter.median(steps)
        var what = "median step"
        if step <= 0 {
            step = (times[times.count - 1] - times[0]) / Double(times.count - 1)
            what = "mean step"
        }
        guard step > 0 else {
            throw InputError(.malformed, path: path, line: line,
                             "time does not advance over the first \(times.count) rows (t = \(times[0]) to \(times[times.count - 1]))",
                             fix: "t must be the time of each row, increasing (seconds, or give --time-unit ms or us)")
        }
        let evidence = "\(what) \(step) over the first \(times.count) rows"
        for unit in CSVUnits.Time.allCases where plausiblePeriods.contains(step * unit.toSI) {
            return .init(unit: unit, source: .detected, evidence: evidence)
        }
        throw InputError(
            .malformed, path: path, line: line,
            "cannot tell the unit of t: the \(what) between rows is \(step), not a sample period of 0.5–200 ms in s, ms or µs",
            fix: "check that t is the time of each row; give --time-unit s, --time-unit ms or --time-unit us")
    }

    /// The period of the first rows in file units, robust to repeats, jitter and a gap: the median
    /// over rows of (t[i+k] − t[i]) / k, k = 32 (less for short files); nil when it is not positive.
    static func provisionalPeriod(_ times: [Double]) -> Double? {
        guard times.count >= 2 else { return nil }
        let k = max(1, min(32, (times.count - 1) / 4))
        var lagged: [Double] = []
        lagged.reserveCapacity(times.count - k)
        for i in 0..<(times.count - k) { lagged.append((times[i + k] - times[i]) / Double(k)) }
        var p = CSVClockFitter.median(lagged)
        if p <= 0 { p = (times[times.count - 1] - times[0]) / Double(times.count - 1) }
        return p > 0 ? p : nil
    }

    static func warnings(units: CSVUnitReport, clock: CSVClock?, retime: Bool) -> [String] {
        var out: [String] = []
        if units.time.source == .detected, units.time.unit != .s {
            out.append("t is in \(units.time.unit.symbol) (\(units.time.evidence ?? "")): converted to seconds; --time-unit states it")
        }
        if units.acceleration.source == .detected, units.acceleration.unit != .metersPerSecondSquared {
            out.append("ax, ay, az are in \(units.acceleration.unit.symbol) (\(units.acceleration.evidence ?? "")): converted to m/s² (× 9.80665); --accel-unit states it")
        }
        if units.angularRate.source == .detected, units.angularRate.unit != .radiansPerSecond {
            out.append("gx, gy, gz are in \(units.angularRate.unit.symbol) (\(units.angularRate.evidence ?? "")): converted to rad/s; --gyro-unit states it")
        }
        if let c = clock, retime {
            var parts: [String] = []
            if c.repeats > 0 { parts.append("\(c.repeats) repeat the previous row's time") }
            if c.backwards > 0 { parts.append("\(c.backwards) go slightly back") }
            if c.jittered > 0 { parts.append("\(c.jittered) step off the period by more than half of it") }
            var s = "times re-timed on a fitted uniform clock of \((1 / c.period).decimalText(2)) Hz (period \((c.period * 1000).decimalText(3)) ms): of \(c.rows) rows, "
                + parts.joined(separator: ", ")
            if c.delays > 0 { s += "; \(c.delays) jump\(c.delays == 1 ? "" : "s") of up to \((c.largestDelay * 1000).decimalText(0)) ms were delivery delays the next rows caught up with" }
            if !c.gaps.isEmpty {
                s += c.gaps.count == 1 ? "; 1 jump the rows did not catch up with (rows missing) kept as a gap, at line \(c.gaps.first!.line)"
                    : "; \(c.gaps.count) jumps the rows did not catch up with (rows missing) kept as gaps, the first at line \(c.gaps.first!.line)"
            }
            s += "; every row kept"
            out.append(s)
        }
        return out
    }

    /// Splits a header row at commas.
    static func split(_ text: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
    }

    /// A decimal number (optional sign, digits, fraction, exponent) filling bytes[a..<b] except
    /// surrounding spaces; nil for anything else (`DecimalParser`).
    static func parseDouble(_ bytes: [UInt8], _ a: Int, _ b: Int) -> Double? {
        DecimalParser.parse(bytes, a, b)
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
