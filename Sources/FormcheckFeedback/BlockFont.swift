/// A 5-row block font for the live view's angle, readable from across a room: digits 0–9, the
/// degree sign, minus, point and space. Digits are 6 columns wide (strokes two columns thick,
/// since a terminal cell is about twice as tall as it is wide); glyphs are set 2 columns apart.
public enum BlockFont {
    public static let rows = 5
    /// Columns between two glyphs.
    public static let spacing = 2

    static let glyphs: [Character: [String]] = [
        "0": ["██████",
              "██  ██",
              "██  ██",
              "██  ██",
              "██████"],
        "1": ["  ██  ",
              "████  ",
              "  ██  ",
              "  ██  ",
              "██████"],
        "2": ["██████",
              "    ██",
              "██████",
              "██    ",
              "██████"],
        "3": ["██████",
              "    ██",
              " █████",
              "    ██",
              "██████"],
        "4": ["██  ██",
              "██  ██",
              "██████",
              "    ██",
              "    ██"],
        "5": ["██████",
              "██    ",
              "██████",
              "    ██",
              "██████"],
        "6": ["██████",
              "██    ",
              "██████",
              "██  ██",
              "██████"],
        "7": ["██████",
              "    ██",
              "   ██ ",
              "  ██  ",
              "  ██  "],
        "8": ["██████",
              "██  ██",
              "██████",
              "██  ██",
              "██████"],
        "9": ["██████",
              "██  ██",
              "██████",
              "    ██",
              "██████"],
        "°": ["████",
              "█  █",
              "████",
              "    ",
              "    "],
        "-": ["    ",
              "    ",
              "████",
              "    ",
              "    "],
        ".": ["  ",
              "  ",
              "  ",
              "  ",
              "██"],
        " ": ["  ",
              "  ",
              "  ",
              "  ",
              "  "],
    ]

    /// The characters the font has.
    public static var characters: Set<Character> { Set(glyphs.keys) }

    /// `text` in big letters: `rows` lines of equal width. Characters the font lacks are left out.
    public static func render(_ text: String) -> [String] {
        let shapes = text.compactMap { glyphs[$0] }
        let gap = String(repeating: " ", count: spacing)
        return (0..<rows).map { row in shapes.map { $0[row] }.joined(separator: gap) }
    }

    /// Columns `render(text)` takes.
    public static func width(_ text: String) -> Int {
        render(text).first?.count ?? 0
    }
}
