import FormcheckHistory
import Foundation
import Testing

/// SHA-256 on the FIPS 180-4 examples and NIST's test vectors, in pieces of any size, and a file's
/// digest against coreutils' sha256sum.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func theStandardsExamples(_ message: String, _ digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
    }

    @Test func oneMillionAs() {
        var sha = SHA256()
        // In pieces of 1000 (as a file is read in pieces): the same as all at once.
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { sha.update(piece) }
        #expect(SHA256.hex(digest: sha.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Every length around the padding's edges (55, 56, 63, 64 bytes…), fed whole and byte by byte
    /// and in uneven pieces: one digest.
    @Test func piecesMakeNoDifference() {
        for n in [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000] {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let whole = SHA256.hex(bytes)
            var one = SHA256()
            for b in bytes { one.update([b]) }
            var uneven = SHA256()
            var i = 0, size = 1
            while i < n {
                let j = min(n, i + size)
                uneven.update(bytes[i..<j])
                i = j
                size = size * 3 % 67 + 1
            }
            #expect(SHA256.hex(digest: one.finish()) == whole, "\(n) bytes")
            #expect(SHA256.hex(digest: uneven.finish()) == whole, "\(n) bytes")
        }
    }

    /// A file of 3 MiB and a bit (read in 1 MiB pieces): its digest and size as sha256sum and stat give them.
    @Test func aFilesDigestIsSha256sums() throws {
        let dir = try HistoryFixtures.scratch()
        defer { HistoryFixtures.remove(dir) }
        let path = dir.path + "/r.evemu"
        try Data((0..<(3 << 20) + 12_345).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }).write(to: URL(fileURLWithPath: path))
        let r = RecordingReference.digest(of: path)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(r.sha256 == String(text.prefix(64)))
        #expect(r.bytes == Int64((3 << 20) + 12_345))
        #expect(r.path == path)
        #expect(RecordingReference.digest(of: dir.path + "/none.evemu") == RecordingReference(path: dir.path + "/none.evemu"))
    }
}
