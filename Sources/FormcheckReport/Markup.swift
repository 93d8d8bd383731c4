/// HTML and SVG elements as text: attribute values and text are always escaped here, so nothing from
/// a session (an exercise or device name) can become markup.
enum Markup {
    typealias Attributes = [(String, String)]

    /// `<name a="v">content</name>`; `content` is markup (escape text with `text`).
    static func element(_ name: String, _ attributes: Attributes = [], _ content: String = "") -> String {
        "<" + name + attributeText(attributes) + ">" + content + "</" + name + ">"
    }

    /// `<name a="v"/>` (SVG shapes without content).
    static func empty(_ name: String, _ attributes: Attributes) -> String {
        "<" + name + attributeText(attributes) + "/>"
    }

    /// `<name a="v">` (an element whose content follows).
    static func open(_ name: String, _ attributes: Attributes = []) -> String {
        "<" + name + attributeText(attributes) + ">"
    }

    /// Text as element content.
    static func text(_ s: String) -> String { HTMLText.escape(s) }

    /// `<title>text</title>`: the tooltip of an SVG element.
    static func title(_ s: String) -> String { element("title", [], text(s)) }

    static func attributeText(_ attributes: Attributes) -> String {
        var out = ""
        for (name, value) in attributes { out += " " + name + "=\"" + HTMLText.escape(value) + "\"" }
        return out
    }
}
