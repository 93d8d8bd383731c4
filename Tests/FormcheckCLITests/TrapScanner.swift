/// Finds the places in Swift source that can stop the process with a trap: `fatalError`,
/// `precondition`, `preconditionFailure`, `try!`, `as!`, `unsafelyUnwrapped` and the postfix `!`
/// of a force unwrap (or an implicitly unwrapped type). Comments and string literals are skipped,
/// but the code inside string interpolations is scanned.
struct TrapScanner {
    /// One trap site: its 1-based line and what it is.
    struct Site: Equatable {
        var line: Int
        var kind: String
    }

    /// The trap sites of `source`, in order.
    static func sites(in source: String) -> [Site] {
        var scanner = TrapScanner(Array(source.unicodeScalars))
        scanner.code(untilParenthesis: false)
        return scanner.found
    }

    private let text: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private var found: [Site] = []

    private init(_ text: [Unicode.Scalar]) { self.text = text }

    private func at(_ offset: Int = 0) -> Unicode.Scalar? {
        i + offset < text.count ? text[i + offset] : nil
    }

    private func startsWith(_ s: String) -> Bool {
        for (k, c) in s.unicodeScalars.enumerated() where at(k) != c { return false }
        return true
    }

    private mutating func advance(_ n: Int = 1) {
        for _ in 0..<n where i < text.count {
            if text[i] == "\n" { line += 1 }
            i += 1
        }
    }

    private static func isIdentifier(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }

    /// The identifier that ends just before position `end`.
    private func word(before end: Int) -> String {
        var start = end
        while start > 0 && Self.isIdentifier(text[start - 1]) { start -= 1 }
        return String(String.UnicodeScalarView(text[start..<end]))
    }

    /// Code, up to the end of the text, or up to the `)` that closes an interpolation.
    private mutating func code(untilParenthesis: Bool) {
        var depth = 0
        while let c = at() {
            if startsWith("//") {
                while let d = at(), d != "\n" { advance() }
            } else if startsWith("/*") {
                blockComment()
            } else if c == "#" || c == "\"" {
                var hashes = 0
                while at(hashes) == "#" { hashes += 1 }
                if at(hashes) == "\"" {
                    advance(hashes)
                    string(hashes: hashes)
                } else {
                    advance(max(hashes, 1))
                }
            } else if c == "(" {
                depth += 1
                advance()
            } else if c == ")" {
                if untilParenthesis && depth == 0 { advance(); return }
                depth -= 1
                advance()
            } else if c == "!" {
                let before = i > 0 ? text[i - 1] : " "
                let next = at(1)
                if Self.isIdentifier(before) || before == ")" || before == "]" {
                    let w = word(before: i)
                    if w == "try" || w == "as" {
                        found.append(Site(line: line, kind: w + "!"))
                    } else if next != "=" {
                        found.append(Site(line: line, kind: "force unwrap"))
                    }
                }
                advance()
            } else if Self.isIdentifier(c) && !Self.isIdentifier(i > 0 ? text[i - 1] : " ") {
                var end = i
                while end < text.count && Self.isIdentifier(text[end]) { end += 1 }
                let w = String(String.UnicodeScalarView(text[i..<end]))
                if ["fatalError", "precondition", "preconditionFailure", "unsafelyUnwrapped"].contains(w) {
                    found.append(Site(line: line, kind: w))
                }
                advance(end - i)
            } else {
                advance()
            }
        }
    }

    private mutating func blockComment() {
        var depth = 0
        while at() != nil {
            if startsWith("/*") { depth += 1; advance(2) }
            else if startsWith("*/") { depth -= 1; advance(2); if depth == 0 { return } }
            else { advance() }
        }
    }

    /// A string literal from its opening quote(s); `hashes` is the count of `#` of a raw string.
    private mutating func string(hashes: Int) {
        let multiline = startsWith("\"\"\"")
        let quote = multiline ? "\"\"\"" : "\""
        let close = quote + String(repeating: "#", count: hashes)
        let escape = "\\" + String(repeating: "#", count: hashes)
        advance(quote.unicodeScalars.count)
        while at() != nil {
            if startsWith(close) { advance(close.unicodeScalars.count); return }
            if startsWith(escape) {
                advance(escape.unicodeScalars.count)
                if at() == "(" {
                    advance()
                    code(untilParenthesis: true)
                } else {
                    advance()
                }
            } else {
                advance()
            }
        }
    }
}
