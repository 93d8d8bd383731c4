import ArgumentParser
import FormcheckHistory
import Foundation

/// `--db PATH`: which history to read or write (default `$XDG_DATA_HOME/formcheck/history.sqlite`,
/// else `~/.local/share/formcheck/history.sqlite`).
struct HistoryOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The history database (default: $XDG_DATA_HOME/formcheck/history.sqlite, else ~/.local/share/formcheck/history.sqlite).",
                                                        valueName: "path"),
            completion: .file(extensions: ["sqlite"]))
    var db: String?

    /// The path used: `--db`, else the default.
    var path: String { db ?? HistoryStore.defaultPath(environment: ProcessInfo.processInfo.environment) }

    /// Opens the history to read it; nil (after saying so) when there is none yet — reading does
    /// not create one.
    func openExisting() throws -> HistoryStore {
        guard FileManager.default.fileExists(atPath: path) else {
            printError("formcheck: \(path): no history yet: nothing has been saved\n"
                       + "  fix: 'formcheck live', 'formcheck routine' and 'formcheck replay FILE --save' save sessions there (--db PATH for another)")
            throw ExitCode(66)
        }
        return try open()
    }

    /// Opens (creating and migrating) the history.
    /// - Throws: `ExitCode` after printing what is wrong and the fix (README "Exit status").
    func open() throws -> HistoryStore {
        do { return try HistoryStore(path: path) } catch let error as HistoryError { throw fail(error) }
    }
}

/// Prints a history error the way formcheck reports every failure, and gives its exit status.
func fail(_ error: HistoryError) -> ExitCode {
    printError("formcheck: " + error.description)
    return ExitCode(error.exitStatus)
}
