import FormcheckFeedback

/// Fast fixed-point decimal formatting into a byte buffer, for large CSV outputs
/// (String(format:) per number is slow for a million numbers): `FormcheckFeedback.DecimalText.append`.
enum DecimalText {
    /// Appends `value` with exactly `decimals` (0…12) digits after the point, rounded half away
    /// from zero; "nan"/"inf"/"-inf" for non-finite values; values of 1e15 and more in magnitude
    /// are written with Swift's shortest representation.
    static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        FormcheckFeedback.DecimalText.append(value, decimals: decimals, to: &out)
    }
}
