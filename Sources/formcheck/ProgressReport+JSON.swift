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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(Document(unit: unit, report: self)), as: UTF8.self)
    }
}
