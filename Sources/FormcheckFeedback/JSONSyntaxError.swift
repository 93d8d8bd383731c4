/// Text that is not JSON: what is wrong and at which byte (0-based UTF-8 offset).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public var description: String { "byte \(offset): \(message)" }
}
