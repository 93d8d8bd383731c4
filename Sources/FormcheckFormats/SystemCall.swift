import CLibevdev
import Glibc

/// Each C call formcheck makes, wrapped once: retried on EINTR, and its failure turned into an
/// `InputError` carrying errno, the path and what to do about it.
package enum SystemCall {
    /// The calling thread's errno.
    package static var errno: Int32 { formcheck_errno() }

    package static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Reads a whole regular file.
    package static func readFile(_ path: String) throws(InputError) -> [UInt8] {
        let fd = try openForReading(path)
        defer { close(fd) }
        var out: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = try read(fd, into: chunk, path: path)
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Whether `path` names a pipe, a FIFO, a socket or a character device: something that can be
    /// read only once, from its start (false when stat(2) fails: opening it will say why).
    package static func isStream(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        let type = st.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFCHR || type == S_IFSOCK
    }

    /// Opens a file for reading (`O_RDONLY | O_CLOEXEC`); the caller closes it.
    /// - Throws: `.cannotOpen` naming errno and what to check; also for a directory.
    package static func openForReading(_ path: String) throws(InputError) -> Int32 {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            throw InputError(.cannotOpen, path: path, "cannot open: \(message(e))",
                             fix: e == ENOENT ? "check the file name" : (e == EACCES ? "check the file's permissions" : nil), errno: e)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let e = errno
            close(fd)
            throw InputError(.cannotOpen, path: path, "cannot read: \(message(e))", errno: e)
        }
        guard (st.st_mode & S_IFMT) != S_IFDIR else {
            close(fd)
            throw InputError(.cannotOpen, path: path, "is a directory, not a recording", fix: "name an .evemu or .csv file")
        }
        return fd
    }

    /// One read(2) into `buffer`, retried on EINTR: the bytes read, 0 at the end of the file.
    /// - Throws: `.cannotOpen` when the read fails.
    package static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws(InputError) -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            let e = errno
            if e == EINTR { continue }
            throw InputError(.cannotOpen, path: path, "read failed: \(message(e))", errno: e)
        }
    }

    /// lseek(2) to `offset` bytes from the start of the file.
    /// - Throws: `.cannotOpen` when the file cannot be positioned (a pipe, say).
    package static func seek(_ fd: Int32, to offset: Int, path: String) throws(InputError) {
        guard lseek(fd, off_t(offset), SEEK_SET) == off_t(offset) else {
            let e = errno
            throw InputError(.cannotOpen, path: path, "cannot read again from byte \(offset): \(message(e))",
                             fix: "give a regular file, not a pipe", errno: e)
        }
    }

    /// Creates (or truncates) a file for writing, mode 0644.
    package static func createFile(_ path: String) throws(InputError) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let e = errno
            throw InputError(.cannotOpen, path: path, "cannot create: \(message(e))",
                             fix: "check that the folder exists and is writable", errno: e)
        }
        return fd
    }

    /// Writes all of `bytes`, retrying short writes and EINTR.
    package static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(InputError) {
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
    package static func renameFile(_ from: String, to: String) throws(InputError) {
        guard rename(from, to) == 0 else {
            let e = errno
            throw InputError(.system, path: to, "cannot rename \(from) to it: \(message(e))",
                             fix: "check that the folder is writable", errno: e)
        }
    }
}
