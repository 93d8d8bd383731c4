import CLibevdev
import FormcheckFormats
import Glibc
import SystemPackage

/// The system calls of live devices and sysfs, each wrapped once: stat(2), open(2) and close(2)
/// through swift-system; access(2), poll(2), nanosleep(2), fsync(2), directories and the user database in C
/// (swift-system has no wrapper for them).
extension SystemCall {
    /// stat(2) of a path (follows symlinks; does not open the file).
    /// - Throws: `.cannotOpen` when the path does not exist or cannot be looked at.
    static func status(_ path: String) throws(InputError) -> FileStatus {
        let st = try system({ try Stat(FilePath(path)) }) { e in
            InputError(.cannotOpen, path: path, "cannot open: \(message(e))",
                       fix: e == ENOENT ? "the controller may be disconnected; 'formcheck devices' lists motion-sensor nodes" : nil,
                       errno: e)
        }
        return FileStatus(
            permissions: UInt32(st.permissions.rawValue) & 0o7777,
            isCharacterDevice: st.type == .characterSpecial,
            ownerID: st.userID.rawValue, groupID: st.groupID.rawValue,
            deviceMajor: formcheck_major(dev_t(st.specialDeviceID.rawValue)),
            deviceMinor: formcheck_minor(dev_t(st.specialDeviceID.rawValue)))
    }

    /// access(path, R_OK): nil when this process may read `path`, else the errno saying why not.
    /// Does not open the file (root passes whatever the mode).
    static func readAccessError(_ path: String) -> Int32? {
        access(path, R_OK) == 0 ? nil : errno
    }

    /// Opens an evdev node `O_RDONLY | O_NONBLOCK | O_CLOEXEC`; never grabs it.
    /// - Throws: `.permissionDenied` (EACCES, EPERM) with the udev fix, `.cannotOpen` (ENOENT and
    ///   others), `.deviceGone` (ENODEV, ENXIO: the node is there but its device is not).
    static func openDevice(_ path: String) throws(InputError) -> FileDescriptor {
        try system({ try FileDescriptor.open(FilePath(path), .readOnly, options: [.nonBlocking, .closeOnExec]) }) { e in
            switch e {
            case EACCES, EPERM:
                InputError(.permissionDenied, path: path, "cannot open: \(message(e))", fix: InputError.udevRuleFix, errno: e)
            case ENODEV, ENXIO:
                InputError.deviceGone(path: path, uniq: nil, whileReading: false, errno: e)
            case ENOENT:
                InputError(.cannotOpen, path: path, "cannot open: \(message(e))",
                           fix: "the controller may be disconnected; 'formcheck devices' lists motion-sensor nodes", errno: e)
            default:
                InputError(.cannotOpen, path: path, "cannot open: \(message(e))", errno: e)
            }
        }
    }

    /// close(2), once: Linux frees the descriptor even when close fails, so it is never retried.
    static func closeDescriptor(_ fd: FileDescriptor) {
        try? fd.close()
    }

    /// fsync(2): the file's data reaches the disk.
    static func flushToDisk(_ fd: FileDescriptor, path: String) throws(InputError) {
        guard case .failure(let error) = retryingOnInterrupt({ fsync(fd.rawValue) }) else { return }
        let e = error.rawValue
        // Pipes, sockets and some special files cannot be synced; their data is already written.
        if e == EINVAL || e == EROFS { return }
        throw InputError(.system, path: path, "fsync failed: \(message(e))",
                         fix: e == ENOSPC ? "free some disk space" : nil, errno: e)
    }

    /// nanosleep(2) for `seconds` (a live reader's pause), the rest of it again after a signal.
    static func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        let whole = seconds.rounded(.down)
        var request = timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }

    /// poll(2) for input on one descriptor.
    /// - Parameter timeoutMilliseconds: how long to wait; 0 returns at once, -1 waits forever.
    /// - Returns: the `revents` bits (POLLIN, POLLHUP, POLLERR, POLLNVAL); 0 on timeout or when a
    ///   signal interrupted the wait (the caller loops and checks whether to stop).
    static func pollInput(_ fd: FileDescriptor, timeoutMilliseconds: Int32, path: String) throws(InputError) -> Int16 {
        var p = pollfd(fd: fd.rawValue, events: Int16(POLLIN), revents: 0)
        let n = poll(&p, 1, timeoutMilliseconds)
        if n < 0 {
            let e = errno
            if e == EINTR { return 0 }
            throw InputError(.system, path: path, "poll failed: \(message(e))", errno: e)
        }
        return n == 0 ? 0 : p.revents
    }

    /// Names in a directory, without "." and ".."; empty when it cannot be read (no such
    /// directory: sysfs without an input class, a container).
    static func directoryEntries(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// A small text file such as a sysfs attribute, without its trailing newline; nil when it
    /// does not exist or cannot be read.
    static func readAttribute(_ path: String) -> String? {
        guard let bytes = try? readFile(path) else { return nil }
        var text = String(decoding: bytes, as: UTF8.self)
        while text.last == "\n" { text.removeLast() }
        return text
    }

    /// The login name of a user id, or nil when none is known.
    static func userName(_ uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else { return nil }
        return String(cString: name)
    }

    /// The name of a group id, or nil when none is known.
    static func groupName(_ gid: UInt32) -> String? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getgrgid_r(gid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.gr_name else { return nil }
        return String(cString: name)
    }
}
