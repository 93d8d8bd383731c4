import FormcheckFormats

/// Reading whole files, for callers outside the module (tests, tools).
public enum SystemFile {
    /// The bytes of the file at `path`.
    /// - Throws: `InputError` (`.cannotOpen`) naming the path, errno and what to check.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        try SystemCall.readFile(path)
    }

    /// Creates (or truncates) a file for writing; the caller closes the descriptor.
    public static func create(_ path: String) throws(InputError) -> Int32 {
        try SystemCall.createFile(path)
    }

    /// Writes all of `bytes` to `fd`.
    public static func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(InputError) {
        try SystemCall.writeAll(fd, bytes, path: path)
    }
}
