extension JSONValue {
    /// Reads JSON text (strict RFC 8259), keeping number literals and member order.
    public init(parsing text: String) throws(JSONSyntaxError) {
        var parser = JSONParser(text)
        self = try parser.parseDocument()
    }

    /// The member `key` of an object (nil when absent or not an object).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// A number's value (nil for anything else).
    public var doubleValue: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// A number written as an integer, e.g. `2` (not `2.0`, not `2e0`).
    public var intValue: Int? {
        guard case .number(let text) = self, !text.contains(where: { ".eE".contains($0) }) else { return nil }
        return Int(text)
    }

    public var stringValue: String? {
        guard case .string(let s) = self else { return nil }
        return s
    }
}
