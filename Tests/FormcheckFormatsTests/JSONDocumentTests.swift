import FormcheckFormats
import Foundation
import Testing

/// The one writer of pretty JSON documents: the determinism `JSONDocument` states, on values whose
/// text follows from the JSON grammar and Swift's shortest round-trip printing of Double.
@Suite struct JSONDocumentTests {
    struct Sample: Encodable {
        var b = 1
        var a = "path/to \"x\"\n\u{01}é"
        var Z = [0.1, 0.1 + 0.2, 100.0, -2.5, 1e-7, 1.0 / 3.0]
    }

    @Test func membersSortedNumbersShortestStringsEscapedOnce() throws {
        let text = try JSONDocument.text(Sample())
        #expect(text == """
            {
              "Z" : [
                0.1,
                0.30000000000000004,
                100,
                -2.5,
                1e-07,
                0.3333333333333333
              ],
              "a" : "path/to \\"x\\"\\n\\u0001é",
              "b" : 1
            }
            """)
        // Every number reads back as the Double it was written from (JSONDecoder; Foundation's
        // JSONSerialization reads 0.30000000000000004 as 0.3000000000000001, one ulp off).
        struct Back: Decodable { var Z: [Double] }
        #expect(try JSONDecoder().decode(Back.self, from: Data(text.utf8)).Z == Sample().Z)
    }

    @Test func theSameValueGivesTheSameBytes() throws {
        let members = Dictionary(uniqueKeysWithValues: (0..<50).map { ("k\($0)", Double($0) / 7) })
        let first = try JSONDocument.text(members)
        #expect(try JSONDocument.text(members) == first)
        #expect(first.hasPrefix("{\n  \"k0\" : 0,\n  \"k1\" : 0.14285714285714285,\n  \"k10\" : 1.4285714285714286,"))
    }

    struct Dated: Encodable {
        var at = Date(timeIntervalSince1970: 1_764_590_400)  // 2025-12-01 12:00:00 UTC
        var x = Double.nan
        var y = -Double.infinity
    }

    @Test func datesAndNonFiniteOnlyWhenAsked() throws {
        #expect(try JSONDocument.text(Dated(), dates: true, nonFinite: true) == """
            {
              "at" : "2025-12-01T12:00:00Z",
              "x" : "nan",
              "y" : "-inf"
            }
            """)
        #expect(throws: EncodingError.self) { try JSONDocument.text(Dated(), dates: true) }
    }
}
