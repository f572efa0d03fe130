/// A small horizontal bar for a table cell: a share of 100 (absorption, clamped capaian), with a
/// tick at 100 so a full bar reads as "all".
enum InlineBar {
    /// The bar of `percent` (0–100; larger values fill the bar), `width` pixels long; titled with `title`.
    static func svg(percent: Double, colour: String, title: String, width: Double = 80) -> String {
        var c = SVGCanvas(width: width, height: 12)
        let share = min(max(percent, 0), 100) / 100
        c.rect(0, 1, width, 10, fill: "#EEEEEE")
        c.rect(0, 1, width * share, 10, fill: colour, title: title)
        c.line(width - 0.5, 0, width - 0.5, 12, stroke: ChartPalette.axis)
        return c.render(label: title)
    }
}
