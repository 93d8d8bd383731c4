import Foundation

/// formcheck's one writer of pretty JSON documents (`--format json`, `export`, `history`,
/// session files, simulator truth and fixtures): JSONEncoder, set up once.
///
/// Determinism, as `JSONDocumentTests` checks it: members sorted by key (code-point order for the
/// ASCII keys formcheck writes, so "Z" before "a"); two-space indent and `"key" : value`; numbers as Swift prints them —
/// the shortest text that reads back as the same Double ("0.1", "0.30000000000000004"), integral
/// values without a point ("100"), exponents for very small or large ones ("1e-07"), never a
/// locale's decimal comma; strings as UTF-8 with only `"`, `\` and control characters escaped
/// (`/` as it is). Dates (with `dates`) are ISO 8601 in UTC; NaN and infinities (with `nonFinite`)
/// are the strings "nan", "inf", "-inf" — without it encoding one throws.
///
/// JSON Lines (the event streams of replay, live and routine) are not written here but by
/// `JSONValue.compactText` (FormcheckFeedback): one object per line, members in the order the
/// event gives them (sorted), numbers rounded to each field's stated decimals.
public enum JSONDocument {
    /// The value as pretty JSON text, without a final newline.
    /// - Parameters:
    ///   - dates: `Date`s as ISO 8601 text (else JSONEncoder's seconds since 2001).
    ///   - nonFinite: NaN and infinities as "nan", "inf", "-inf" (else they throw).
    public static func text<T: Encodable>(_ value: T, dates: Bool = false, nonFinite: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if dates { encoder.dateEncodingStrategy = .iso8601 }
        if nonFinite {
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
