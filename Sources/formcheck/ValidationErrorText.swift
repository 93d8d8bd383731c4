/// An error whose description is the whole message (ArgumentParser prints it after the value).
struct ValidationErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
