import FormcheckFormats
import Foundation
import Testing

/// The fuzzers' seed corpus (Fuzz/corpus, see README "Reliability") holds every case of the
/// malformed-input catalogue, so libFuzzer starts from each way a file is known to be broken.
/// This test keeps the committed files equal to the catalogue; `make fuzz-corpus` rewrites them
/// (FORMCHECK_UPDATE_CORPUS=1). Inputs are cut to libFuzzer's default largest input, 4096 bytes.
@Suite struct FuzzCorpusTests {
    static let maxLength = 4096

    /// corpus folder → file name → bytes, from the catalogue.
    static func expected() -> [String: [String: [UInt8]]] {
        var out: [String: [String: [UInt8]]] = ["evemu": [:], "csv": [:]]
        for c in MalformedInputTests.evemuCases + MalformedInputTests.csvCases {
            let folder = c.path.hasSuffix(".csv") ? "csv" : "evemu"
            let name = "malformed-" + c.name.map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce("") { $0 + String($1) }
            out[folder]![name] = Array(c.bytes.prefix(maxLength))
        }
        return out
    }

    @Test func corpusHoldsTheMalformedCatalogue() throws {
        let root = MalformedInputTests.packageRoot + "/Fuzz/corpus/"
        let update = ProcessInfo.processInfo.environment["FORMCHECK_UPDATE_CORPUS"] == "1"
        let fm = FileManager.default
        var count = 0
        for (folder, files) in Self.expected() {
            let dir = root + folder + "/"
            if update {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
                for old in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] where old.hasPrefix("malformed-") {
                    try fm.removeItem(atPath: dir + old)
                }
            }
            for (name, bytes) in files {
                if update { #expect(fm.createFile(atPath: dir + name, contents: Data(bytes))) }
                let stored = fm.contents(atPath: dir + name).map { [UInt8]($0) }
                #expect(stored == bytes, "\(dir + name) is not the catalogue's case: run make fuzz-corpus")
                count += 1
            }
            let extra = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("malformed-") && files[$0] == nil }
            #expect(extra.isEmpty, "\(dir) has cases the catalogue no longer has: \(extra); run make fuzz-corpus")
        }
        #expect(count == MalformedInputTests.evemuCases.count + MalformedInputTests.csvCases.count)
    }
}
