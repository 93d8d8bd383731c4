/// A JSON value that keeps what the text says: numbers as their literal text (so a reader can check
/// how they were rounded) and object members in their order (so a reader can check they are sorted).
/// `SessionEvent` lines are written with it, and `SessionEventJSON` reads them back with it.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's literal text, e.g. `84.7`.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in the order of the text.
    case object([(key: String, value: JSONValue)])

    /// A number rounded to `decimals` places, written without trailing zeros. JSON has no NaN or
    /// infinity: a non-finite value becomes `null`.
    public static func number(_ value: Double, decimals: Int) -> JSONValue {
        value.isFinite ? .number(DecimalText.trimmed(value, decimals)) : .null
    }

    public static func integer(_ value: Int) -> JSONValue {
        .number(String(value))
    }

    /// An object with its members sorted by key.
    public static func sortedObject(_ members: [String: JSONValue]) -> JSONValue {
        .object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) })
    }

    /// Compact text: no whitespace outside strings; members in their stored order.
    public var compactText: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let text): out += text
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                JSONValue.writeString(member.key, into: &out)
                out += ":"
                member.value.write(into: &out)
            }
            out += "}"
        }
    }

    /// A string literal: quotes, backslashes and control characters escaped; everything else as UTF-8.
    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(compactText)
    }
}
