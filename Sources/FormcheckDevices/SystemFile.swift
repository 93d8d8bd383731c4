import FormcheckFormats

/// Reading and writing whole files, for callers outside the module (the CLI, tests, tools).
public enum SystemFile {
    /// The bytes of the file at `path`.
    /// - Throws: `InputError` (`.cannotOpen`) naming the path, errno and what to check.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        try SystemCall.readFile(path)
    }

    /// Creates (or truncates) the file at `path`, mode 0644, and writes all of `bytes` to it.
    /// - Throws: `.cannotOpen` when it cannot be created, `.system` when writing fails.
    public static func write(_ bytes: [UInt8], toNewFile path: String) throws(InputError) {
        let fd = try SystemCall.createFile(path)
        defer { SystemCall.closeDescriptor(fd) }
        try SystemCall.writeAll(fd, bytes, path: path)
    }
}
