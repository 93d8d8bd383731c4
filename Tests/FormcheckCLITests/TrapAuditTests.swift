import Foundation
import Testing

/// No `fatalError`, `try!`, `as!`, precondition or force unwrap where input, the environment or
/// the installation can reach it: every one left in Sources/ and Plugins/ is listed, with the
/// argument why it cannot trap, in Tests/trap-allowlist.txt. A new one fails here until it becomes
/// an error with its exit status, or is argued in the list.
@Suite struct TrapAuditTests {
    static let allowListPath = ExitStatusTests.packageRoot + "/Tests/trap-allowlist.txt"

    /// One allowed line: `FILE | CODE | WHY`, CODE being the source line without its indentation.
    struct Entry: Hashable {
        var file: String
        var code: String
    }

    /// The allow-list: entry → why (blank lines and `#` comments skipped).
    static func allowList() throws -> [Entry: String] {
        var entries: [Entry: String] = [:]
        for line in try String(contentsOfFile: allowListPath, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            let parts = line.components(separatedBy: " | ")
            #expect(parts.count == 3, "allow-list line is not 'FILE | CODE | WHY': \(line)")
            guard parts.count == 3 else { continue }
            let why = parts[2].trimmingCharacters(in: .whitespaces)
            #expect(why.count >= 15, "allow-list entry without an argument: \(line)")
            entries[Entry(file: parts[0], code: parts[1])] = why
        }
        return entries
    }

    /// Every Swift file under Sources/ and Plugins/, relative to the package root.
    static func sourceFiles() -> [String] {
        var files: [String] = []
        for top in ["Sources", "Plugins"] {
            let root = ExitStatusTests.packageRoot + "/" + top
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let path = walker.nextObject() as? String {
                if path.hasSuffix(".swift") { files.append(top + "/" + path) }
            }
        }
        return files.sorted()
    }

    @Test func everyTrapInTheSourcesIsArguedInTheAllowList() throws {
        let allowed = try Self.allowList()
        var used: Set<Entry> = []
        var unlisted: [String] = []
        let files = Self.sourceFiles()
        #expect(files.count > 100, "the sources were not found under \(ExitStatusTests.packageRoot)")
        for file in files {
            let text = try String(contentsOfFile: ExitStatusTests.packageRoot + "/" + file, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for site in TrapScanner.sites(in: text) {
                let code = lines[site.line - 1].trimmingCharacters(in: .whitespaces)
                let entry = Entry(file: file, code: code)
                if allowed[entry] != nil { used.insert(entry) } else { unlisted.append("\(file):\(site.line): \(site.kind): \(code)") }
            }
        }
        #expect(unlisted.isEmpty, """
            traps not in Tests/trap-allowlist.txt — make each an error with its exit status, or argue it there \
            as 'FILE | CODE | WHY':
            \(unlisted.joined(separator: "\n"))
            """)
        let stale = Set(allowed.keys).subtracting(used).map { "\($0.file) | \($0.code)" }.sorted()
        #expect(stale.isEmpty, "allow-list entries that match no trap any more (remove them):\n\(stale.joined(separator: "\n"))")
    }

    @Test func theScannerFindsEachKindAndSkipsCommentsAndStrings() {
        let source = ##"""
            let a = b!                      // 1: force unwrap
            let c = try! f()                // 2: try!
            let d = e as! Int               // 3: as!
            fatalError("no")                // 4
            precondition(x > 0)             // 5
            if a != b, !c { }               // 6: nothing
            let s = "Done! \(g!.h) x!"      // 7: one, in the interpolation
            /* fatalError() y! */ let t = #"raw "q"! \#(k!)"#   // 8: one, in the raw interpolation
            let m = """
                multi! line fatalError()
                """                         // 9-11: nothing
            // try! z!
            let n: Int! = nil               // 13: implicitly unwrapped
            """##
        let sites = TrapScanner.sites(in: source)
        #expect(sites == [
            .init(line: 1, kind: "force unwrap"), .init(line: 2, kind: "try!"), .init(line: 3, kind: "as!"),
            .init(line: 4, kind: "fatalError"), .init(line: 5, kind: "precondition"), .init(line: 7, kind: "force unwrap"),
            .init(line: 8, kind: "force unwrap"), .init(line: 13, kind: "force unwrap"),
        ])
    }
}
