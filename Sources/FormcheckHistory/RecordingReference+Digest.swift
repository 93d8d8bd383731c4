import Foundation

extension RecordingReference {
    /// The file at `path` with its SHA-256 and size, read in 1 MiB pieces; nil digest and size when
    /// it cannot be read (the reference still names it).
    public static func digest(of path: String) -> RecordingReference {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        guard let handle = FileHandle(forReadingAtPath: absolute) else { return RecordingReference(path: absolute) }
        defer { try? handle.close() }
        var sha = SHA256()
        var bytes: Int64 = 0
        while true {
            let piece: Data?
            do { piece = try handle.read(upToCount: 1 << 20) } catch { return RecordingReference(path: absolute) }
            guard let chunk = piece, !chunk.isEmpty else { break }  // nil or empty: the end of the file
            bytes += Int64(chunk.count)
            chunk.withUnsafeBytes { raw in sha.update(raw.bindMemory(to: UInt8.self)) }
        }
        return RecordingReference(path: absolute, sha256: SHA256.hex(digest: sha.finish()), bytes: bytes)
    }
}
