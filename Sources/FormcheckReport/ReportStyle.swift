/// The report's colours and its style sheet (inline: the file needs nothing else). Colours are
/// opaque sRGB so that a rendering can be checked for them.
enum ReportStyle {
    static let trace = "#1f4e9c"
    static let holdBand = "#b8e0b8"
    static let repBand = "#bcd7f5"
    static let targetBand = "#f5a623"
    static let targetBandOpacity = "0.28"
    static let targetLine = "#c77800"
    static let formError = "#d62728"
    static let strapSlip = "#8c564b"
    static let grid = "#e4e4e4"
    static let axis = "#555555"
    static let goal = "#222222"
    static let painBefore = "#d95f02"
    static let painAfter = "#7570b3"
    static let walked = "#2ca02c"
    static let left = "#1b9e77"
    static let right = "#e7298a"
    /// Series colours of the per-exercise charts, in legend order (then again from the first).
    static let palette = ["#1f77b4", "#ff7f0e", "#9467bd", "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#7f7f7f", "#2ca02c"]

    /// A4 portrait: 210 mm less 2 × 14 mm of margin leaves 182 mm (688 CSS px at 96 px/in) for the
    /// content; charts are drawn on a 680-unit-wide canvas and scale to the column.
    static let css = """
        @page { size: A4; margin: 14mm; }
        * { box-sizing: border-box; }
        html { background: #ffffff; }
        body { margin: 0 auto; max-width: 182mm; color: #1a1a1a; background: #ffffff;
          font: 10pt/1.35 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
        h1 { font-size: 17pt; margin: 0 0 2mm; }
        h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 0.4mm solid #999; padding-bottom: 1mm; }
        h3 { font-size: 11pt; margin: 4mm 0 1mm; }
        p { margin: 1mm 0; }
        .meta { color: #444; }
        .note { color: #555; font-size: 9pt; }
        section.session { break-before: page; }
        section.everything { break-before: page; }
        figure { margin: 2mm 0 4mm; break-inside: avoid; }
        figcaption { font-size: 9pt; color: #333; }
        svg { display: block; width: 100%; max-width: 100%; height: auto; }
        svg text { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
        table { width: 100%; max-width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8pt; }
        th, td { border-bottom: 0.2mm solid #ccc; padding: 0.6mm 1mm; text-align: left; vertical-align: top;
          overflow-wrap: anywhere; }
        th { background: #f0f0f0; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        td.n, th.n { text-align: right; }
        tr.session-row td { background: #f7f7f7; font-weight: bold; }
        ol.errors { margin: 1mm 0 0 5mm; padding: 0; font-size: 9pt; }
        .legend { font-size: 8.5pt; color: #333; }
        .swatch { display: inline-block; width: 3mm; height: 3mm; margin: 0 1mm 0 3mm; vertical-align: -0.4mm;
          border: 0.1mm solid #888; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        .flag { color: #b00020; }
        * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        """
}
