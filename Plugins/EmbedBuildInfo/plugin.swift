import Foundation
import PackagePlugin

/// Gives a target `BuildInfo.commit`: the git commit of the package being built (`git describe
/// --always --dirty --abbrev=12`), or "unknown" outside a git checkout (a source tarball) or without
/// git. The plugin runs at every build, and the generated file changes only when the commit does.
@main
struct EmbedBuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildInfo.swift")
        return [
            .buildCommand(
                displayName: "Embedding the git commit into \(target.name)",
                executable: try context.tool(named: "formcheck-embed").url,
                arguments: ["build-info", output.path(percentEncoded: false), "BuildInfo",
                            Self.commit(of: context.package.directoryURL)],
                inputFiles: [],
                outputFiles: [output]
            ),
        ]
    }

    /// `git describe` of the package directory, or "unknown". `FORMCHECK_COMMIT` in the environment
    /// wins (a build from a tarball can say where it came from).
    static func commit(of directory: URL) -> String {
        if let given = ProcessInfo.processInfo.environment["FORMCHECK_COMMIT"], !given.isEmpty { return given }
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", directory.path(percentEncoded: false), "describe", "--always", "--dirty", "--abbrev=12"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        do { try git.run() } catch { return "unknown" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return git.terminationStatus == 0 && !text.isEmpty ? text : "unknown"
    }
}
