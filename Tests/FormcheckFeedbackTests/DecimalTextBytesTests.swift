import FormcheckFeedback
import FormcheckFormats
import Foundation
import MotionCore
import Testing
import ThighSimulator

/// `DecimalText.append` (the byte writer of `formcheck orientation` and `angles`) writes, byte for
/// byte, what the formatter before it wrote (issue 14: outputs unchanged): on every number of every
/// CSV fixture, on the live filter's quaternions of a BROAD excerpt and on random values of every
/// magnitude and rounding case, at every count of decimals.
@Suite struct DecimalTextBytesTests {
    /// formcheck's fixed-point formatter before issue 14 (Sources/formcheck/DecimalText.swift at
    /// d3e6f2d), kept here as the reference.
    static func reference(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        let powers: [Double] = (0...12).map { d in (0..<d).reduce(1.0) { r, _ in r * 10 } }
        guard value.isFinite else {
            out.append(contentsOf: value.isNaN ? Array("nan".utf8) : Array((value < 0 ? "-inf" : "inf").utf8))
            return
        }
        let d = max(0, min(12, decimals))
        let scale = powers[d]
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e18, abs(value) < 1e15 else {
            out.append(contentsOf: Array("\(value)".utf8))
            return
        }
        var n = UInt64(scaled)
        if value < 0 && n != 0 { out.append(UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            } while n > 0 || count <= d
            var i = count - 1
            while i >= 0 {
                if i == d - 1 { out.append(UInt8(ascii: ".")) }
                out.append(buffer[i])
                i -= 1
            }
        }
    }

    /// The values whose text differs between the two writers (at most `limit` of them, for the message).
    static func mismatches(_ values: [Double], decimals: ClosedRange<Int> = 0...12, limit: Int = 5) -> [String] {
        var out: [String] = []
        var new: [UInt8] = [], old: [UInt8] = []
        for v in values {
            for d in decimals {
                new.removeAll(keepingCapacity: true)
                old.removeAll(keepingCapacity: true)
                DecimalText.append(v, decimals: d, to: &new)
                reference(v, decimals: d, to: &old)
                if new != old, out.count < limit {
                    out.append("\(v) with \(d): '\(String(decoding: new, as: UTF8.self))', was '\(String(decoding: old, as: UTF8.self))'")
                }
            }
        }
        return out
    }

    static let fixtures: String = Fixtures.root

    @Test func everyFixtureNumberAsBefore() throws {
        let root = Self.fixtures
        let names = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        let files = names.filter { $0.hasSuffix(".csv") }.sorted()
        #expect(files.count >= 10)
        var values: [Double] = []
        for name in files {
            let text = try String(contentsOfFile: root + "/" + name, encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                for cell in line.split(separator: ",") { if let v = Double(cell.trimmingCharacters(in: .whitespaces)) { values.append(v) } }
            }
        }
        #expect(values.count > 500_000)
        // Also each value's negative; at the decimals the commands write (3, 4, 6, 9) and the ends.
        let all = values + values.map { -$0 }
        var wrong: [String] = []
        for d in [0, 3, 4, 6, 9, 12] { wrong += Self.mismatches(all, decimals: d...d) }
        #expect(wrong.isEmpty, "\(wrong)")
    }

    /// What `orientation` writes: the live filter's quaternions (9 decimals) and times (6).
    @Test func filterOutputAsBefore() throws {
        let path = Self.fixtures + "/broad/16_undisturbed_fast_translation_B_28-103s.csv"
        let samples = try Recording(path: path).readAll().readings.compactMap { if case .sample(let s) = $0 { s } else { nil } }
        #expect(samples.count == 21429)
        var filter = OrientationFilter()
        var quaternions: [Double] = []
        for s in samples {
            let q = filter.update(s)
            quaternions += [q.w, q.x, q.y, q.z]
        }
        let wrong = Self.mismatches(quaternions, decimals: 9...9) + Self.mismatches(samples.map { $0.time - samples[0].time }, decimals: 6...6)
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test func randomValuesAsBefore() {
        var rng = SplitMix64(seed: 14)
        var values: [Double] = []
        for _ in 0..<100_000 {
            // Uniform in ±1 (quaternions), any magnitude 1e-13…1e16, and exact ties k.5 / 10^d.
            values.append(rng.unit() * 2 - 1)
            values.append((rng.unit() * 2 - 1) * Double(sign: .plus, exponent: Int(rng.next() % 100) - 43, significand: 1))
            let d = Int(rng.next() % 13)
            var scale = 1.0
            for _ in 0..<d { scale *= 10 }
            values.append((Double(rng.next() % 10_000_000) + 0.5) / scale)
            values.append(Double(bitPattern: rng.next()))  // any bit pattern: nan, inf, subnormals, huge
        }
        let edges: [Double] = [0, -0.0, .nan, .infinity, -.infinity, 1e15, -1e15, 1e15.nextDown, 9e18, 9e6, 9e6.nextDown,
                               0.5, -0.5, 1.5, 2.5, 0.0000005, -0.0000004, 999_999.9999995, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        let wrong = Self.mismatches(values + edges)
        #expect(wrong.isEmpty, "\(wrong)")
    }

    /// Spot checks that read as the rule: fixed decimals, half away from zero, no sign on zero.
    @Test func examples() {
        func text(_ v: Double, _ d: Int) -> String {
            var out: [UInt8] = []
            DecimalText.append(v, decimals: d, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(text(0, 6) == "0.000000")
        #expect(text(-0.0, 3) == "0.000")
        #expect(text(-0.0004, 3) == "0.000")
        #expect(text(-0.0005, 3) == "-0.001")
        #expect(text(0.999999999_6, 9) == "1.000000000")
        #expect(text(-0.123456789_4, 9) == "-0.123456789")
        #expect(text(2.5, 0) == "3")
        #expect(text(1234.5, 1) == "1234.5")
        #expect(text(.nan, 2) == "nan")
        #expect(text(-.infinity, 2) == "-inf")
        #expect(text(1e15, 2) == "1000000000000000.0")  // Swift's shortest form
    }
}
