import CLibevdev
import Glibc

/// Each C call formcheck makes, wrapped once: retried on EINTR, and its failure turned into an
/// `InputError` carrying errno, the path and what to do about it.
enum SystemCall {
    /// The calling thread's errno.
    static var errno: Int32 { formcheck_errno() }

    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Reads a whole regular file.
    static func readFile(_ path: String) throws(InputError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            throw InputError(.cannotOpen, path: path, "cannot open: \(message(e))",
                             fix: e == ENOENT ? "check the file name" : (e == EACCES ? "check the file's permissions" : nil), errno: e)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let e = errno
            throw InputError(.cannotOpen, path: path, "cannot read: \(message(e))", errno: e)
        }
        guard (st.st_mode & S_IFMT) != S_IFDIR else {
            throw InputError(.cannotOpen, path: path, "is a directory, not a recording", fix: "name an .evemu or .csv file")
        }
        var out: [UInt8] = []
        out.reserveCapacity(Int(max(st.st_size, 0)))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                let e = errno
                if e == EINTR { continue }
                throw InputError(.cannotOpen, path: path, "read failed: \(message(e))", errno: e)
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Creates (or truncates) a file for writing, mode 0644.
    static func createFile(_ path: String) throws(InputError) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let e = errno
            throw InputError(.cannotOpen, path: path, "cannot create: \(message(e))",
                             fix: "check that the folder exists and is writable", errno: e)
        }
        return fd
    }

    /// Writes all of `bytes`, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(InputError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                let e = errno
                if e == EINTR { continue }
                throw InputError(.system, path: path, "write failed: \(message(e))",
                                 fix: e == ENOSPC ? "free some disk space" : nil, errno: e)
            }
            done += n
        }
    }

    /// Renames `from` over `to` (atomically, on one file system).
    static func renameFile(_ from: String, to: String) throws(InputError) {
        guard rename(from, to) == 0 else {
            let e = errno
            throw InputError(.system, path: to, "cannot rename \(from) to it: \(message(e))",
                             fix: "check that the folder is writable", errno: e)
        }
    }
}
