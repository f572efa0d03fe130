/// Colours readable by the colour-blind (Okabe and Ito's palette); series also differ in
/// marker shape and line dash, never in colour alone.
enum ChartPalette {
    /// The district the chart is about.
    static let district = "#D55E00"
    /// Its province.
    static let province = "#0072B2"
    /// The nation.
    static let nation = "#000000"
    /// Other districts.
    static let peer = "#8A8A8A"
    /// Bars (absorption, capaian).
    static let bar = "#56B4E9"
    static let barMet = "#009E73"
    static let axis = "#555555"
    static let grid = "#E3E3E3"
    static let text = "#222222"
    static let muted = "#5A5A5A"
}
