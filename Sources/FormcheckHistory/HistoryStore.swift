import Foundation
import GRDB

/// The history: sessions, their exercises and the user's profile in one SQLite file
/// (`HistorySchema`), written as a session goes — `begin` when it starts, `append` as each exercise
/// finishes (each in its own transaction), `close` at the end — so a session cut short keeps every
/// exercise it finished. WAL journal (a reader never blocks the writer; a process killed mid-write
/// leaves the last commit), foreign keys on, `synchronous = FULL`.
///
/// Opening never deletes or recreates a file: a file that is not a formcheck history (not SQLite,
/// damaged, another program's database) or one made by a newer formcheck is refused with a
/// `HistoryError` and left byte for byte as it was. Another process writing is waited for up to
/// `busyTimeout` seconds, then `HistoryError.locked`. Every error thrown is a `HistoryError`.
///
/// Not Sendable: one store per thread of use.
public final class HistoryStore {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    let busyTimeout: Double

    /// How long a write waits for another process's write to end, seconds.
    public static let defaultBusyTimeout = 2.0

    /// The history's file: `$XDG_DATA_HOME/formcheck/history.sqlite`, else
    /// `$HOME/.local/share/formcheck/history.sqlite` (XDG base directories: a relative
    /// XDG_DATA_HOME is ignored).
    public static func defaultPath(environment: [String: String]) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/formcheck/history.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/formcheck/history.sqlite"
    }

    /// Opens (creating the file and its folders if missing) and migrates the history at `path`.
    public convenience init(path: String) throws {
        try self.init(path: path, busyTimeout: Self.defaultBusyTimeout)
    }

    /// - Parameters:
    ///   - busyTimeout: seconds a write waits for another process's write before `.locked`;
    ///   - migrator: the migrations to apply (tests: a build that knows fewer or more of them).
    init(path: String, busyTimeout: Double, migrator: DatabaseMigrator = HistorySchema.migrator) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = fm.fileExists(atPath: path, isDirectory: &isDirectory)
        if existed && isDirectory.boolValue {
            throw HistoryError(.cannotOpen, path: path, "is a folder, not a history database",
                               fix: "give the file's path, for example --db \(path)/history.sqlite (live, routine: or --no-save)")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !existed && !folder.isEmpty {
            do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw HistoryError(.cannotOpen, path: path, "cannot create its folder \(folder): \(error.localizedDescription)",
                                   fix: "check the permissions of \(folder)'s parent, or give another history with --db PATH (live, routine: or --no-save)")
            }
        }
        let size = (try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "formcheck history"
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw Self.historyError(error, path: path, busyTimeout: busyTimeout)
        }
        try run { db in
            // Checked before anything is written: a damaged file or another program's is left as it was.
            if size > 0 { try Self.check(db, path: path, migrator: migrator) }
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            if mode?.lowercased() != "wal" {
                throw HistoryError(.cannotOpen, path: path, "cannot use the WAL journal (SQLite says \(mode ?? "nothing"))",
                                   fix: "put the history on a local file system, or give another with --db PATH")
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do { try migrator.migrate(queue) } catch {
            throw Self.historyError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Refuses a damaged file, another program's database, and one migrated by a newer formcheck.
    private static func check(_ db: Database, path: String, migrator: DatabaseMigrator) throws {
        let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
        if problems != ["ok"] {
            throw corrupt(path, "it is damaged (SQLite's integrity check: \(problems.joined(separator: "; ")))")
        }
        let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        guard !tables.isEmpty else { return }  // an empty database: formcheck makes it a history
        let applied = tables.contains("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
        guard applied.contains(HistorySchema.identifiers[0]) else {
            throw corrupt(path, "it is an SQLite database, but not a formcheck history (tables: \(tables.sorted().joined(separator: ", ")))")
        }
        if try migrator.hasBeenSuperseded(db) {
            let known = Set(HistorySchema.identifiers)
            let unknown = applied.filter { !known.contains($0) }.sorted()
            throw HistoryError(.newer, path: path,
                               "made by a newer formcheck: its migrations \(unknown.joined(separator: ", ")) are unknown to this one; nothing was changed",
                               fix: "upgrade formcheck to the version that wrote it, or give another history with --db PATH")
        }
    }

    private static func corrupt(_ path: String, _ why: String) -> HistoryError {
        HistoryError(.corrupt, path: path, "not a usable formcheck history: \(why); nothing was changed",
                     fix: "move it aside (mv '\(path)' '\(path).damaged') and formcheck starts a new history there, or give another with --db PATH")
    }

    /// Runs `body` on the connection (no transaction), every error as a `HistoryError`.
    func run<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.inDatabase(body)
        } catch {
            throw Self.historyError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` in one write transaction (BEGIN IMMEDIATE: the busy timeout applies to taking the
    /// write lock), committed when it returns, rolled back when it throws.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try run { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw HistoryError(.io, path: path, "a write transaction ended without its result") }
            return result
        }
    }

    /// An error of SQLite, the file system or the store's own, as a `HistoryError`.
    static func historyError(_ error: any Error, path: String, busyTimeout: Double) -> HistoryError {
        if let e = error as? HistoryError { return e }
        guard let e = error as? DatabaseError else {
            return HistoryError(.io, path: path, "\(error)", fix: nil)
        }
        let sqlite = e.message ?? "error \(e.resultCode.rawValue)"
        switch e.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return corrupt(path, "it is not an SQLite database, or it is damaged (SQLite: \(sqlite))")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return HistoryError(.locked, path: path,
                                "another formcheck is writing to this history (waited \(DecimalSeconds.text(busyTimeout)) s for it)",
                                fix: "let the other session end, then try again; or give another history with --db PATH")
        case .SQLITE_FULL:
            return HistoryError(.diskFull, path: path, "the disk is full: the history could not be written (SQLite: \(sqlite))",
                                fix: "free some space on the disk, then try again")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return HistoryError(.cannotOpen, path: path, "cannot open or write the history (SQLite: \(sqlite))",
                                fix: "check the permissions of the file and its folder, or give another history with --db PATH (live, routine: or --no-save)")
        case .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_RANGE, .SQLITE_TOOBIG:
            return HistoryError(.invalid, path: path, "a value the history cannot keep (SQLite: \(sqlite))")
        default:
            return HistoryError(.io, path: path, "the history could not be read or written (SQLite: \(sqlite))",
                                fix: "check the disk (dmesg), then try again")
        }
    }
}
