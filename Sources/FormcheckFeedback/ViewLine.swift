/// One line of the live view: runs of text, each with an optional style. Its width is the count of
/// its characters (every character the view uses takes one terminal column).
public struct ViewLine: Sendable, Hashable, ExpressibleByStringLiteral {
    /// Text in one style (nil: the terminal's default).
    public struct Span: Sendable, Hashable {
        public var text: String
        public var style: ViewStyle?

        public init(_ text: String, _ style: ViewStyle? = nil) {
            self.text = text
            self.style = style
        }
    }

    public var spans: [Span]

    public init(_ spans: [Span] = []) {
        self.spans = spans.filter { !$0.text.isEmpty }
    }

    public init(_ text: String, _ style: ViewStyle? = nil) {
        self.init([Span(text, style)])
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    /// The text without styles.
    public var plain: String { spans.map(\.text).joined() }
    /// Columns.
    public var width: Int { spans.reduce(0) { $0 + $1.text.count } }
    public var isEmpty: Bool { spans.isEmpty }

    /// The text, with SGR escapes around styled runs when `colour`, none otherwise.
    public func text(colour: Bool) -> String {
        guard colour else { return plain }
        return spans.map { span in span.style.map { $0.on + span.text + ViewStyle.off } ?? span.text }.joined()
    }

    public static func + (a: ViewLine, b: ViewLine) -> ViewLine { ViewLine(a.spans + b.spans) }

    /// The first `columns` columns.
    public func prefix(_ columns: Int) -> ViewLine {
        var left = max(0, columns)
        var out: [Span] = []
        for span in spans where left > 0 {
            let text = String(span.text.prefix(left))
            left -= text.count
            out.append(Span(text, span.style))
        }
        return ViewLine(out)
    }

    /// Without trailing spaces.
    public var trimmingTrailingSpaces: ViewLine {
        var out = spans
        while var last = out.last {
            while last.text.last == " " { last.text.removeLast() }
            if last.text.isEmpty { out.removeLast() } else { out[out.count - 1] = last; break }
        }
        return ViewLine(out)
    }
}
