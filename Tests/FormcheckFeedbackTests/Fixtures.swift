/// The project's folders, found from this file's path (the one place this target finds them).
enum Fixtures {
    /// The package root.
    static let package: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/FormcheckFeedbackTests/Fixtures.swift
        return parts.joined(separator: "/")
    }()

    /// The package's Fixtures/ folder.
    static let root = package + "/Fixtures"

    static func path(_ relative: String) -> String { root + "/" + relative }
}
