import Foundation

/// The exercise protocols built into formcheck (Protocols/*.json, compiled into the binary by the
/// EmbedBuiltIns plugin: nothing is looked up next to the executable), the user's own in
/// `$XDG_CONFIG_HOME/formcheck/protocols/NAME.json` (default `~/.config/formcheck/protocols/`),
/// which add exercises or replace a built-in one of the same name, and any protocol file.
/// Every protocol, whatever its origin, is decoded by `decode(_:from:)`.
public enum ExerciseLibrary {
    /// The order `formcheck exercises` lists the built-in protocols in; built-in files not named
    /// here follow in alphabetical order.
    static let preferredOrder = ["piriformis", "hamstring", "knee-to-chest", "walk"]

    /// Names of the built-in protocols, in the order `formcheck exercises` lists them.
    public static let names: [String] = {
        let builtIn = Set(BuiltInFiles.protocols.keys)
        return preferredOrder.filter(builtIn.contains) + builtIn.subtracting(preferredOrder).sorted()
    }()

    public enum LoadError: Error, CustomStringConvertible {
        case unknown(String)
        case unreadable(path: String, reason: String)
        case invalid(path: String, reason: String)

        public var description: String {
            switch self {
            case .unknown(let name): "no exercise '\(name)'; the built-in ones are \(ExerciseLibrary.names.joined(separator: ", "))"
            case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
            case .invalid(let path, let reason): "\(path): \(reason)"
            }
        }
    }

    /// Every protocol: the built-in ones (a user file of the same name in its place), then the
    /// user's own in alphabetical order.
    public static func all(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [ExerciseProtocol] {
        let user = userProtocolNames(environment: environment)
        return try (names + user.filter { !names.contains($0) }).map { try named($0, environment: environment) }
    }

    /// A protocol by name: the user's file `protocols/NAME.json` in the configuration folder when
    /// there is one, else the built-in protocol.
    public static func named(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ExerciseProtocol {
        if isPlainName(name) {
            let path = userFolder(environment: environment) + "/" + name + ".json"
            if FileManager.default.fileExists(atPath: path) { return try load(path) }
        }
        guard let text = BuiltInFiles.protocols[name] else { throw LoadError.unknown(name) }
        return try decode(Data(text.utf8), from: "built-in protocol \(name).json")
    }

    /// A protocol file (JSON with the keys of `ExerciseProtocol`).
    public static func load(_ path: String) throws -> ExerciseProtocol {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LoadError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try decode(data, from: path)
    }

    /// The folder of the user's own protocols: `$XDG_CONFIG_HOME/formcheck/protocols`, or
    /// `$HOME/.config/formcheck/protocols` when XDG_CONFIG_HOME is unset or empty (XDG base directories).
    public static func userFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.config")
        return base + "/formcheck/protocols"
    }

    /// Names of the user's protocol files (`NAME.json` in `userFolder`), sorted; none when the
    /// folder is missing or unreadable.
    static func userProtocolNames(environment: [String: String]) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: userFolder(environment: environment))) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.filter(isPlainName).sorted()
    }

    /// A name that can be a file in the user's folder (no path separators, not hidden).
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.hasPrefix(".")
    }

    /// The one decoder of protocols: the JSON text of a built-in or user file, `origin` naming it in errors.
    static func decode(_ data: Data, from origin: String) throws -> ExerciseProtocol {
        let path = origin
        do {
            let p = try JSONDecoder().decode(ExerciseProtocol.self, from: data)
            if p.kind == .stretch && p.holdAngle == nil {
                throw LoadError.invalid(path: path, reason: "a stretch needs \"holdAngle\" (degrees)")
            }
            return p
        } catch let e as LoadError {
            throw e
        } catch DecodingError.keyNotFound(let key, _) {
            throw LoadError.invalid(path: path, reason: "missing key \"\(key.stringValue)\"")
        } catch DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c), DecodingError.dataCorrupted(let c) {
            let where_ = c.codingPath.map(\.stringValue).joined(separator: ".")
            throw LoadError.invalid(path: path, reason: (where_.isEmpty ? "" : where_ + ": ") + c.debugDescription)
        } catch {
            throw LoadError.invalid(path: path, reason: "\(error)")
        }
    }
}
