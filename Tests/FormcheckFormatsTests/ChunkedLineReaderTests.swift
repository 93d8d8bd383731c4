import Foundation
import Testing

@testable import FormcheckDevices
@testable import FormcheckFormats

/// The chunked line reader gives the lines the whole-buffer `LineCursor` gives, whatever the
/// chunk size: lines cut by a chunk boundary, a CR and its LF in different chunks, lines longer
/// than a chunk, no LF at the end; and `unread` gives a line back.
@Suite struct ChunkedLineReaderTests {
    static func wholeBufferLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var cursor = LineCursor(bytes: bytes)
        var out: [[UInt8]] = []
        while let l = cursor.next() { out.append(Array(bytes[l.start..<l.end])) }
        return out
    }

    static func chunkedLines(_ bytes: [UInt8], chunkSize: Int) throws -> [[UInt8]] {
        let reader = try ChunkedLineReader(.bytes(bytes), path: "x", chunkSize: chunkSize)
        var out: [[UInt8]] = []
        while let l = try reader.next() {
            out.append(Array(l))
            #expect(reader.lineNumber == out.count)
        }
        #expect(reader.offset == bytes.count)
        return out
    }

    @Test func randomTextSplitsAsTheWholeBufferDoes() throws {
        var g = MalformedInputTests.SplitMix64(state: 7)
        let alphabet: [UInt8] = Array("ab,\r\n\n ".utf8)
        for trial in 0..<300 {
            let n = Int(g.next() % 200)
            let bytes = (0..<n).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }
            let expected = Self.wholeBufferLines(bytes)
            for chunk in [1, 2, 3, 5, 8, 64, 1 << 16] {
                #expect(try Self.chunkedLines(bytes, chunkSize: chunk) == expected, "trial \(trial), chunk \(chunk)")
            }
        }
    }

    @Test func aLineLongerThanAChunkIsWhole() throws {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 1000)
        let bytes = Array("a\r\n".utf8) + long + Array("\r\nb".utf8)
        #expect(try Self.chunkedLines(bytes, chunkSize: 4) == [Array("a".utf8), long, Array("b".utf8)])
    }

    @Test func aFixtureReadFromItsFileInSmallChunksMatches() throws {
        let path = Fixtures.device("synthetic-joycon-left-pitch90")
        let bytes = try SystemFile.read(path)
        let expected = Self.wholeBufferLines(bytes)
        #expect(expected.count > 2000)
        for chunk in [7, 4096] {
            let reader = try ChunkedLineReader(.chunks(FileByteSource(path: path)), path: path, chunkSize: chunk)
            var lines: [[UInt8]] = []
            while let l = try reader.next() { lines.append(Array(l)) }
            #expect(lines == expected)
        }
    }

    @Test func unreadGivesTheSameLineAgainAcrossChunks() throws {
        let bytes = Array("one\ntwo\r\nthree\n\nfour".utf8)
        for chunk in [1, 3, 64] {
            let reader = try ChunkedLineReader(.bytes(bytes), path: "x", chunkSize: chunk)
            var lines: [String] = []
            while let l = try reader.next() {
                let text = String(decoding: l, as: UTF8.self)
                let offset = reader.offset
                reader.unread()
                let again = try #require(try reader.next())
                #expect(String(decoding: again, as: UTF8.self) == text)
                #expect(reader.offset == offset)
                lines.append(text)
            }
            #expect(lines == ["one", "two", "three", "", "four"])
        }
    }

    @Test func startsAtAByteOffsetAndLineNumber() throws {
        let bytes = Array("one\ntwo\nthree\n".utf8)
        let fromBytes = try ChunkedLineReader(.bytes(bytes), path: "x", offset: 4, line: 1, chunkSize: 2)
        #expect(try fromBytes.next().map { String(decoding: $0, as: UTF8.self) } == "two")
        #expect(fromBytes.lineNumber == 2)
        let path = NSTemporaryDirectory() + "formcheck-chunked-" + UUID().uuidString + ".txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let reader = try ChunkedLineReader(.chunks(FileByteSource(path: path)), path: path, offset: 8, line: 2)
        #expect(try reader.next().map { String(decoding: $0, as: UTF8.self) } == "three")
        #expect(reader.lineNumber == 3)
        #expect(try reader.next() == nil)
    }

    @Test func aMissingFileOrAFolderIsCannotOpen() {
        #expect(throws: InputError.self) { _ = try ChunkedLineReader(.chunks(FileByteSource(path: "/nonexistent/x.evemu")), path: "/nonexistent/x.evemu") }
        do {
            _ = try ChunkedLineReader(.chunks(FileByteSource(path: Fixtures.root)), path: Fixtures.root)
            Issue.record("a folder opened")
        } catch {
            #expect(error.kind == .cannotOpen)
            #expect(error.message == "is a directory, not a recording")
        }
    }
}
