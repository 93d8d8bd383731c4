import CLibevdev
import FormcheckFormats
import Glibc
import SystemPackage

/// Each system call formcheck makes, wrapped once, and its failure turned into an `InputError`
/// carrying errno, the path and what to do about it.
///
/// Files go through swift-system (`FileDescriptor`, `Errno`, `Stat`), whose calls retry EINTR
/// themselves (`retryOnInterrupt`, on by default); the few C calls it has no wrapper for
/// (fsync(2), rename(2), access(2), poll(2), directories, the user database) are called here, and
/// those that can be interrupted are retried in `retryingOnInterrupt`, the one loop for them.
package enum SystemCall {
    /// The calling thread's errno, after a C call.
    package static var errno: Int32 { formcheck_errno() }

    package static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Calls `body` (a C call returning -1 and setting errno on failure) until it is not
    /// interrupted by a signal: its result, or the errno it failed with.
    package static func retryingOnInterrupt<T: FixedWidthInteger>(_ body: () -> T) -> Result<T, Errno> {
        while true {
            let result = body()
            if result != -1 { return .success(result) }
            let e = Errno(rawValue: errno)
            if e != .interrupted { return .failure(e) }
        }
    }

    /// Runs a swift-system call; the `Errno` it throws (after its own EINTR retries) is handed to
    /// `failure` to be worded.
    package static func system<T>(_ body: () throws -> T, _ failure: (Int32) -> InputError) throws(InputError) -> T {
        do {
            return try body()
        } catch let e as Errno {
            throw failure(e.rawValue)
        } catch {
            throw failure(EIO)
        }
    }

    /// Reads a whole regular file.
    package static func readFile(_ path: String) throws(InputError) -> [UInt8] {
        let fd = try openForReading(path)
        defer { closeDescriptor(fd) }
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
        guard let type = try? Stat(FilePath(path)).type else { return false }
        return type == .fifo || type == .characterSpecial || type == .socket
    }

    /// Opens a file for reading (`O_RDONLY | O_CLOEXEC`); the caller closes it.
    /// - Throws: `.cannotOpen` naming errno and what to check; also for a directory.
    package static func openForReading(_ path: String) throws(InputError) -> FileDescriptor {
        let fd = try system({ try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec]) }) { e in
            InputError(.cannotOpen, path: path, "cannot open: \(message(e))",
                       fix: e == ENOENT ? "check the file name" : (e == EACCES ? "check the file's permissions" : nil), errno: e)
        }
        let type: FileType
        do {
            type = try system({ try fd.stat().type }) { e in
                InputError(.cannotOpen, path: path, "cannot read: \(message(e))", errno: e)
            }
        } catch {
            closeDescriptor(fd)
            throw error
        }
        guard type != .directory else {
            closeDescriptor(fd)
            throw InputError(.cannotOpen, path: path, "is a directory, not a recording", fix: "name an .evemu or .csv file")
        }
        return fd
    }

    /// One read(2) into `buffer`: the bytes read, 0 at the end of the file.
    /// - Throws: `.cannotOpen` when the read fails.
    package static func read(_ fd: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer, path: String) throws(InputError) -> Int {
        try system({ try fd.read(into: buffer) }) { e in
            InputError(.cannotOpen, path: path, "read failed: \(message(e))", errno: e)
        }
    }

    /// lseek(2) to `offset` bytes from the start of the file.
    /// - Throws: `.cannotOpen` when the file cannot be positioned (a pipe, say).
    package static func seek(_ fd: FileDescriptor, to offset: Int, path: String) throws(InputError) {
        let at = try system({ try fd.seek(offset: Int64(offset), from: .start) }) { e in
            InputError(.cannotOpen, path: path, "cannot read again from byte \(offset): \(message(e))",
                       fix: "give a regular file, not a pipe", errno: e)
        }
        guard at == Int64(offset) else {
            throw InputError(.cannotOpen, path: path, "cannot read again from byte \(offset)", fix: "give a regular file, not a pipe")
        }
    }

    /// Creates (or truncates) a file for writing, mode 0644.
    package static func createFile(_ path: String) throws(InputError) -> FileDescriptor {
        try system({
            try FileDescriptor.open(FilePath(path), .writeOnly, options: [.create, .truncate, .closeOnExec],
                                    permissions: FilePermissions(rawValue: 0o644))
        }) { e in
            InputError(.cannotOpen, path: path, "cannot create: \(message(e))",
                       fix: "check that the folder exists and is writable", errno: e)
        }
    }

    /// Writes all of `bytes` (swift-system retries short writes and EINTR).
    package static func writeAll(_ fd: FileDescriptor, _ bytes: [UInt8], path: String) throws(InputError) {
        _ = try system({ try fd.writeAll(bytes) }) { e in
            InputError(.system, path: path, "write failed: \(message(e))",
                       fix: e == ENOSPC ? "free some disk space" : nil, errno: e)
        }
    }

    /// Renames `from` over `to` (atomically, on one file system). rename(2): swift-system has none.
    package static func renameFile(_ from: String, to: String) throws(InputError) {
        if case .failure(let e) = retryingOnInterrupt({ rename(from, to) }) {
            throw InputError(.system, path: to, "cannot rename \(from) to it: \(message(e.rawValue))",
                             fix: "check that the folder is writable", errno: e.rawValue)
        }
    }
}
