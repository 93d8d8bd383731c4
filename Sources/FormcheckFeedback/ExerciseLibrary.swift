import Foundation

/// The exercise protocols bundled with formcheck (Protocols/*.json), and loading a user's own.
public enum ExerciseLibrary {
    /// Names of the bundled protocols, in the order `formcheck exercises` lists them.
    public static let names = ["piriformis", "hamstring", "knee-to-chest", "walk"]

    public enum LoadError: Error, CustomStringConvertible {
        case unknown(String)
        case unreadable(path: String, reason: String)
        case invalid(path: String, reason: String)

        public var description: String {
            switch self {
            case .unknown(let name): "no exercise '\(name)'; the bundled ones are \(ExerciseLibrary.names.joined(separator: ", "))"
            case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
            case .invalid(let path, let reason): "\(path): \(reason)"
            }
        }
    }

    /// Every bundled protocol.
    public static func all() throws -> [ExerciseProtocol] {
        try names.map { try named($0) }
    }

    /// A bundled protocol by name.
    public static func named(_ name: String) throws -> ExerciseProtocol {
        guard names.contains(name),
              let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Protocols")
        else { throw LoadError.unknown(name) }
        return try load(url.path)
    }

    /// A protocol file (JSON with the keys of `ExerciseProtocol`).
    public static func load(_ path: String) throws -> ExerciseProtocol {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LoadError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
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
