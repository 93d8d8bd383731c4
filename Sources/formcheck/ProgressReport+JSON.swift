import FormcheckFormats
import FormcheckHistory
import Foundation

extension ProgressReport {
    /// `history --format json`: the report as one document (distances in metres; `unit` says how
    /// the text shows them).
    func json(unit: UserProfile.DistanceUnit) throws -> String {
        struct Document: Encodable {
            var unit: UserProfile.DistanceUnit
            var report: ProgressReport
        }
        return try JSONDocument.text(Document(unit: unit, report: self), dates: true, nonFinite: true)
    }
}
