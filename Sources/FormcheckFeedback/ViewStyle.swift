/// How a part of the live view looks on a colour terminal (ANSI SGR). Every style also has a
/// shape or letters of its own in the view, so nothing is told by colour alone.
public enum ViewStyle: Sendable, Hashable, CaseIterable {
    /// The header: bold.
    case title
    /// The scale outside the target band: dim.
    case scale
    /// The target band on the bar: green.
    case band
    /// The current angle's marker: bold yellow.
    case marker
    /// In the band, counting: bold green.
    case good
    /// Out of the band, or paused: bold yellow.
    case attention
    /// The form-error banner: bold white on red.
    case banner

    /// The SGR parameters (`ESC [ … m`).
    public var sgr: String {
        switch self {
        case .title: "1"
        case .scale: "2"
        case .band: "32"
        case .marker: "1;33"
        case .good: "1;32"
        case .attention: "1;33"
        case .banner: "1;97;41"
        }
    }

    /// The escape that starts this style.
    public var on: String { "\u{1B}[" + sgr + "m" }
    /// The escape that ends any style.
    public static let off = "\u{1B}[0m"
}
