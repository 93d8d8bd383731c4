import Foundation

/// Seconds for messages: "2", "0.5".
enum DecimalSeconds {
    static func text(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }
}
