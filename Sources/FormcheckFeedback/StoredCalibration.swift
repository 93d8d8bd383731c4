import Foundation
import MotionCore

/// A strap calibration saved by `formcheck calibrate` (stand still, raise the knee), reused with
/// `--calibration CAL.json` and, for live sessions, stored per device uniq by default. With it a
/// session measures its posture instead of assuming it.
public struct StoredCalibration: Sendable, Hashable, Codable {
    public struct Device: Sendable, Hashable, Codable {
        public var name: String
        /// bus:vendor:product:version, hex.
        public var id: String
        public var uniq: String?

        public init(name: String, id: String, uniq: String?) {
            self.name = name
            self.id = id
            self.uniq = uniq
        }
    }

    /// File format version.
    public var formcheckCalibration = 1
    public var device: Device
    public var side: Side
    /// Thigh ← sensor rotation, `[w, x, y, z]`.
    public var mounting: Quaternion
    /// Gravity's direction in the thigh frame while standing still (a check on the strap).
    public var standingUp: Vector3
    /// The recording or device it was made from.
    public var source: String

    public init(device: Device, side: Side, mounting: Quaternion, standingUp: Vector3, source: String) {
        self.device = device
        self.side = side
        self.mounting = mounting
        self.standingUp = standingUp
        self.source = source
    }

    public enum FileError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case invalid(path: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "\(path): cannot read the calibration: \(reason)"
            case .invalid(let path, let reason): "\(path): not a formcheck calibration: \(reason)"
            }
        }
    }

    public static func load(_ path: String) throws -> StoredCalibration {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw FileError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        do {
            return try JSONDecoder().decode(StoredCalibration.self, from: data)
        } catch DecodingError.keyNotFound(let key, _) {
            throw FileError.invalid(path: path, reason: "missing key \"\(key.stringValue)\"")
        } catch let DecodingError.dataCorrupted(c), let DecodingError.typeMismatch(_, c) {
            throw FileError.invalid(path: path, reason: c.codingPath.map(\.stringValue).joined(separator: ".") + ": " + c.debugDescription)
        } catch {
            throw FileError.invalid(path: path, reason: "\(error)")
        }
    }

    public func save(_ path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (encoder.encode(self) + Data("\n".utf8)).write(to: url, options: .atomic)
    }

    /// Where a live session looks for a device's calibration:
    /// `$XDG_CONFIG_HOME/formcheck/calibrations/<uniq>.json` (or `~/.config/…`).
    public static func defaultPath(uniq: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        let safe = String(uniq.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
        return base + "/formcheck/calibrations/" + safe + ".json"
    }
}
