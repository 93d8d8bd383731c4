import FormcheckFormats

/// Session files on disk.
extension SessionFile {
    /// Reads and checks a session file.
    /// - Throws: `InputError`: `.cannotOpen` when it cannot be read, `.malformed` (`PATH:LINE: what`
    ///   and the fix) when it is not a session file.
    public static func load(_ path: String) throws(InputError) -> SessionFile {
        try decode(SystemCall.readFile(path), path: path)
    }

    /// Writes the file at `path` in one go (a temporary file renamed over it), so a reader never
    /// sees half of it.
    public func write(to path: String) throws(InputError) {
        let temporary = path + ".tmp"
        let fd = try SystemCall.createFile(temporary)
        do {
            try SystemCall.writeAll(fd, Array(text.utf8), path: temporary)
        } catch {
            SystemCall.closeDescriptor(fd)
            throw error
        }
        SystemCall.closeDescriptor(fd)
        try SystemCall.renameFile(temporary, to: path)
    }
}
