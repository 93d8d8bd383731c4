import Foundation

/// Headless Chromium from Debian's `chromium` package (make test and make unit-test install it):
/// renders a file to a PNG screenshot, a PDF as printed, or its DOM after layout.
struct Chromium {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let executable: String

    /// The `chromium` on PATH; a failure saying how to get it when there is none.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Chromium {
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for folder in folders {
            let path = folder + "/chromium"
            if FileManager.default.isExecutableFile(atPath: path) { return Chromium(executable: path) }
        }
        throw Failure(description: "no chromium on PATH: run make test (it installs chromium), or apt-get install chromium")
    }

    /// Runs chromium headless on `file` with `arguments`, in a throw-away profile, with no network
    /// (every host name resolves to nothing); its standard output.
    func run(_ arguments: [String], file: String) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("formcheck-chromium-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile,
        ] + arguments + ["file://" + file]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile
        process.environment = environment
        let out = Pipe()
        let errorFile = profile + ".stderr"
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorFile) }
        guard let err = FileHandle(forWritingAtPath: errorFile) else { throw Failure(description: "cannot write \(errorFile)") }
        defer { try? err.close() }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // A guard against a hung browser, far beyond any real rendering (a few seconds).
        let running = process
        let watchdog = DispatchWorkItem { if running.isRunning { running.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 300, execute: watchdog)
        defer { watchdog.cancel() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorText = FileManager.default.contents(atPath: errorFile) ?? Data()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "chromium \(arguments.joined(separator: " ")) exited \(process.terminationStatus): "
                          + String(decoding: errorText, as: UTF8.self).suffix(2000))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
