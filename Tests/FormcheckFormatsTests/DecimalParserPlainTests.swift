import FormcheckDevices
import Foundation
import MotionCore
import Testing

@testable import FormcheckFormats

/// The CSV row's fast path (`DecimalParser.plainPrefix`, issue 14) against the full parser: where
/// it reads a cell it gives the same Double bit for bit and stops at the cell's end; where it does
/// not (it returns nil), the full parser still reads the cell. On every cell of every CSV fixture,
/// on 200,000 random decimals, on its edges (19 and 20 digits, 2⁵³, 10²², eight-digit words), and
/// through whole rows (`CSVRowCursor`) with the odd cells it leaves to the checked path.
@Suite struct DecimalParserPlainTests {
    /// What the fast path makes of the whole of `text`: nil when it does not take it, or stops
    /// before the end.
    static func plain(_ text: String) -> Double?? {
        Array(text.utf8).withUnsafeBufferPointer { b -> Double?? in
            guard let (v, end) = DecimalParser.plainPrefix(b, from: 0) else { return .none }
            return end == b.count ? .some(v) : .some(nil)
        }
    }

    static func full(_ text: String) -> Double? { DecimalParserTests.parse(text) }

    /// Checks `texts`; returns how many the fast path took.
    static func check(_ texts: [String]) -> Int {
        var taken = 0
        var wrong: [String] = []
        for s in texts {
            switch plain(s) {
            case .none: continue  // left to the full parser
            case .some(nil):
                // Stopped early: the full parser must refuse the cell (the caller falls back to it).
                if full(s) != nil, wrong.count < 10 { wrong.append("'\(s)' stopped early but is a number") }
            case .some(let v?):
                taken += 1
                if v.bitPattern != full(s)?.bitPattern, wrong.count < 10 { wrong.append("'\(s)': \(v) vs \(String(describing: full(s)))") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
        return taken
    }

    @Test func everyFixtureCellAsTheFullParser() throws {
        var cells: [String] = []
        for file in DecimalParserTests.csvFixtures() {
            let bytes = try SystemFile.read(file)
            for line in bytes.split(separator: 0x0A).dropFirst() {
                let row = line.last == 0x0D ? line.dropLast() : line
                for cell in row.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                    cells.append(String(decoding: cell, as: UTF8.self))
                }
            }
        }
        let taken = Self.check(cells)
        // The fixtures' cells are mostly plain short decimals: the fast path takes nearly all.
        #expect(cells.count > 600_000)
        #expect(Double(taken) > 0.95 * Double(cells.count), "\(taken) of \(cells.count)")
    }

    @Test func randomDecimalsAsTheFullParser() {
        var g = MalformedInputTests.SplitMix64(state: 1414)
        var texts: [String] = []
        for _ in 0..<200_000 { texts.append(DecimalParserTests.randomDecimal(&g)) }
        let taken = Self.check(texts)
        #expect(taken > 20_000)
        #expect(taken < 190_000)  // long significands and large exponents are left to the full parser
    }

    @Test func edges() {
        // Taken: 19 digits in all, 2⁵³, 10²², eight-digit words and their neighbours.
        for s in ["9007199254740992", "0.9007199254740992", "000123.456", "1e22", "1e-22", "4.5e+21",
                  "0.12345678", "0.1234567", "0.123456789", "12.34567890123", "-0", "+0.0", "7.", ".5", "-.5e-3"] {
            #expect(Self.plain(s) == .some(Self.full(s)), "'\(s)'")
            #expect(Self.plain(s)??.bitPattern == Self.full(s)?.bitPattern, "'\(s)'")
        }
        #expect(Self.plain("-0")??.sign == .minus)
        // Left to the full parser: 20 digits (leading zeros count), above 2⁵³, beyond 10²².
        for s in ["1234567890123456789", "12345678901234567890", "0.0000000000000000001", "9007199254740993", "1e23", "1e-23", "2.60978e-19",
                  "1e00001", "1e+99999"] {
            #expect(Self.plain(s) == nil, "'\(s)'")
            #expect(Self.full(s) != nil, "'\(s)'")
        }
        // Not numbers: nil or stopped early, never a value.
        for s in ["", "-", ".", "e5", "1e", "1e+", "1.2.3", "1 ", " 1", "inf", "1f", "0x10", "1e5.5"] {
            let r = Self.plain(s)
            #expect(r == nil || r == .some(nil), "'\(s)': \(String(describing: r))")
        }
        // The longest number the full parser reads has far more than 19 digits: left to it.
        let longest = "1." + String(repeating: "0", count: DecimalParser.maxLength - 2)
        #expect(Self.plain(longest) == nil)
        #expect(Self.full(longest) == 1)
    }

    /// The eight-digit word test and value, every byte at every position.
    @Test func eightDigitWords() {
        let digits = Array("31415926".utf8)
        func word(_ bytes: [UInt8]) -> UInt64 { bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) } }
        #expect(DecimalParser.isEightDigits(word(digits)))
        #expect(DecimalParser.eightDigits(word(digits)) == 31_415_926)
        #expect(DecimalParser.eightDigits(word(Array("00000000".utf8))) == 0)
        #expect(DecimalParser.eightDigits(word(Array("99999999".utf8))) == 99_999_999)
        for position in 0..<8 {
            for byte in 0...255 {
                var b = digits
                b[position] = UInt8(byte)
                let isDigit = (0x30...0x39).contains(byte)
                #expect(DecimalParser.isEightDigits(word(b)) == isDigit, "byte \(byte) at \(position)")
                if isDigit { #expect(DecimalParser.eightDigits(word(b)) == UInt64(String(decoding: b, as: UTF8.self))!) }
            }
        }
    }

    /// Rows with cells the fast path leaves (spaces, long and tiny numbers) read as their plain
    /// twins; bad rows still fail with the checked path's messages.
    @Test func rowsTheFastPathLeaves() throws {
        let plain = "t,ax,ay,az,gx,gy,gz,extra\n0,0.5,-0.25,9.81,0.001,0,0,x\n0.01,0.5,-0.25,9.81,0.001,0,0,y\n"
        let odd = "t,ax,ay,az,gx,gy,gz,extra\n 0 ,0.50000000000000000000000,-0.25 ,9.81,1e-3,0.0e0,0,x\n0.01,0.5,-2.5e-1,9.81,0.001,0,0\n"
        func samples(_ text: String) throws -> [IMUSampleBits] {
            var r = try CSVIMUReader(bytes: Array(text.utf8), path: "x.csv", units: CSVUnits(acceleration: .metersPerSecondSquared, angularRate: .radiansPerSecond, time: .s))
            var out: [IMUSampleBits] = []
            while let s = try r.nextSample() { out.append(IMUSampleBits(s)) }
            return out
        }
        #expect(try samples(odd) == samples(plain))
        #expect(try samples(plain).count == 2)
        let bad = "t,ax,ay,az,gx,gy,gz\n0,0,0,9.8,0,0,0\n0.004,0,0,9.8,0,0\n"
        let error = #expect(throws: InputError.self) { _ = try samples(bad) }
        #expect(error?.message.contains("row has 6 cells; column gz is number 7") == true, "\(String(describing: error?.message))")
        #expect(error?.line == 3)
    }

    struct IMUSampleBits: Equatable {
        var bits: [UInt64]
        init(_ s: IMUSample) {
            bits = [s.time, s.acceleration.x, s.acceleration.y, s.acceleration.z,
                    s.angularVelocity.x, s.angularVelocity.y, s.angularVelocity.z].map(\.bitPattern)
        }
    }
}
