/// Composite ranks with their uncertainty: one row per district, a dot at its rank and a whisker
/// over the 5–95 % interval of its rank under random weights; the districts with reports
/// highlighted. Rank 1 (best) is on the left.
struct DotWhiskerChart {
    var rows: [ReportData.CompositeRow]
    /// Districts ranked in all (the axis runs from 1 to this).
    var rankedCount: Int
    var title: String
    var format: ReportNumberFormat

    static let width = 940.0
    static let rowHeight = 19.0
    /// The smallest text in the chart (ticks, axis words), at the natural width.
    static let smallestFont = 11.0

    func svg() -> String {
        let l = format.language
        let labelWidth = 200.0, valueWidth = 120.0, top = 34.0
        let plot = (lowerBound: labelWidth + 10, upperBound: Self.width - valueWidth - 10)
        let x = AxisScale(lower: 1, upper: Double(max(2, rankedCount)), pixels: (plot.lowerBound, plot.upperBound),
                          ticks: AxisScale.integerTicks(1, max(2, rankedCount), count: 8))
        let height = top + Double(rows.count) * Self.rowHeight + 34
        var c = SVGCanvas(width: Self.width, height: height)
        let bottom = top + Double(rows.count) * Self.rowHeight

        for t in x.ticks {
            c.line(x(t), top - 4, x(t), bottom, stroke: ChartPalette.grid)
            c.text(format.integer(Int(t)), x: x(t), y: top - 10, size: 11, anchor: .middle, fill: ChartPalette.muted)
            c.text(format.integer(Int(t)), x: x(t), y: bottom + 16, size: 11, anchor: .middle, fill: ChartPalette.muted)
        }
        c.text(l.pick("← peringkat lebih baik", "← better rank"), x: plot.lowerBound, y: bottom + 30, size: 11, fill: ChartPalette.muted)
        c.text(l.pick("peringkat nasional (dari \(format.integer(rankedCount)))", "national rank (of \(format.integer(rankedCount)))"),
               x: plot.upperBound, y: bottom + 30, size: 11, anchor: .end, fill: ChartPalette.muted)
        c.text(l.pick("peringkat (5–95 %)", "rank (5–95 %)"), x: Self.width - 4, y: top - 10, size: 11, anchor: .end, fill: ChartPalette.muted)

        for (i, row) in rows.enumerated() {
            let cy = top + (Double(i) + 0.5) * Self.rowHeight
            if i % 2 == 0 { c.rect(0, cy - Self.rowHeight / 2, Self.width, Self.rowHeight, fill: "#F5F5F5") }
            let colour = row.highlighted ? ChartPalette.district : ChartPalette.province
            let interval = row.rankP5.flatMap { p5 in row.rankP95.map { (p5, $0) } }
            let intervalText = interval.map { " (\(format.number($0.0, decimals: 0))–\(format.number($0.1, decimals: 0)))" } ?? ""
            let title = l.pick(
                "\(row.area.name): peringkat \(row.rank)\(intervalText), skor \(format.number(row.score, decimals: 4)); masukan: \(format.numbers(in: row.inputs))",
                "\(row.area.name): rank \(row.rank)\(intervalText), score \(format.number(row.score, decimals: 4)); inputs: \(format.numbers(in: row.inputs))")
            c.text(TextWrap.truncate(row.area.name, width: 30), x: labelWidth, y: cy + 4, size: 12, anchor: .end,
                   weight: row.highlighted ? "bold" : nil, fill: row.highlighted ? ChartPalette.district : ChartPalette.text, title: title)
            if let (p5, p95) = interval {
                c.line(x(p5), cy, x(p95), cy, stroke: colour, width: row.highlighted ? 2.4 : 1.6, title: title)
                c.line(x(p5), cy - 4, x(p5), cy + 4, stroke: colour, width: 1.4)
                c.line(x(p95), cy - 4, x(p95), cy + 4, stroke: colour, width: 1.4)
            }
            c.marker(row.highlighted ? .diamond : .circle, x(Double(row.rank)), cy, size: row.highlighted ? 5.5 : 4, fill: colour,
                     stroke: row.highlighted ? "#000000" : "#ffffff", title: title)
            c.text("\(format.integer(row.rank))\(intervalText)", x: Self.width - 4, y: cy + 4, size: 11.5, anchor: .end,
                   weight: row.highlighted ? "bold" : nil, fill: row.highlighted ? ChartPalette.district : ChartPalette.text)
        }
        return c.render(label: title)
    }
}
