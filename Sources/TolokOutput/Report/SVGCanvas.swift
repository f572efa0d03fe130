import TolokModel

/// An SVG picture built element by element, with coordinates written to one decimal (so the
/// same picture gives the same bytes) and every text escaped. Elements can carry a `<title>`
/// (a tooltip, and the number's source for whoever reads the file).
struct SVGCanvas {
    let width: Double
    let height: Double
    private var elements: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    static func n(_ v: Double) -> String { NumberText.fixed(v, decimals: 1) }

    private static func title(_ t: String?) -> String {
        t.map { "<title>\(Markup.escape($0))</title>" } ?? ""
    }

    private mutating func element(_ name: String, _ attributes: String, title: String?) {
        if let title {
            elements.append("<\(name) \(attributes)>\(Self.title(title))</\(name)>")
        } else {
            elements.append("<\(name) \(attributes)/>")
        }
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
                       dash: String? = nil, title: String? = nil) {
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        element("line", "x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(d)",
                title: title)
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil, opacity: Double? = nil,
                       title: String? = nil) {
        let s = stroke.map { " stroke=\"\($0)\"" } ?? ""
        let o = opacity.map { " fill-opacity=\"\(Self.n($0))\"" } ?? ""
        element("rect", "x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, w)))\" height=\"\(Self.n(max(0, h)))\" fill=\"\(fill)\"\(s)\(o)",
                title: title)
    }

    /// A marker: circle, square or triangle (shapes as well as colours tell series apart).
    enum Shape { case circle, square, triangle, diamond }

    mutating func marker(_ shape: Shape, _ x: Double, _ y: Double, size r: Double, fill: String, stroke: String = "#ffffff",
                         strokeWidth: Double = 1, opacity: Double? = nil, title: String? = nil) {
        let common = "fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(strokeWidth))\"" + (opacity.map { " fill-opacity=\"\(Self.n($0))\"" } ?? "")
        switch shape {
        case .circle:
            element("circle", "cx=\"\(Self.n(x))\" cy=\"\(Self.n(y))\" r=\"\(Self.n(r))\" \(common)", title: title)
        case .square:
            element("rect", "x=\"\(Self.n(x - r))\" y=\"\(Self.n(y - r))\" width=\"\(Self.n(2 * r))\" height=\"\(Self.n(2 * r))\" \(common)", title: title)
        case .triangle:
            let points = [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
            element("polygon", "points=\"\(points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " "))\" \(common)", title: title)
        case .diamond:
            let points = [(x, y - r * 1.3), (x + r * 1.1, y), (x, y + r * 1.3), (x - r * 1.1, y)]
            element("polygon", "points=\"\(points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " "))\" \(common)", title: title)
        }
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) {
        guard points.count > 1 else { return }
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        element("polyline", "points=\"\(points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\"\(d)",
                title: nil)
    }

    enum Anchor: String { case start, middle, end }

    /// Text, one `<tspan>` per line when given several lines.
    mutating func text(_ lines: [String], x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, weight: String? = nil,
                       fill: String = "#222222", lineHeight: Double = 1.2, halo: Bool = false, title: String? = nil) {
        let w = (weight.map { " font-weight=\"\($0)\"" } ?? "")
            + (halo ? " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" : "")
        let a = anchor == .start ? "" : " text-anchor=\"\(anchor.rawValue)\""
        var body = Self.title(title)
        if lines.count == 1 {
            body += Markup.escape(lines[0])
        } else {
            for (i, line) in lines.enumerated() {
                body += "<tspan x=\"\(Self.n(x))\" dy=\"\(i == 0 ? "0" : Self.n(size * lineHeight))\">\(Markup.escape(line))</tspan>"
            }
        }
        elements.append("<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" fill=\"\(fill)\"\(w)\(a)>\(body)</text>")
    }

    mutating func text(_ line: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, weight: String? = nil,
                       fill: String = "#222222", halo: Bool = false, title: String? = nil) {
        text([line], x: x, y: y, size: size, anchor: anchor, weight: weight, fill: fill, halo: halo, title: title)
    }

    /// The `<svg>` element: `label` is its accessible name (and `<title>`); without one the
    /// picture is decoration, hidden from screen readers.
    func render(label: String?) -> String {
        let open = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\""
        let font = " font-family=\"'DejaVu Sans', 'Segoe UI', Arial, sans-serif\">"
        guard let label else { return open + " aria-hidden=\"true\"" + font + elements.joined() + "</svg>" }
        return open + " role=\"img\" aria-label=\"\(Markup.escape(label))\"" + font + "<title>\(Markup.escape(label))</title>" + elements.joined() + "</svg>"
    }
}
