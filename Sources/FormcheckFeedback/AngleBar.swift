/// The live view's angle bar: a horizontal scale in degrees with the target band marked and the
/// current angle (rounded to a whole degree) as a marker, readable without colour:
///
///     0° ························[═══════█═══════════]·········· 150°
///                                        ▲ 84°
///
/// Outside the band the scale is `·`, the band is `═` between `[` and `]`, the angle is `█` on the
/// bar and `▲` under it (`◀`/`▶` at an end when it is off the scale).
public enum AngleBar {
    /// Most cells on the bar (61 over 0–150°: 2.5° a cell).
    public static let maximumCells = 61
    /// Fewest cells worth drawing.
    public static let minimumCells = 11

    /// The scale for an exercise, degrees: a stretch from 0 to 20° past its safe cap (to 10°), a
    /// walk from −30° to 60° (the thigh's swing); a strengthening exercise from 0 to 20° past the
    /// larger of its start and top angles (to 10°).
    public static func scale(for exercise: ExerciseProtocol) -> ClosedRange<Double> {
        switch exercise.kind {
        case .walk:
            return -30...60
        case .strength:
            let r = exercise.reps ?? .init()
            return 0...((max(r.startAngle, r.topAngle) + 20) / 10).rounded(.up) * 10
        case .stretch:
            let cap = exercise.overshootAngle ?? (exercise.holdAngle ?? 110) + 20
            return 0...((cap + 20) / 10).rounded(.up) * 10
        }
    }

    /// The cell (0 ..< `cells`) of `degrees` on `scale`, clamped to the ends.
    public static func column(_ degrees: Double, scale: ClosedRange<Double>, cells: Int) -> Int {
        let span = scale.upperBound - scale.lowerBound
        guard cells > 1, span > 0 else { return 0 }
        let x = ((degrees - scale.lowerBound) / span * Double(cells - 1)).rounded()
        return Int(min(Double(cells - 1), max(0, x)))
    }

    /// The bar's cells alone: `cells` characters.
    /// - Parameters:
    ///   - angle: the current angle, whole degrees (nil: no marker).
    ///   - band: the target band, degrees (nil: none).
    public static func cells(angle: Int?, band: ClosedRange<Double>?, scale: ClosedRange<Double>, cells: Int) -> ViewLine {
        let n = max(1, cells)
        var chars = Array(repeating: ("·" as Character, ViewStyle.scale), count: n)
        if let band {
            let lo = column(band.lowerBound, scale: scale, cells: n), hi = column(band.upperBound, scale: scale, cells: n)
            for i in lo...max(lo, hi) { chars[i] = ("═", .band) }
            chars[lo] = ("[", .band)
            if hi > lo { chars[hi] = ("]", .band) }
        }
        if let angle {
            let a = Double(angle)
            let c = column(a, scale: scale, cells: n)
            let glyph: Character = a < scale.lowerBound ? "◀" : a > scale.upperBound ? "▶" : "█"
            chars[c] = (glyph, .marker)
        }
        // Runs of one style.
        var spans: [ViewLine.Span] = []
        for (c, style) in chars {
            if let last = spans.last, last.style == style {
                spans[spans.count - 1].text.append(c)
            } else {
                spans.append(.init(String(c), style))
            }
        }
        return ViewLine(spans)
    }

    /// The bar with its end labels, and under it the marker row (`▲ 84°`), fitting `width`
    /// columns; empty when `width` leaves fewer than `minimumCells`.
    public static func lines(angle: Double?, band: ClosedRange<Double>?, scale: ClosedRange<Double>, width: Int) -> [ViewLine] {
        let left = label(scale.lowerBound) + " ", right = " " + label(scale.upperBound)
        let n = min(maximumCells, width - left.count - right.count)
        guard n >= minimumCells else { return [] }
        let whole = angle.map { Int($0.rounded()) }
        let bar = ViewLine(left, .scale) + cells(angle: whole, band: band, scale: scale, cells: n) + ViewLine(right, .scale)
        guard let whole else { return [bar, ViewLine(String(repeating: " ", count: bar.width))] }
        let at = left.count + column(Double(whole), scale: scale, cells: n)
        let text = "\(whole)°"
        // The value after the arrow, or before it when it would not fit; padded to the bar's width
        // so that both centre alike.
        var marker: ViewLine = at + 2 + text.count <= bar.width
            ? ViewLine(String(repeating: " ", count: at)) + ViewLine("▲", .marker) + ViewLine(" " + text)
            : ViewLine(String(repeating: " ", count: max(0, at - text.count - 1)) + text + " ") + ViewLine("▲", .marker)
        marker = marker + ViewLine(String(repeating: " ", count: max(0, bar.width - marker.width)))
        return [bar, marker]
    }

    static func label(_ degrees: Double) -> String { "\(Int(degrees.rounded()))°" }
}
