/// Reading whole files, for callers outside the module (tests, tools).
public enum SystemFile {
    /// The bytes of the file at `path`.
    /// - Throws: `InputError` (`.cannotOpen`) naming the path, errno and what to check.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        try SystemCall.readFile(path)
    }
}
