import Foundation
import Testing

@testable import FormcheckDevices
@testable import FormcheckFormats

/// The byte-level number parser of CSV cells against Swift's own `Double(String)` (strtod,
/// correctly rounded): bit for bit, on every cell of every CSV fixture and on 200,000 random
/// decimals of every length and exponent; and the syntax it refuses, case by case.
@Suite struct DecimalParserTests {
    static func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parse($0) }
    }

    /// Every CSV file under Fixtures/, recursively.
    static func csvFixtures() -> [String] {
        let root = Fixtures.root
        let names = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted().map { root + "/" + $0 }
    }

    @Test func everyFixtureCellReadsAsDoubleOfString() throws {
        let files = Self.csvFixtures()
        #expect(files.count >= 10)
        var compared = 0
        for file in files {
            let bytes = try SystemFile.read(file)
            for line in bytes.split(separator: 0x0A).dropFirst() {
                let row = line.last == 0x0D ? line.dropLast() : line
                for cell in row.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                    let text = String(decoding: cell, as: UTF8.self).trimmingCharacters(in: .init(charactersIn: " \t"))
                    let ours = DecimalParser.parse(Array(cell), 0, cell.count)
                    let reference = Double(text)
                    if let ours {
                        #expect(ours.bitPattern == reference?.bitPattern, "\(file): '\(text)' read as \(ours), Double(String) \(String(describing: reference))")
                        compared += 1
                    } else {
                        // Refused: only text that is not a plain decimal (inf, nan, hex) may be a Double.
                        #expect(reference == nil || text.contains { $0.isLetter && $0 != "e" && $0 != "E" }, "\(file): '\(text)' refused")
                    }
                }
            }
        }
        // The fixtures' numbers: 691,160 cells when this was written.
        #expect(compared > 600_000)
    }

    /// A decimal of 0–24 integer digits, an optional fraction of 0–24 digits and an optional
    /// exponent, small or as far as subnormals and overflow.
    static func randomDecimal(_ g: inout MalformedInputTests.SplitMix64) -> String {
        var s = ""
        switch g.next() % 4 { case 0: s += "-"; case 1: s += "+"; default: break }
        let digits = Array("0123456789")
        let integerDigits = Int(g.next() % 25)
        for _ in 0..<integerDigits { s.append(digits[Int(g.next() % 10)]) }
        if integerDigits == 0 || g.next() % 3 != 0 {
            s += "."
            let fraction = Int(g.next() % 25) + (integerDigits == 0 ? 1 : 0)
            for _ in 0..<fraction { s.append(digits[Int(g.next() % 10)]) }
        }
        switch g.next() % 4 {
        case 0:
            s += g.next() % 2 == 0 ? "e" : "E"
            switch g.next() % 3 { case 0: s += "-"; case 1: s += "+"; default: break }
            s += String(g.next() % 30)
        case 1:
            s += "e" + (g.next() % 2 == 0 ? "-" : "") + String(g.next() % 340)
        default: break
        }
        return s
    }

    @Test func randomDecimalsReadAsDoubleOfString() {
        var g = MalformedInputTests.SplitMix64(state: 14)
        // Both paths are taken often: short plain decimals (the exact fast path) and long
        // significands (strtod).
        var short = 0, long = 0
        var mismatches: [String] = []
        for _ in 0..<200_000 {
            let s = Self.randomDecimal(&g)
            let ours = Self.parse(s)
            let reference = Double(s)
            if ours?.bitPattern != reference?.bitPattern, mismatches.count < 10 { mismatches.append(s) }
            let digits = s.filter(\.isNumber).count
            if !s.contains("e") && !s.contains("E") && digits <= 15 { short += 1 }
            if digits >= 25 { long += 1 }
        }
        #expect(mismatches.isEmpty, "read differently from Double(String): \(mismatches)")
        #expect(short > 10_000)
        #expect(long > 10_000)
    }

    /// The fast path's edges: 2⁵³ and one above it, 19 and 20 significant digits, 10²² and 10²³,
    /// leading and trailing zeros, halfway cases, the smallest and largest Doubles.
    @Test func fastPathEdgesReadAsDoubleOfString() {
        let cases = [
            "9007199254740992", "9007199254740993", "9007199254740993e-5", "1234567890123456789", "12345678901234567890",
            "1e22", "1e23", "1e-22", "1e-23", "9007199254740992e22", "9007199254740992e-22", "0.000000000000000000000001",
            "100000000000000000000000000", "0.1", "0.2", "0.3", "2.5e-324", "4.9e-324", "2.2250738585072014e-308",
            "1.7976931348623157e308", "1.7976931348623159e308", "1e309", "0", "-0", "-0.0e5", "0e-999999999999",
            "00000000000000000000000000001.5", "1.00000000000000000000000000000", "7.", ".5", "+.5", "-5.E+2", "9.80665",
            "123456789012345678e-3", "0.30000000000000004", "5e-1", "1E0",
        ]
        for s in cases {
            #expect(Self.parse(s)?.bitPattern == Double(s)?.bitPattern, "\(s): \(String(describing: Self.parse(s))) vs \(String(describing: Double(s)))")
        }
        #expect(Self.parse("-0")?.sign == .minus)
    }

    /// What strtod would not read whole, and what it reads that is not a plain decimal, is refused.
    @Test func refusesWhatIsNotAPlainDecimal() {
        for s in ["", "-", "+", ".", "-.", "e5", ".e5", "1e", "1e+", "1e-", "1.2.3", "--1", "+-1", "1-", "1e5e5", "1e5.5",
                  "inf", "-inf", "nan", "infinity", "0x1p3", "0x10", "1,5", "1 5", " 1", "1 ", "1f", "١", "1e1 "] {
            #expect(Self.parse(s) == nil, "'\(s)' read as \(String(describing: Self.parse(s)))")
        }
        // The longest number read, and one byte more.
        let longest = "1." + String(repeating: "0", count: DecimalParser.maxLength - 2)
        #expect(Self.parse(longest) == 1)
        #expect(Self.parse(longest + "0") == nil)
    }

    @Test func trimsSpacesAndTabsAroundACell() {
        let bytes = Array(" \t-1.5e-3\t ".utf8)
        #expect(DecimalParser.parse(bytes, 0, bytes.count) == -1.5e-3)
        #expect(DecimalParser.parse(bytes, 2, 5) == -1)
        #expect(DecimalParser.parse(bytes, 0, 2) == nil)
    }
}
