import Foundation
import FormcheckFormats

/// Turns a JSON decoding failure of a scenario file into `FILE:LINE: what is wrong`.
enum ScenarioFileError {
    static func describe(_ error: any Error, path: String, bytes: [UInt8]) -> InputError {
        let fix = "compare with 'formcheck simulate --print piriformis-dualsense'"
        // A syntax error: JSONSerialization says where ("around character N"); turn that into a line.
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            var line: Int?
            if let r = detail.range(of: "character "), let offset = Int(detail[r.upperBound...].prefix { $0.isNumber }) {
                line = bytes.prefix(min(offset, bytes.count)).filter { $0 == 0x0A }.count + 1
            }
            return InputError(.malformed, path: path, line: line, "not valid JSON: \(detail)", fix: fix)
        }
        switch error {
        case DecodingError.dataCorrupted(let c):
            // Syntax errors carry "around line N, column M" in the underlying error.
            let underlying = (c.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? c.debugDescription
            return InputError(.malformed, path: path, line: lineNumber(in: underlying), location(c.codingPath) + underlying, fix: fix)
        case DecodingError.keyNotFound(let key, let c):
            return InputError(.malformed, path: path, location(c.codingPath) + "missing key \"\(key.stringValue)\"", fix: fix)
        case DecodingError.typeMismatch(let type, let c), DecodingError.valueNotFound(let type, let c):
            return InputError(.malformed, path: path, location(c.codingPath) + "expected \(describe(type)): \(c.debugDescription)", fix: fix)
        default:
            return InputError(.malformed, path: path, "\(error)", fix: fix)
        }
    }

    static func location(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "" }
        return path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            .replacingOccurrences(of: ".[", with: "[").trimmingCharacters(in: CharacterSet(charactersIn: ".")) + ": "
    }

    static func lineNumber(in text: String) -> Int? {
        guard let r = text.range(of: "line ") else { return nil }
        return Int(text[r.upperBound...].prefix { $0.isNumber })
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type, is UInt64.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}
