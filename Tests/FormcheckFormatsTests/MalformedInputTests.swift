import FormcheckDevices
import FormcheckFormats
import Foundation
import MotionCore
import Testing

/// The malformed-input catalogue: every broken recording must fail with `FILE:LINE: what is
/// wrong` (kind `.malformed`, exit status 65) — or `.notMotionSensor` for a well-formed file of
/// the wrong device — and no input may crash the reader.
///
/// The evemu cases mutate the synthetic DualSense recording, so every expected line number is
/// computed from where the bad line was put, not written by hand.
@Suite struct MalformedInputTests {
    // MARK: - Catalogue

    /// One broken input and what reading it must report.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var bytes: [UInt8]
        /// The 1-based line the error must name; nil for errors about the device, not a line.
        var line: Int?
        /// A piece of the message that says what is wrong.
        var message: String
        var kind: InputError.Kind = .malformed

        var testDescription: String { name }
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// The package root, from this file's path (Tests/FormcheckFormatsTests/<this file>).
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func fixture(_ name: String) -> [UInt8] {
        let path = packageRoot + "/Fixtures/devices/" + name
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    /// An evemu recording as lines, to put bad lines at known line numbers.
    struct EvemuText: Sendable {
        var lines: [[UInt8]]

        init(_ bytes: [UInt8]) {
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
            if lines.last == [] { lines.removeLast() }
            self.lines = lines
        }

        /// 1-based number of the first line starting with `prefix`; one past the end if none.
        func lineNumber(startingWith prefix: String) -> Int {
            (lines.firstIndex { $0.starts(with: prefix.utf8) } ?? lines.count) + 1
        }

        var nameLine: Int { lineNumber(startingWith: "N:") }
        var idLine: Int { lineNumber(startingWith: "I:") }
        var firstEventLine: Int { lineNumber(startingWith: "E:") }
        var lastLine: Int { lines.count }

        static func join(_ lines: [[UInt8]], ending: [UInt8] = [0x0A]) -> [UInt8] {
            var out: [UInt8] = []
            for l in lines { out += l + ending }
            return out
        }

        var bytes: [UInt8] { Self.join(lines) }

        /// The text with `line` inserted so that it becomes line number `n` (1-based).
        func inserting(_ line: [UInt8], asLine n: Int) -> [UInt8] {
            var l = lines
            l.insert(line, at: n - 1)
            return Self.join(l)
        }

        func inserting(_ line: String, asLine n: Int) -> [UInt8] { inserting(MalformedInputTests.bytes(line), asLine: n) }

        /// The text with line `n` (1-based) replaced.
        func replacing(line n: Int, with line: [UInt8]) -> [UInt8] {
            var l = lines
            l[n - 1] = line
            return Self.join(l)
        }

        func replacing(line n: Int, with line: String) -> [UInt8] { replacing(line: n, with: MalformedInputTests.bytes(line)) }

        /// Lines 1…n only.
        func prefix(_ n: Int) -> [UInt8] { Self.join(Array(lines.prefix(n))) }
    }

    static let dualSense = EvemuText(fixture("synthetic-dualsense-usb-pitch90.evemu"))

    static let evemuCases: [Case] = {
        let base = dualSense
        guard !base.lines.isEmpty else { return [] }
        let n = base.nameLine, i = base.idLine, f = base.firstEventLine, last = base.lastLine
        let path = "case.evemu"
        func c(_ name: String, _ bytes: [UInt8], line: Int?, _ message: String, kind: InputError.Kind = .malformed) -> Case {
            Case(name: "evemu: " + name, path: path, bytes: bytes, line: line, message: message, kind: kind)
        }
        /// An event line put before the first event of the recording.
        func badEvent(_ name: String, _ line: String, _ message: String) -> Case {
            c(name, base.inserting(line, asLine: f), line: f, message)
        }
        func badEvent(_ name: String, _ line: [UInt8], _ message: String) -> Case {
            c(name, base.inserting(line, asLine: f), line: f, message)
        }
        // The last event line, cut after its time stamp.
        let lastEvent = base.lines[last - 1]
        let cutLast = Array(lastEvent.prefix(through: lastEvent.indices.filter { lastEvent[$0] == 0x20 }[1] - 1))
        let absXLine = base.lineNumber(startingWith: "A: 00 ")
        let abs3Line = base.lineNumber(startingWith: "B: 03 ")
        var v11 = EvemuText(base.replacing(line: 1, with: "# EVEMU 1.1"))
        v11.lines[absXLine - 1] = bytes("A: 00 -32768 32768 16 0")

        return [
            // The whole file.
            c("empty file", [], line: 1, "empty file"),
            c("only comments", bytes("# EVEMU 1.3\n# a comment\n# another comment\n"), line: 3, "no device description (N: line) found"),
            c("only blank lines", bytes("\n\n\n"), line: 3, "no device description"),
            c("events and no description", bytes("E: 0.000001 0003 0000 5\nE: 0.000001 0000 0000 0\n"), line: 1, "event before the device description"),
            c("unsupported version 2.0", base.replacing(line: 1, with: "# EVEMU 2.0"), line: 1, "unsupported evemu format version 2.0"),
            c("unsupported version 1.4", base.replacing(line: 1, with: "# EVEMU 1.4"), line: 1, "unsupported evemu format version 1.4"),
            c("file cut in the middle of the last event", base.replacing(line: last, with: cutLast), line: last, "ends after the time"),
            // Description structure.
            c("event before N:", base.inserting("E: 0.000001 0003 0000 5", asLine: n), line: n, "event before the device description"),
            c("event between N: and I:", base.inserting("E: 0.000001 0003 0000 5", asLine: i), line: i, "event before the device description"),
            c("I: before N:", base.inserting("I: 0003 054c 0ce6 8111", asLine: n), line: n, "I: line before the device name (N:)"),
            c("P: before N:", base.inserting("P: 40 00 00 00 00 00 00 00", asLine: n), line: n, "P: line before the N: and I: lines"),
            c("N: and no I:", base.prefix(n), line: n, "no I: line after N:"),
            c("second N:", base.inserting("N: Another Device", asLine: f), line: f, "a second device name (N:) line"),
            c("second I:", base.inserting("I: 0003 054c 0ce6 8111", asLine: f), line: f, "a second I: line"),
            c("empty name", base.replacing(line: n, with: "N:   "), line: n, "empty device name"),
            c("unknown line tag in the description", base.inserting("X: 1", asLine: f), line: f, "unexpected line 'X: 1'"),
            c("unknown line tag among events", base.inserting("X: 1", asLine: f + 1), line: f + 1, "unexpected line 'X: 1'"),
            c("A: after the first event", base.inserting("A: 00 -1 1 0 0 1", asLine: f + 3), line: f + 3, "A: line after the first event"),
            c("N: after the first event", base.inserting("N: Late Name", asLine: f + 1), line: f + 1, "N: line after the first event"),
            c("B: after the last event", base.inserting("B: 03 3f 00 00 00 00 00 00 00", asLine: last + 1), line: last + 1, "B: line after the first event"),
            c("non-UTF-8 line in the description", base.inserting([0xFF, 0xFE, 0x80], asLine: f), line: f, "unexpected line"),
            c("NUL bytes among events", base.inserting([0, 0, 0, 0], asLine: f + 2), line: f + 2, "unexpected line '\\x00\\x00\\x00\\x00'"),
            // Description lines.
            c("I: with 3 fields", base.replacing(line: i, with: "I: 0003 054c 0ce6"), line: i, "expected 'I: bus vendor product version'"),
            c("I: not hex", base.replacing(line: i, with: "I: 0003 054c 0ceg 8111"), line: i, "four hex numbers"),
            c("I: field of 5 digits", base.replacing(line: i, with: "I: 00003 054c 0ce6 8111"), line: i, "up to 4 digits"),
            c("I: with a NUL byte", base.replacing(line: i, with: bytes("I: 0003") + [0] + bytes(" 054c 0ce6 8111")), line: i, "four hex numbers"),
            c("P: with 7 bytes", base.inserting("P: 40 00 00 00 00 00 00", asLine: f), line: f, "expected 'P:' followed by 8 hex bytes"),
            c("B: with 8 fields", base.inserting("B: 03 3f 00 00 00 00 00 00", asLine: f), line: f, "expected 'B:' followed by the event type and 8 hex bytes"),
            c("B: with an unknown type", base.inserting("B: 20 00 00 00 00 00 00 00 00", asLine: f), line: f, "unknown event type 0x20 on a B: line"),
            c("A: with 5 fields in a 1.3 file", base.inserting("A: 00 -32768 32768 16 0", asLine: f), line: f, "(format 1.3)"),
            c("A: with 7 fields", base.inserting("A: 00 -32768 32768 16 0 8192 1", asLine: f), line: f, "expected 'A: <code hex> <min> <max> <fuzz> <flat> <resolution>'"),
            c("A: minimum above maximum", base.inserting("A: 00 100 -100 0 0 8192", asLine: f), line: f, "minimum 100 is above maximum -100"),
            c("A: code beyond ABS_MAX", base.inserting("A: 40 0 1 0 0 1", asLine: f), line: f, "beyond ABS_MAX"),
            c("A: value beyond 32 bits", base.inserting("A: 00 -32768 4294967296 16 0 8192", asLine: f), line: f, "expected 'A:"),
            c("A: non-numeric value", base.inserting("A: 00 -32768 lots 16 0 8192", asLine: f), line: f, "expected 'A:"),
            c("L: without a state", base.inserting("L: 00", asLine: f), line: f, "expected 'L: <code hex> <state>'"),
            // Event lines.
            badEvent("E: and nothing else", "E:", "missing event time"),
            badEvent("truncated after the time", "E: 0.00", "the event line ends after the time"),
            badEvent("truncated after the type", "E: 0.001 0003", "the event line ends after the type"),
            badEvent("truncated after the code", "E: 0.001 0003 0000", "the event line ends after the code"),
            badEvent("truncated after the value's sign", "E: 0.001 0003 0000 -", "missing or non-numeric event value"),
            badEvent("time with no fraction", "E: 1 0003 0000 5", "no '.microseconds' part"),
            badEvent("time with an empty fraction", "E: 1. 0003 0000 5", "no microseconds after the '.'"),
            badEvent("time with 7 fractional digits", "E: 0.0000001 0003 0000 5", "more than six digits after the '.'"),
            badEvent("huge seconds", "E: 99999999999999999999.000000 0003 0000 5", "event time is too large"),
            badEvent("negative time", "E: -1.000000 0003 0000 5", "missing event time"),
            badEvent("letter after the time", "E: 0.001x 0003 0000 5", "unexpected text after the event time"),
            badEvent("value 2147483648", "E: 0.001 0003 0000 2147483648", "event value is out of the 32-bit range"),
            badEvent("value -2147483649", "E: 0.001 0003 0000 -2147483649", "event value is out of the 32-bit range"),
            badEvent("value of 25 digits", "E: 0.001 0003 0000 1234567890123456789012345", "out of the 32-bit range"),
            badEvent("non-numeric value", "E: 0.001 0003 0000 abc", "missing or non-numeric event value"),
            badEvent("trailing garbage after the value", "E: 0.001 0003 0000 5x", "unexpected text after the event value"),
            badEvent("fractional value", "E: 0.001 0003 0000 1.5", "unexpected text after the event value"),
            badEvent("type above EV_MAX", "E: 0.001 0020 0000 5", "unknown event type 0x20"),
            badEvent("type ffff", "E: 0.001 ffff 0000 5", "unknown event type 0xffff"),
            badEvent("type of 5 hex digits", "E: 0.001 00003 0000 5", "event type must be a hex number of up to four digits"),
            badEvent("code of 5 hex digits", "E: 0.001 0003 00000 5", "event code must be a hex number of up to four digits"),
            badEvent("type not hex", "E: 0.001 00g3 0000 5", "event type must be a hex number"),
            badEvent("code not hex", "E: 0.001 0003 zz 5", "event code must be a hex number"),
            badEvent("non-UTF-8 bytes in the value", bytes("E: 0.001 0003 0000 5") + [0xFF, 0xC3], "unexpected text after the event value"),
            badEvent("non-UTF-8 bytes in the time", bytes("E: 0.001") + [0xC3, 0x28] + bytes(" 0003 0000 5"), "unexpected text after the event time"),
            badEvent("NUL after the value", bytes("E: 0.001 0003 0000 5") + [0], "unexpected text after the event value"),
            badEvent("NUL inside the type", bytes("E: 0.001 00") + [0] + bytes("3 0000 5"), "event type must be a hex number"),
            // Well-formed files of devices formcheck cannot use.
            c("Wii Remote (no INPUT_PROP_ACCELEROMETER, no resolution)", fixture("wii-remote-accelerometer.evemu"), line: nil,
              "INPUT_PROP_ACCELEROMETER", kind: .notMotionSensor),
            c("no INPUT_PROP_ACCELEROMETER", base.replacing(line: base.lineNumber(startingWith: "P:"), with: "P: 00 00 00 00 00 00 00 00"),
              line: nil, "lacks INPUT_PROP_ACCELEROMETER", kind: .notMotionSensor),
            c("no resolution (five-field A: in a 1.1 file)", v11.bytes, line: nil, "ABS_X has no resolution", kind: .notMotionSensor),
            c("no gyroscope", base.replacing(line: abs3Line, with: "B: 03 07 00 00 00 00 00 00 00"), line: nil,
              "no gyroscope", kind: .notMotionSensor),
        ]
    }()

    static let csvHeader = "t,ax,ay,az,gx,gy,gz"
    static let csvRows = [
        "0.000,0.10,9.81,0.20,0.010,0.020,0.030",
        "0.004,0.11,9.80,0.21,0.011,0.021,0.031",
        "0.008,0.12,9.79,0.22,0.012,0.022,0.032",
    ]
    static let csvBase = ([csvHeader] + csvRows).joined(separator: "\n") + "\n"

    static let csvCases: [Case] = {
        func c(_ name: String, _ text: String, line: Int, _ message: String) -> Case {
            Case(name: "CSV: " + name, path: "case.csv", bytes: bytes(text), line: line, message: message)
        }
        func c(_ name: String, _ b: [UInt8], line: Int, _ message: String) -> Case {
            Case(name: "CSV: " + name, path: "case.csv", bytes: b, line: line, message: message)
        }
        /// A file-wide finding (units): no line.
        func whole(_ name: String, _ text: String, _ message: String) -> Case {
            Case(name: "CSV: " + name, path: "case.csv", bytes: bytes(text), line: nil, message: message)
        }
        /// `count` rows 10 ms apart, `row(i)` giving the cells after t.
        func rows(_ count: Int, period: Double = 0.01, _ row: (Int) -> String) -> String {
            csvHeader + "\n" + (0..<count).map { "\(Double($0) * period),\(row($0))" }.joined(separator: "\n") + "\n"
        }
        /// The base file with a bad row after the first good one (line 3).
        func badRow(_ name: String, _ row: String, _ message: String) -> Case {
            c(name, [csvHeader, csvRows[0], row, csvRows[1]].joined(separator: "\n") + "\n", line: 3, message)
        }
        /// The base file with `cell` in place of ax in the second row.
        func badCell(_ name: String, _ cell: String, _ message: String) -> Case {
            badRow(name, "0.002,\(cell),9.81,0.20,0.010,0.020,0.030", message)
        }
        return [
            c("empty file", "", line: 1, "empty file: no header row"),
            c("only blank lines", "\n\r\n\n", line: 1, "empty file: no header row"),
            c("header without t", "ax,ay,az,gx,gy,gz\n0.1,9.8,0.2,0.01,0.02,0.03\n", line: 1, "missing column t in the header row"),
            c("header without gz", "t,ax,ay,az,gx,gy\n0,0.1,9.8,0.2,0.01,0.02\n", line: 1, "missing column gz"),
            c("header with two columns", "t,ax\n0,1\n", line: 1, "missing columns ay, az, gx, gy, gz"),
            c("header after blank lines", "\n\ntime,ax,ay,az,gx,gy,gz\n", line: 3, "missing column t"),
            c("no header: a row of numbers", csvRows.joined(separator: "\n") + "\n", line: 1, "no header row: the first row holds numbers"),
            c("non-UTF-8 header", [0xFF, 0xFE, 0x2C, 0x80, 0x0A], line: 1, "missing columns t, ax"),
            badCell("cell abc", "abc", "column ax: 'abc' is not a number"),
            badCell("cell 1.2.3", "1.2.3", "column ax: '1.2.3' is not a number"),
            badCell("cell nan", "nan", "column ax: 'nan' is not a number"),
            badCell("cell inf", "inf", "column ax: 'inf' is not a number"),
            badCell("cell 0x10", "0x10", "column ax: '0x10' is not a number"),
            badCell("empty cell", "", "column ax: empty cell"),
            badCell("blank cell", "   ", "column ax: empty cell"),
            badCell("cell 1e", "1e", "'1e' is not a number"),
            badCell("cell --1", "--1", "'--1' is not a number"),
            badCell("cell 1e300", "1e300", "column ax: 1e+300 is not a finite value in range"),
            badCell("cell 1e400 (overflows to infinity)", "1e400", "column ax: inf is not a finite value in range"),
            badCell("cell of 70 digits", String(repeating: "1", count: 70), "is not a number"),
            badCell("quoted number", "\"0.1\"", "'\"0.1\"' is not a number"),
            c("non-UTF-8 cell", bytes(csvHeader + "\n0.000,") + [0xC3, 0x28] + bytes(",9.81,0.2,0.01,0.02,0.03\n"), line: 2, "column ax: "),
            c("NUL in a cell", bytes(csvHeader + "\n0.000,0.1") + [0] + bytes(",9.81,0.2,0.01,0.02,0.03\n"), line: 2, "column ax: '0.1\\x00' is not a number"),
            badRow("non-numeric time", "t0,0.1,9.8,0.2,0.01,0.02,0.03", "column t: 't0' is not a number"),
            badRow("short row", "0.002,0.1,9.8", "row has 3 cells; column az is number 4"),
            badRow("row with one cell", "0.002", "row has 1 cell; column ax is number 2"),
            // Back by more than the jitter allowance max(5 periods, 50 ms); small steps back are re-timed.
            badRow("time going back by a lot", "-0.060,0.1,9.8,0.2,0.01,0.02,0.03",
                   "time goes back 0.060 s (from 0.000 s on the previous row to -0.060 s), far more than jitter (50 ms)"),
            c("time going back in milliseconds", csvHeader + "\n0,0.1,9.8,0.2,0.01,0.02,0.03\n10,0.1,9.8,0.2,0.01,0.02,0.03\n"
                + "20,0.1,9.8,0.2,0.01,0.02,0.03\n-500,0.1,9.8,0.2,0.01,0.02,0.03\n", line: 5, "time goes back 0.520 s"),
            c("time that never advances", csvHeader + "\n" + String(repeating: "5,0.1,9.8,0.2,0.01,0.02,0.03\n", count: 4), line: 5,
              "time does not advance over the first 4 rows (t = 5.0 to 5.0)"),
            // 0.25 is 250 ms read as s (too slow for an IMU), 0.25 ms read as ms (too fast), 0.25 µs as µs.
            c("time steps of 0.25", csvHeader + "\n0,0,0,9.8,0,0,0\n0.25,0,0,9.8,0,0,0\n0.5,0,0,9.8,0,0,0\n0.75,0,0,9.8,0,0,0\n", line: 5,
              "cannot tell the unit of t: the median step between rows is 0.25, not a sample period of 0.5–200 ms in s, ms or µs"),
            whole("acceleration neither in g nor in m/s²", rows(50) { _ in "0,0,100,0,0,0" },
                  "cannot tell the accelerometer's unit: median |a| at rest"),
            whole("acceleration in mg", rows(50) { _ in "0,1000,0,0,0,0" }, "neither about 9.81 (m/s²) nor about 1 (g)"),
            // Gravity turns at 1 rad/s about x while the gyroscope says 5: neither rad/s (ratio 1) nor °/s (1/57).
            whole("gyroscope in neither rad/s nor °/s", rows(300) { i in
                let angle = Double(i) * 0.01
                return "0,\(9.81 * sin(angle)),\(9.81 * cos(angle)),5,0,0"
            }, "(ratio 0.200), between rad/s (about 1) and °/s (about 0.02)"),
            badRow("huge time", "1e16,0.1,9.8,0.2,0.01,0.02,0.03", "column t: 1e+16 is not a finite value in range"),
            c("bad row after blank lines", csvHeader + "\n" + csvRows[0] + "\n\n\r\n0.004,x,0,0,0,0,0\n", line: 5, "column ax: 'x'"),
            c("bad cell found by name in reordered columns", "gz,gy,gx,az,ay,ax,t\n0.03,0.02,0.01,0.2,9.8,0.1,0\n0.03,0.02,0.01,0.2,9.8,oops,0.004\n",
              line: 3, "column ax: 'oops' is not a number"),
            c("CRLF file with a short row", csvHeader + "\r\n" + csvRows[0] + "\r\n0.004,1\r\n", line: 3, "row has 2 cells"),
        ]
    }()

    /// What reading `bytes` (header, then every reading) throws, or nil if it reads.
    static func readError(_ bytes: [UInt8], path: String) -> InputError? {
        do {
            let recording = try Recording(bytes: bytes, path: path)
            _ = try recording.readAll()
            return nil
        } catch {
            return error
        }
    }

    @Test func catalogueIsBuilt() {
        #expect(!Self.dualSense.lines.isEmpty, "Fixtures/devices/synthetic-dualsense-usb-pitch90.evemu not found under \(Self.packageRoot)")
        #expect(1 < Self.dualSense.nameLine && Self.dualSense.nameLine < Self.dualSense.idLine && Self.dualSense.idLine < Self.dualSense.firstEventLine)
        #expect(Self.dualSense.firstEventLine < Self.dualSense.lastLine)
        #expect(Self.evemuCases.count >= 30)
        #expect(Self.csvCases.count >= 20)
        #expect(Set((Self.evemuCases + Self.csvCases).map(\.name)).count == Self.evemuCases.count + Self.csvCases.count, "case names are unique")
    }

    @Test(arguments: MalformedInputTests.evemuCases + MalformedInputTests.csvCases)
    func malformedInputIsReported(_ c: Case) throws {
        let error = try #require(Self.readError(c.bytes, path: c.path), "read without an error")
        #expect(error.kind == c.kind)
        #expect(error.path == c.path)
        #expect(error.line == c.line)
        #expect(error.exitStatus == 65)
        #expect(error.message.contains(c.message), "message: \(error.message)")
        let location = c.line.map { "\(c.path):\($0): " } ?? "\(c.path): "
        #expect(error.description.hasPrefix(location), "description: \(error.description)")
        // What formcheck prints stays on readable characters, whatever bytes the file held.
        #expect(!error.message.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" }, "message: \(error.message)")
    }

    // MARK: - Inputs that must be accepted

    static func readings(_ bytes: [UInt8], path: String) throws -> [SensorReading] {
        try Recording(bytes: bytes, path: path).readAll().readings
    }

    static func samples(_ bytes: [UInt8], path: String) throws -> [IMUSample] {
        try readings(bytes, path: path).compactMap { if case .sample(let s) = $0 { s } else { nil } }
    }

    static let baseReadings: [SensorReading] = (try? readings(dualSense.bytes, path: "base.evemu")) ?? []

    @Test func baseRecordingReads() throws {
        #expect(Self.baseReadings.count == 391)  // 390 samples and one gap
        #expect(Self.baseReadings.filter { if case .gap = $0 { true } else { false } }.count == 1)
    }

    @Test func nonUTF8DeviceNameIsRead() throws {
        let base = Self.dualSense
        let name = Self.bytes("N: Motion ") + [0xFF, 0xC3, 0x28, 0x80] + Self.bytes(" Sensors")
        let recording = try Recording(bytes: base.replacing(line: base.nameLine, with: name), path: "name.evemu")
        #expect(recording.description?.name == "Motion \u{FFFD}\u{FFFD}(\u{FFFD} Sensors")
        #expect(try recording.readAll().readings == Self.baseReadings)
    }

    @Test func crlfLineEndingsReadLikeLF() throws {
        let crlf = EvemuText.join(Self.dualSense.lines, ending: [0x0D, 0x0A])
        let recording = try Recording(bytes: crlf, path: "crlf.evemu")
        #expect(recording.description?.name == "Sony Interactive Entertainment DualSense Wireless Controller Motion Sensors")
        #expect(recording.description?.absInfo[3]?.resolution == 1024)
        #expect(try recording.readAll().readings == Self.baseReadings)
    }

    @Test func missingFinalNewlineReadsTheSame() throws {
        #expect(try Self.readings(Array(Self.dualSense.bytes.dropLast()), path: "cut.evemu") == Self.baseReadings)
    }

    @Test func int32ExtremesAreAccepted() throws {
        let base = Self.dualSense
        // MSC_TIMESTAMP is an unsigned counter in a signed field: it appears negative.
        let text = EvemuText(base.inserting("E: 0.000500 0004 0005 -2147483648", asLine: base.firstEventLine))
        var reader = try EvemuReader(bytes: text.inserting("E: 0.000500 0003 0040 2147483647", asLine: base.firstEventLine), path: "x.evemu")
        let events = try reader.allEvents()
        #expect(events.prefix(2) == [
            InputEvent(time: 500, type: 3, code: 0x40, value: .max),
            InputEvent(time: 500, type: 4, code: 5, value: .min),
        ])
        #expect(events.count == base.lines.count - base.firstEventLine + 1 + 2)
        // The first frame's own MSC_TIMESTAMP replaces it, so the samples are unchanged.
        #expect(try Self.readings(text.bytes, path: "x.evemu") == Self.baseReadings)
    }

    @Test func unknownCodesAndTypesAreIgnored() throws {
        let base = Self.dualSense
        let f = base.firstEventLine
        var text = EvemuText(base.inserting("E: 0.001120 0003 0040 7", asLine: f + 1))  // ABS code beyond ABS_MAX
        text = EvemuText(text.inserting("E: 0.001120 001e 0000 1", asLine: f + 2))  // an unassigned type
        text = EvemuText(text.inserting("E: 0.001120 0004 ffff 1", asLine: f + 3))  // MSC code ffff
        let plain = try Recording(bytes: base.bytes, path: "a.evemu").readAll()
        let mixed = try Recording(bytes: text.bytes, path: "b.evemu").readAll()
        #expect(mixed.readings == plain.readings)
        #expect(mixed.statistics?.ignoredEvents == (plain.statistics?.ignoredEvents ?? -10) + 3)
    }

    @Test func fiveFieldAbsLinesAreAcceptedInFormat11() throws {
        let base = Self.dualSense
        // ABS_HAT0X (0x10) is not enabled by the B: lines, so its range is ignored, as libevemu does.
        var text = EvemuText(base.replacing(line: 1, with: "# EVEMU 1.1"))
        text = EvemuText(text.inserting("A: 10 -1 1 0 0", asLine: base.firstEventLine))
        let reader = try EvemuReader(bytes: text.bytes, path: "old.evemu")
        #expect(reader.formatVersion == (1, 1))
        #expect(reader.description.absInfo[0x10] == nil)
        #expect(try Self.readings(text.bytes, path: "old.evemu") == Self.baseReadings)
        // The same line in the 1.3 file is an error (see the catalogue).
        #expect(Self.readError(base.inserting("A: 10 -1 1 0 0", asLine: base.firstEventLine), path: "new.evemu")?.line == base.firstEventLine)
    }

    @Test func descriptiveCommentsWithAbsurdNumbersAreHarmless() throws {
        let base = Self.dualSense
        let f = base.firstEventLine
        var text = EvemuText(base.inserting("#   Event type 3 (EV_ABS)", asLine: f))
        text = EvemuText(text.inserting("#     Event code 70000 (ABS_BEYOND)", asLine: f + 1))
        text = EvemuText(text.inserting("#       Value   12", asLine: f + 2))
        text = EvemuText(text.inserting("#     Event code 99999999999999999999999 (HUGE)", asLine: f + 3))
        text = EvemuText(text.inserting("#       Value   99999999999", asLine: f + 4))
        #expect(try Self.readings(text.bytes, path: "comments.evemu") == Self.baseReadings)
    }

    static func csvSamples(_ text: String) throws -> [IMUSample] {
        try samples(bytes(text), path: "x.csv")
    }

    @Test func csvHeaderOnlyHasNoSamples() throws {
        #expect(try Self.csvSamples(Self.csvHeader + "\n").isEmpty)
        #expect(try Self.csvSamples(Self.csvHeader).isEmpty)
    }

    @Test func csvBaseReads() throws {
        let s = try Self.csvSamples(Self.csvBase)
        #expect(s == [
            IMUSample(time: 0, acceleration: Vector3(0.10, 9.81, 0.20), angularVelocity: Vector3(0.010, 0.020, 0.030)),
            IMUSample(time: 0.004, acceleration: Vector3(0.11, 9.80, 0.21), angularVelocity: Vector3(0.011, 0.021, 0.031)),
            IMUSample(time: 0.008, acceleration: Vector3(0.12, 9.79, 0.22), angularVelocity: Vector3(0.012, 0.022, 0.032)),
        ])
    }

    @Test func csvWithBOMAndCRLFReadsTheSame() throws {
        let expected = try Self.csvSamples(Self.csvBase)
        #expect(try Self.samples([0xEF, 0xBB, 0xBF] + Self.bytes(Self.csvBase), path: "bom.csv") == expected)
        #expect(try Self.csvSamples(Self.csvBase.replacingOccurrences(of: "\n", with: "\r\n")) == expected)
        #expect(try Self.csvSamples("\n\n" + Self.csvBase + "\n\n") == expected)
    }

    @Test func csvRepeatedTimeIsRetimed() throws {
        // What the catalogue once refused ("time repeated"): the row is kept and the clock is uniform.
        let text = [Self.csvHeader, Self.csvRows[0], "0.000,0.1,9.8,0.2,0.01,0.02,0.03", Self.csvRows[1], Self.csvRows[2]].joined(separator: "\n") + "\n"
        let recording = try Recording(bytes: Self.bytes(text), path: "repeat.csv")
        let s = try Self.samples(Self.bytes(text), path: "repeat.csv")
        #expect(s.count == 4)
        for k in 1..<s.count { #expect(abs(s[k].time - s[k - 1].time - 0.004) < 1e-12) }
        #expect(s.map(\.acceleration.y) == [9.81, 9.8, 9.80, 9.79])
        #expect(recording.warnings.count == 1)
        #expect(recording.warnings.first?.contains("of 4 rows, 1 repeat the previous row's time") == true, "\(recording.warnings)")
    }

    @Test func csvSmallStepBackIsRetimed() throws {
        // 2 ms back at a 4 ms period is jitter (less than max(5 periods, 50 ms)).
        let text = [Self.csvHeader, Self.csvRows[0], "0.006,0.1,9.8,0.2,0.01,0.02,0.03", "0.004,0.1,9.8,0.2,0.01,0.02,0.03", Self.csvRows[2]]
            .joined(separator: "\n") + "\n"
        let s = try Self.samples(Self.bytes(text), path: "back.csv")
        #expect(s.count == 4)
        for k in 1..<s.count { #expect(s[k].time > s[k - 1].time) }
        #expect(try Recording(bytes: Self.bytes(text), path: "back.csv").warnings.first?.contains("1 go slightly back") == true)
    }

    @Test func csvColumnsAreFoundByName() throws {
        let text = """
            frame, GZ ,"gy",gx,truth_pitch,az,ay,ax,T,flags
            1,0.3,0.2,0.1,45,9.7,0.5,0.25,10.5,ok
            2,-0.3,-0.2,-0.1,46,9.6,0.4,0.35,10.6,
            """
        #expect(try Self.csvSamples(text) == [
            IMUSample(time: 10.5, acceleration: Vector3(0.25, 0.5, 9.7), angularVelocity: Vector3(0.1, 0.2, 0.3)),
            IMUSample(time: 10.6, acceleration: Vector3(0.35, 0.4, 9.6), angularVelocity: Vector3(-0.1, -0.2, -0.3)),
        ])
    }

    @Test func filesThatCannotBeReadExitWith66() throws {
        let missing = "/nonexistent-formcheck-dir/recording.evemu"
        do {
            _ = try Recording(path: missing)
            Issue.record("opened \(missing)")
        } catch {
            #expect(error.kind == .cannotOpen && error.exitStatus == 66 && error.line == nil && error.path == missing)
            #expect(error.description.hasPrefix(missing + ": cannot open: "))
        }
        do {
            _ = try Recording(path: Self.packageRoot + "/Fixtures")
            Issue.record("opened a directory")
        } catch {
            #expect(error.kind == .cannotOpen && error.exitStatus == 66)
            #expect(error.message.contains("directory"))
        }
    }

    @Test func exitStatusOfEveryKind() {
        let expected: [(InputError.Kind, Int32)] = [
            (.malformed, 65), (.notMotionSensor, 65), (.cannotOpen, 66), (.noDevice, 69),
            (.deviceGone, 74), (.system, 74), (.permissionDenied, 77),
        ]
        for (kind, status) in expected {
            #expect(InputError(kind, path: "p", "m").exitStatus == status, "\(kind)")
        }
    }

    // MARK: - No input crashes

    /// SplitMix64: a small deterministic generator, so a failing iteration can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes a mutation likes to write: the separators and digits the parsers care about.
    static let interestingBytes: [UInt8] = Array(" \t\n\r#:.,-+0123456789abcdefxEN".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xEF, 0xBB, 0xBF, 0xFF]
    static let interestingTokens: [String] = [
        "2147483648", "-2147483649", "-2147483648", "4294967295", "99999999999999999999", "1e308", "1e400",
        "nan", "inf", "-0", "0x", "ffff", "10000", "E: ", "N: ", "I: ", "A: 00 ", "B: 03 ", "P: ", "# EVEMU 1.1", ",", ",,,",
    ]

    static func mutate(_ input: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var b = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<9, using: &rng) {
            case 0 where !b.isEmpty: b[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
            case 1 where !b.isEmpty: b[at] = interestingBytes.randomElement(using: &rng)!
            case 2: b.insert(contentsOf: (0..<Int.random(in: 1...8, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: at)
            case 3 where !b.isEmpty: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...16, using: &rng)))
            case 4: b.removeSubrange(at..<b.count)  // truncate
            case 5, 6:
                // Duplicate or drop a whole line.
                guard let start = b[..<at].lastIndex(of: 0x0A).map({ $0 + 1 }) ?? (b.isEmpty ? nil : 0) else { break }
                let end = b[at...].firstIndex(of: 0x0A).map { $0 + 1 } ?? b.count
                if Bool.random(using: &rng) { b.insert(contentsOf: Array(b[start..<end]), at: start) } else { b.removeSubrange(start..<end) }
            case 7: b.insert(contentsOf: Array(interestingTokens.randomElement(using: &rng)!.utf8), at: at)
            default:
                // Replace a run of digits by a number token.
                guard let d = b[at...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) else { break }
                let e = b[d...].firstIndex { !($0 >= 0x30 && $0 <= 0x39) } ?? b.count
                b.replaceSubrange(d..<e, with: Array(interestingTokens.prefix(7).randomElement(using: &rng)!.utf8))
            }
        }
        return b
    }

    /// Reads one mutated input all the way through the summary `formcheck inspect` prints; it
    /// must either read or throw an `InputError` that names a line inside the file.
    static func readOrFail(_ bytes: [UInt8], path: String) -> (read: Bool, problem: String?) {
        let lines = bytes.count(where: { $0 == 0x0A }) + 1
        do {
            let recording = try Recording(bytes: bytes, path: path)
            let summary = try RecordingSummary(recording: recording)
            guard summary.duration.isFinite, summary.duration >= 0, summary.peakAcceleration.isFinite else {
                return (true, "summary not finite: duration \(summary.duration)")
            }
            return (true, nil)
        } catch {
            guard [.malformed, .notMotionSensor].contains(error.kind), error.exitStatus == 65 else {
                return (false, "kind \(error.kind) for a malformed input")
            }
            if let line = error.line, !(1...lines).contains(line) {
                return (false, "line \(line) outside 1…\(lines): \(error)")
            }
            return (false, nil)
        }
    }

    @Test func mutatedInputsNeverCrash() {
        let base = Self.dualSense
        // The description and the first 120 events keep
        // this quick in debug builds; mutations land in both parts.
        let evemu = base.prefix(base.firstEventLine + 120)
        let csv = Self.bytes(Self.csvBase + "0.012,0.13,9.78,0.23,0.013,0.023,0.033\n0.016,-1.5e-3,9.77,0.24,0.014,0.024,0.034\n")
        var rng = SplitMix64(state: 0x666F_726D_6368_6B)
        var read = 0, failed = 0
        for iteration in 0..<2000 {
            let csvTurn = iteration % 4 == 3
            let input = Self.mutate(csvTurn ? csv : evemu, using: &rng)
            // Some inputs go through format sniffing rather than the extension.
            let path = iteration % 10 == 0 ? "fuzz-\(iteration)" : (csvTurn ? "fuzz.csv" : "fuzz.evemu")
            let (ok, problem) = Self.readOrFail(input, path: path)
            if ok { read += 1 } else { failed += 1 }
            if let problem {
                Issue.record("iteration \(iteration): \(problem)")
                break
            }
        }
        // Both outcomes must occur, or the mutations are not testing anything.
        #expect(read > 100 && failed > 100, "read \(read), failed \(failed)")
    }
}
