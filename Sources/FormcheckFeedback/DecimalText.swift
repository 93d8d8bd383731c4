/// Numbers as decimal text, exactly: the value is rounded to `decimals` places as an integer count
/// of the last place, so the digits never show binary floating-point noise (0.1 + 0.2 → "0.3").
public enum DecimalText {
    /// `value` rounded to `decimals` places (half away from zero), with exactly that many decimals.
    /// Negative zero prints as zero. Non-finite values print as "nan", "inf" or "-inf".
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled.magnitude < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let magnitude = units.magnitude
        let divisor = UInt64(scale)
        var text = String(magnitude / divisor)
        if decimals > 0 {
            let fraction = String(magnitude % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return units < 0 ? "-" + text : text
    }

    /// Like `fixed`, without trailing zeros after the point, nor the point itself when nothing is
    /// left after it: 62.10 → "62.1", 60.00 → "60". The shortest text for JSON numbers.
    public static func trimmed(_ value: Double, _ decimals: Int) -> String {
        var text = fixed(value, decimals)
        guard value.isFinite, text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
