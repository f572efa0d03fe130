/// A district among its province's districts on one indicator: one dot per district on a value
/// axis (stacked where they would overlap), the district highlighted and labelled, the province's
/// and the nation's values as vertical lines, the better side marked.
struct StripChart {
    var standing: ReportData.Standing
    var district: ReportData.AreaRef
    var format: ReportNumberFormat

    static let width = 940.0
    static let radius = 5.0
    /// The smallest text in the chart (ticks, axis words), at the natural width.
    static let smallestFont = 11.0

    func svg() -> String {
        let s = standing, ind = s.indicator, l = format.language
        let margin = (left: 24.0, right: 24.0)
        var values = s.peers.map(\.value.value)
        if let v = s.value { values.append(v.value) }
        if let p = s.provinceValue { values.append(p.value) }
        if let n = s.nationValue { values.append(n.value) }
        let x = AxisScale(covering: values, pixels: (margin.left, Self.width - margin.right), tickCount: 8)

        // Stack the dots into lanes around the middle line, in value order.
        let lanes = Self.lanes(s.peers.map { x($0.value.value) }, spacing: 2 * Self.radius + 1.5)
        let maxLane = lanes.map { abs($0) }.max() ?? 0
        let laneHeight = 2 * Self.radius + 1.5
        let labelRows = 3.0, rowHeight = 17.0
        let swarmTop = labelRows * rowHeight + 10
        let middle = swarmTop + Double(maxLane) * laneHeight + Self.radius + 2
        let swarmBottom = middle + Double(maxLane) * laneHeight + Self.radius + 4
        let axisY = swarmBottom + 6
        let height = axisY + 44
        var c = SVGCanvas(width: Self.width, height: height)

        // Grid and axis.
        for t in x.ticks {
            c.line(x(t), swarmTop - 4, x(t), axisY, stroke: ChartPalette.grid)
            c.line(x(t), axisY, x(t), axisY + 5, stroke: ChartPalette.axis)
            c.text(format.value(t, unit: ind.unit, decimals: x.tickDecimals), x: x(t), y: axisY + 18, size: 11, anchor: .middle,
                   fill: ChartPalette.muted)
        }
        c.line(x(x.lower), axisY, x(x.upper), axisY, stroke: ChartPalette.axis)
        let better = l.pick("lebih baik", "better"), worse = l.pick("lebih buruk", "worse")
        let (leftWord, rightWord) = ind.higherIsBetter ? (worse, better) : (better, worse)
        c.text("← " + leftWord, x: margin.left, y: axisY + 36, size: 11, fill: ChartPalette.muted)
        c.text(rightWord + " →", x: Self.width - margin.right, y: axisY + 36, size: 11, anchor: .end, fill: ChartPalette.muted)

        func anchor(_ px: Double) -> SVGCanvas.Anchor {
            px < Self.width * 0.25 ? .start : px > Self.width * 0.75 ? .end : .middle
        }
        func shift(_ px: Double) -> Double { anchor(px) == .end ? -4 : anchor(px) == .start ? 4 : 0 }
        let own: (x: Double, y: Double, title: String)? = s.value.map { v in
            let lane = s.peers.firstIndex { $0.area.code == district.code }.map { lanes[$0] } ?? 0
            return (x(v.value), middle + Double(lane) * laneHeight,
                    "\(district.name) \(s.year): \(format.value(v.value, unit: ind.unit, decimals: ind.decimals)) (\(l.pick("sumber", "source")): \(v.source))")
        }
        if let own { c.line(own.x, rowHeight + 4, own.x, own.y - Self.radius - 1, stroke: ChartPalette.district, width: 1.2) }

        // Reference lines with their labels in rows of their own (so labels never overlap).
        func reference(_ value: ReportData.Traced?, name: String, row: Double, colour: String, dash: String) {
            guard let value else { return }
            let px = x(value.value)
            let title = "\(name) \(s.year): \(format.value(value.value, unit: ind.unit, decimals: ind.decimals)) (\(l.pick("sumber", "source")): \(value.source))"
            c.line(px, row * rowHeight + 4, px, swarmBottom, stroke: colour, width: 1.6, dash: dash, title: title)
            c.text("\(name) \(format.value(value.value, unit: ind.unit, decimals: ind.decimals))", x: px + shift(px), y: row * rowHeight,
                   size: 12, anchor: anchor(px), fill: colour, halo: true, title: title)
        }
        reference(s.provinceValue, name: s.province.name, row: 2, colour: ChartPalette.province, dash: "6 3")
        reference(s.nationValue, name: l.pick("Nasional", "Nation"), row: 3, colour: ChartPalette.nation, dash: "2 3")

        // Every district of the province, the one the chart is about last (on top).
        for (i, peer) in s.peers.enumerated() where peer.area.code != district.code {
            c.marker(.circle, x(peer.value.value), middle + Double(lanes[i]) * laneHeight, size: Self.radius, fill: ChartPalette.peer,
                     stroke: "#ffffff", opacity: 0.85,
                     title: "\(peer.area.name): \(format.value(peer.value.value, unit: ind.unit, decimals: ind.decimals)) (\(peer.value.source))")
        }
        if let own, let v = s.value {
            c.marker(.diamond, own.x, own.y, size: Self.radius + 2, fill: ChartPalette.district, stroke: "#000000", strokeWidth: 1, title: own.title)
            c.text("\(district.name) \(format.value(v.value, unit: ind.unit, decimals: ind.decimals))", x: own.x + shift(own.x), y: rowHeight,
                   size: 12.5, anchor: anchor(own.x), weight: "bold", fill: ChartPalette.district, halo: true, title: own.title)
        }
        let label = l.pick("\(ind.name) \(s.year): kabupaten/kota di \(s.province.name), \(district.name) disorot",
                           "\(ind.name) \(s.year): districts of \(s.province.name), \(district.name) highlighted")
        return c.render(label: label)
    }

    /// Lanes (0, 1, −1, 2, −2, …) for dots at pixel positions `xs`, so that dots closer than
    /// `spacing` never share a lane: each dot takes the first lane where it clears the dots placed.
    static func lanes(_ xs: [Double], spacing: Double) -> [Int] {
        var placed: [Int: [Double]] = [:]
        var result: [Int] = []
        for px in xs {
            var k = 0
            while true {
                let lane = k == 0 ? 0 : (k % 2 == 1 ? (k + 1) / 2 : -(k / 2))
                if (placed[lane] ?? []).allSatisfy({ abs($0 - px) >= spacing }) {
                    placed[lane, default: []].append(px)
                    result.append(lane)
                    break
                }
                k += 1
            }
        }
        return result
    }
}
