import Foundation

/// A known distance walked, with its unit: `100m`, `0.1km`, `110yd`, `1 mi` (`calibrate --walk`).
struct WalkDistance: CustomStringConvertible {
    /// Metres (> 0).
    var metres: Double
    /// As given (for messages).
    var text: String

    init(metres: Double, text: String) {
        self.metres = metres
        self.text = text
    }

    var description: String { text }

    /// A number, then one of the units (`LengthUnit`), a space between them allowed.
    static func parse(_ argument: String) throws -> WalkDistance {
        let t = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = t.prefix { $0.isNumber || $0 == "." }
        let unitText = t.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard let value = Double(digits), value.isFinite else {
            throw ValidationErrorText("'\(argument)' is not a distance: give a number and its unit, \(LengthUnit.list) (for example --walk 100m)")
        }
        guard let unit = LengthUnit(rawValue: unitText) else {
            throw ValidationErrorText(unitText.isEmpty
                          ? "'\(argument)' has no unit: give one of \(LengthUnit.list) (for example --walk 100m)"
                          : "'\(unitText)' is not a unit: give one of \(LengthUnit.list) (for example --walk 100m)")
        }
        guard value > 0, value * unit.metres <= 100_000 else {
            throw ValidationErrorText("'\(argument)': the distance must be more than 0 and at most 100 km")
        }
        return WalkDistance(metres: value * unit.metres, text: argument)
    }
}
