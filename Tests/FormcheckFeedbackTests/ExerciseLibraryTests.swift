import Foundation
@testable import FormcheckFeedback
import Testing

/// The built-in protocols compiled into the binary (Plugins/EmbedBuiltIns), and the user's own.
@Suite struct ExerciseLibraryTests {
    /// Sources/FormcheckFeedback/Protocols, from this file's path.
    static let protocolsFolder = Fixtures.package + "/Sources/FormcheckFeedback/Protocols"

    /// A configuration folder with `files` (name → text) in its protocols folder; removed by the caller.
    static func config(_ files: [String: String]) throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("formcheck-xdg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base + "/formcheck/protocols", withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: base + "/formcheck/protocols/" + name))
        }
        return base
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: protocolsFolder + "/" + name + ".json", encoding: .utf8)
    }

    @Test func everyProtocolFileIsCompiledInByteForByte() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.protocolsFolder).filter { $0.hasSuffix(".json") }
        #expect(files.count == 10)
        #expect(Set(BuiltInFiles.protocols.keys) == Set(files.map { String($0.dropLast(5)) }))
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.protocolsFolder + "/" + file))
            #expect(Data((BuiltInFiles.protocols[String(file.dropLast(5))] ?? "").utf8) == bytes, "\(file) differs from the binary's copy")
        }
        #expect(ExerciseLibrary.names == ["piriformis", "hamstring", "knee-to-chest", "walk", "bridge", "straight-leg-raise", "clamshell",
                          "side-lying-abduction", "bird-dog", "sit-to-stand"])
    }

    @Test func builtInProtocolsDecodeWithoutAnyFileAtRunTime() throws {
        let empty = ["XDG_CONFIG_HOME": "/nonexistent-formcheck-test"]
        let all = try ExerciseLibrary.all(environment: empty)
        #expect(all.map(\.name) == ExerciseLibrary.names)
        let piriformis = try ExerciseLibrary.named("piriformis", environment: empty)
        #expect(piriformis.holdAngle == 60)
        #expect(piriformis.holdSeconds == 60)
        #expect(piriformis.repsPerSide == 2)
        #expect(piriformis == (try ExerciseLibrary.load(Self.protocolsFolder + "/piriformis.json")))
        #expect(throws: ExerciseLibrary.LoadError.self) { try ExerciseLibrary.named("yoga", environment: empty) }
    }

    @Test func userFilesAddExercisesAndReplaceBuiltInOnes() throws {
        let mine = try Self.text("hamstring").replacingOccurrences(of: "\"hamstring\"", with: "\"mine\"")
        let piriformis = try Self.text("piriformis").replacingOccurrences(of: "\"holdSeconds\" : 60", with: "\"holdSeconds\" : 45")
        #expect(piriformis != (try Self.text("piriformis")))
        let base = try Self.config(["mine.json": mine, "piriformis.json": piriformis, "notes.txt": "not a protocol"])
        defer { try? FileManager.default.removeItem(atPath: base) }
        let env = ["XDG_CONFIG_HOME": base]
        #expect(ExerciseLibrary.userFolder(environment: env) == base + "/formcheck/protocols")
        #expect(try ExerciseLibrary.named("piriformis", environment: env).holdSeconds == 45)
        #expect(try ExerciseLibrary.named("mine", environment: env).name == "mine")
        #expect(try ExerciseLibrary.all(environment: env).map(\.name) == ExerciseLibrary.names + ["mine"])
        // Without XDG_CONFIG_HOME (or with it empty): $HOME/.config.
        #expect(ExerciseLibrary.userFolder(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/u"]) == "/home/u/.config/formcheck/protocols")
        #expect(ExerciseLibrary.userFolder(environment: ["HOME": "/home/u"]) == "/home/u/.config/formcheck/protocols")
    }

    @Test func aBrokenUserFileIsAnErrorNamingIt() throws {
        let base = try Self.config(["walk.json": "{\"name\": \"walk\""])
        defer { try? FileManager.default.removeItem(atPath: base) }
        let env = ["XDG_CONFIG_HOME": base]
        do {
            _ = try ExerciseLibrary.all(environment: env)
            Issue.record("a truncated user file was accepted")
        } catch ExerciseLibrary.LoadError.invalid(let path, _, _) {
            #expect(path == base + "/formcheck/protocols/walk.json")
        }
        // Names that are not plain file names never reach the folder.
        #expect(throws: ExerciseLibrary.LoadError.self) { try ExerciseLibrary.named("../protocols/walk", environment: env) }
    }
}
