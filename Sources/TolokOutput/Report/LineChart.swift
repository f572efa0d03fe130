/// A district's series against its province and the nation: three lines told apart by colour,
/// dash and marker, each point titled with its value and source, the last values labelled.
struct LineChart {
    var series: ReportData.Series
    var district: ReportData.AreaRef
    var format: ReportNumberFormat

    static let width = 430.0
    static let height = 270.0
    /// The smallest text in the chart (ticks, axis words), at the natural width.
    static let smallestFont = 11.0

    /// How each line is drawn; the HTML legend uses the same.
    struct Style {
        var colour: String
        var dash: String?
        var shape: SVGCanvas.Shape
    }

    static let districtStyle = Style(colour: ChartPalette.district, dash: nil, shape: .circle)
    static let provinceStyle = Style(colour: ChartPalette.province, dash: "7 4", shape: .square)
    static let nationStyle = Style(colour: ChartPalette.nation, dash: "2 3", shape: .triangle)

    func svg() -> String {
        let s = series, ind = s.indicator, l = format.language
        let margin = (left: 50.0, right: 66.0, top: 14.0, bottom: 30.0)
        let lines: [(name: String, points: [ReportData.Point], style: Style)] = [
            (s.provinceArea?.name ?? l.pick("Provinsi", "Province"), s.province, Self.provinceStyle),
            (l.pick("Nasional", "Nation"), s.nation, Self.nationStyle),
            (district.name, s.district, Self.districtStyle),
        ]
        let all = lines.flatMap(\.points)
        let years = all.map(\.year)
        let first = years.min() ?? ReportData.firstChartYear, last = years.max() ?? first
        let plotRight = Self.width - margin.right
        let x = AxisScale(lower: Double(first) - 0.3, upper: Double(last) + 0.3, pixels: (margin.left, plotRight),
                          ticks: (first...last).map(Double.init))
        let y = AxisScale(covering: all.map(\.value.value), pixels: (Self.height - margin.bottom, margin.top), tickCount: 5)
        var c = SVGCanvas(width: Self.width, height: Self.height)

        for t in y.ticks {
            c.line(margin.left, y(t), plotRight, y(t), stroke: ChartPalette.grid)
            c.text(format.value(t, unit: ind.unit, decimals: y.tickDecimals), x: margin.left - 6, y: y(t) + 4, size: 11, anchor: .end,
                   fill: ChartPalette.muted)
        }
        for t in x.ticks {
            c.line(x(t), Self.height - margin.bottom, x(t), Self.height - margin.bottom + 4, stroke: ChartPalette.axis)
            c.text(String(Int(t)), x: x(t), y: Self.height - margin.bottom + 17, size: 11, anchor: .middle, fill: ChartPalette.muted)
        }
        c.line(margin.left, Self.height - margin.bottom, plotRight, Self.height - margin.bottom, stroke: ChartPalette.axis)

        var ends: [(y: Double, text: String, colour: String)] = []
        for line in lines where !line.points.isEmpty {
            let pts = line.points.sorted { $0.year < $1.year }
            c.polyline(pts.map { (x(Double($0.year)), y($0.value.value)) }, stroke: line.style.colour, width: 2.2, dash: line.style.dash)
            for p in pts {
                c.marker(line.style.shape, x(Double(p.year)), y(p.value.value), size: 3.6, fill: line.style.colour,
                         title: "\(line.name) \(p.year): \(format.value(p.value.value, unit: ind.unit, decimals: ind.decimals)) (\(l.pick("sumber", "source")): \(p.value.source))")
            }
            let end = pts.last!
            ends.append((y(end.value.value), format.value(end.value.value, unit: ind.unit, decimals: ind.decimals), line.style.colour))
        }
        // End labels pushed apart so they never overlap.
        ends.sort { $0.y < $1.y }
        var placed: [Double] = []
        for e in ends {
            var py = e.y + 4
            if let previous = placed.last, py - previous < 13 { py = previous + 13 }
            placed.append(py)
        }
        if let lastPlaced = placed.last, lastPlaced > Self.height - margin.bottom + 4 {
            let shift = lastPlaced - (Self.height - margin.bottom + 4)
            placed = placed.map { $0 - shift }
        }
        for (e, py) in zip(ends, placed) {
            c.text(e.text, x: plotRight + 6, y: py, size: 11.5, weight: "bold", fill: e.colour)
        }
        let label = l.pick("\(ind.name): \(district.name), \(s.provinceArea?.name ?? "provinsi") dan nasional, \(first)–\(last)",
                           "\(ind.name): \(district.name), \(s.provinceArea?.name ?? "province") and the nation, \(first)–\(last)")
        return c.render(label: label)
    }

    /// A legend swatch (a short line with its marker), for the HTML legend.
    static func swatch(_ style: Style) -> String {
        var c = SVGCanvas(width: 34, height: 12)
        c.line(2, 6, 32, 6, stroke: style.colour, width: 2.2, dash: style.dash)
        c.marker(style.shape, 17, 6, size: 3.6, fill: style.colour)
        return c.render(label: nil)
    }
}
