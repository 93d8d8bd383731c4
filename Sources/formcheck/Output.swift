import ArgumentParser
import FormcheckFormats
import Foundation

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The output formats of commands that print data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Encodes a value as pretty, key-sorted JSON text (`JSONDocument`, the one writer of JSON documents).
func jsonText<T: Encodable>(_ value: T) throws -> String {
    try JSONDocument.text(value)
}

/// A number with a fixed count of decimals.
func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

/// Writes bytes to standard output as they are.
func writeStandardOutput(_ bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
}
