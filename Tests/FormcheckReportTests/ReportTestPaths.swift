import Foundation

/// Where the report tests write what a person may want to look at (the report, its PNG and PDF):
/// `.build/report-test/` in the package, found from this file's path.
enum ReportTestPaths {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/FormcheckReportTests/ReportTestPaths.swift
        return parts.joined(separator: "/")
    }()

    /// `.build/report-test/NAME`, its folder created.
    static func output(_ name: String) throws -> String {
        let folder = root + "/.build/report-test"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/" + name
    }
}
