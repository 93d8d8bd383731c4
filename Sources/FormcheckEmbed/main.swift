// formcheck-embed: the build tool behind the EmbedBuiltIns and EmbedBuildInfo plugins (Plugins/).
// It writes one Swift source file and nothing else; it runs at build time only and never ships.
//
//   formcheck-embed files OUTPUT TYPE FOLDER=FILE... FOLDER=...
//       an enum TYPE with one static dictionary per FOLDER (lowercased), file name without ".json"
//       → the file's exact text
//   formcheck-embed build-info OUTPUT TYPE COMMIT
//       an enum TYPE with `static let commit`
import Foundation

/// Fails the build with a message that says what to fix.
func die(_ message: String) -> Never {
    FileHandle.standardError.write(Data("formcheck-embed: error: \(message)\n".utf8))
    exit(1)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3 else {
    die("usage: formcheck-embed files OUTPUT TYPE FOLDER=FILE... | build-info OUTPUT TYPE COMMIT")
}
let (mode, output, type) = (arguments[0], arguments[1], arguments[2])
let rest = Array(arguments.dropFirst(3))

let source: String
switch mode {
case "files":
    var order: [String] = []
    var filesOf: [String: [(key: String, text: String)]] = [:]
    for argument in rest {
        guard let equals = argument.firstIndex(of: "=") else { die("'\(argument)' is not FOLDER=FILE") }
        let folder = String(argument[..<equals]), path = String(argument[argument.index(after: equals)...])
        if filesOf[folder] == nil { order.append(folder) }
        filesOf[folder, default: []] += []
        guard !path.isEmpty else { continue }  // FOLDER= alone: the folder is absent or has no JSON file
        guard let data = FileManager.default.contents(atPath: path) else { die("cannot read \(path)") }
        guard let text = String(validating: data, as: UTF8.self) else { die("\(path) is not UTF-8 text") }
        let key = String(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        filesOf[folder, default: []].append((key, text))
    }
    let folders = order.map { (name: $0, files: filesOf[$0] ?? []) }
    var lines = [
        "// Generated at build time by the EmbedBuiltIns plugin (Plugins/EmbedBuiltIns) from the JSON files",
        "// of this target's folders. Never edit or commit it: edit the JSON files.",
        "",
        "/// The built-in files of this target, compiled into the binary: no resource bundle, no file at run time.",
        "enum \(type) {",
    ]
    for folder in folders {
        let property = folder.name.prefix(1).lowercased() + folder.name.dropFirst()
        lines.append("    /// \(folder.name)/*.json: the file name without \".json\" → the file's exact text.")
        lines.append("    static let \(property): [String: String] = [")
        for file in folder.files.sorted(by: { $0.key < $1.key }) {
            lines.append("        \(literal(file.key)): \(literal(file.text)),")
        }
        if folder.files.isEmpty { lines.append("        :") }
        lines.append("    ]")
    }
    lines.append("}")
    source = lines.joined(separator: "\n") + "\n"
case "build-info":
    guard rest.count == 1 else { die("build-info takes one COMMIT") }
    source = """
        // Generated at build time by the EmbedBuildInfo plugin (Plugins/EmbedBuildInfo). Never edit or commit it.

        /// What the build knows about where it came from.
        enum \(type) {
            /// The git commit the binary was built from (with "-dirty" when the work tree had changes), or
            /// "unknown" when it was not built from a git checkout.
            static let commit = \(literal(rest[0]))
        }

        """
default:
    die("unknown mode '\(mode)' (files or build-info)")
}

// Rewritten only when it changes, so an unchanged input recompiles nothing.
if FileManager.default.contents(atPath: output) != Data(source.utf8) {
    do { try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
        die("cannot write \(output): \(error.localizedDescription)")
    }
}

/// A Swift string literal whose value is exactly `text`: quotes, backslashes and every control
/// character escaped, everything else as it is.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7f:
            out += "\\u{" + String(scalar.value, radix: 16) + "}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
