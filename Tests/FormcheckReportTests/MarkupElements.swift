/// The elements of an HTML text with a given tag and class, as their attributes (values unescaped):
/// what a test reads back out of the report, or out of the DOM a browser dumped.
enum MarkupElements {
    /// Every `<tag …>` whose `class` is `className` (exactly, or one of its words), in document order.
    static func find(_ html: String, tag: String, className: String) -> [[String: String]] {
        let opening = try! Regex("<" + tag + "\\b([^>]*)>")
        return html.matches(of: opening).compactMap { m -> [String: String]? in
            let text = String(html[m.range]).dropFirst(tag.count + 1)
            let attributes = parse(String(text))
            guard let c = attributes["class"], c.split(separator: " ").contains(Substring(className)) else { return nil }
            return attributes
        }
    }

    static func parse(_ text: String) -> [String: String] {
        let attribute = try! Regex("([A-Za-z_:][-A-Za-z0-9_:.]*)=\"([^\"]*)\"")
        var out: [String: String] = [:]
        for m in text.matches(of: attribute) {
            let whole = String(text[m.range])
            guard let eq = whole.firstIndex(of: "=") else { continue }
            let name = String(whole[..<eq])
            let value = String(whole[whole.index(eq, offsetBy: 2)..<whole.index(before: whole.endIndex)])
            out[name] = unescape(value)
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A number attribute (nil when missing or not a number).
    static func number(_ element: [String: String], _ name: String) -> Double? {
        element[name].flatMap(Double.init)
    }
}
