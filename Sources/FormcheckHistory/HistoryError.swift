/// Everything that can go wrong with the history database, with the path, what is wrong and how to
/// fix it. `description` is what formcheck prints; `exitStatus` is its row of README "Exit status".
/// The store never deletes or recreates a database it cannot use: it says so and leaves the file as
/// it is.
public struct HistoryError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Not an SQLite database, or a damaged one (truncated, overwritten, failing its integrity check).
        case corrupt
        /// Migrated by a newer formcheck: it has migrations this build does not know.
        case newer
        /// Another process (another formcheck) is writing and did not finish within the busy timeout.
        case locked
        /// The disk (or the file system's quota) is full.
        case diskFull
        /// The file or its folder cannot be created, opened or written (permissions, a read-only
        /// file system, a folder where the file should be).
        case cannotOpen
        /// A value the store cannot keep (a pain outside 0–10, an unknown session id).
        case invalid
        /// Any other SQLite failure (an I/O error).
        case io
    }

    public var kind: Kind
    /// The database's path.
    public var path: String
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var fix: String?

    public init(_ kind: Kind, path: String, _ message: String, fix: String? = nil) {
        self.kind = kind
        self.path = path
        self.message = message
        self.fix = fix
    }

    public var description: String {
        var s = path + ": " + message
        if let fix { s += "\n  fix: " + fix }
        return s
    }

    /// The process exit status (sysexits.h; README "Exit status").
    public var exitStatus: Int32 {
        switch kind {
        case .corrupt, .newer, .invalid: 65  // EX_DATAERR
        case .cannotOpen: 73  // EX_CANTCREAT
        case .diskFull, .io: 74  // EX_IOERR
        case .locked: 75  // EX_TEMPFAIL: try again later
        }
    }
}
