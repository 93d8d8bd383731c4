import FormcheckFeedback

/// Text made safe for HTML, and numbers as the report writes them.
enum HTMLText {
    /// `text` with `& < > " '` replaced by their character references: safe in element content and
    /// in double-quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// ` name="value"` with the value escaped.
    static func attribute(_ name: String, _ value: String) -> String {
        " \(name)=\"\(escape(value))\""
    }

    /// A number for a data attribute or a coordinate: at most `decimals` places, no trailing zeros.
    static func number(_ value: Double, _ decimals: Int = 3) -> String {
        DecimalText.trimmed(value, decimals)
    }

    /// A number for people, with exactly `decimals` places.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        DecimalText.fixed(value, decimals)
    }

    /// Seconds as `m:ss` (or `h:mm:ss` from an hour), rounded to the second.
    static func clock(_ seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded())
        let h = total / 3600, m = (total / 60) % 60, s = total % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }

    /// A duration for people: "45 s", "12 min 5 s", "1 h 3 min".
    static func duration(_ seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded())
        if total < 60 { return "\(total) s" }
        let h = total / 3600, m = (total / 60) % 60, s = total % 60
        if h > 0 { return "\(h) h \(m) min" }
        return s == 0 ? "\(m) min" : "\(m) min \(s) s"
    }
}
