import Foundation
import PackagePlugin

/// Compiles the JSON files of a target's `Protocols/`, `Routines/` and `Plans/` folders into it: at
/// every build, a generated `BuiltInFiles.swift` holds each file's exact text (`BuiltInFiles.protocols`,
/// `BuiltInFiles.routines`, `BuiltInFiles.plans`: file name without ".json" → text). Nothing is looked up at run time,
/// nothing generated is checked in, and the plugin does not read what the files say: add, remove
/// or rewrite them and the next build embeds what is there. The target declares no resources:
/// SwiftPM hands files it has no rule for to the target's plugins, so it neither bundles nor warns
/// about them.
@main
struct EmbedBuiltIns: BuildToolPlugin {
    /// The folders embedded, in the generated enum's order; a missing one gives an empty dictionary.
    static let folders = ["Protocols", "Routines", "Plans"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInFiles.swift")
        var inputs: [URL] = []
        var arguments = ["files", output.path(percentEncoded: false), "BuiltInFiles"]
        for folder in Self.folders {
            let directory = target.directoryURL.appending(path: folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))) ?? []
            let files = names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appending(path: $0) }
            inputs += files
            arguments += files.isEmpty ? [folder + "="] : files.map { folder + "=" + $0.path(percentEncoded: false) }
        }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) built-in JSON files into \(target.name)",
                executable: try context.tool(named: "formcheck-embed").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
