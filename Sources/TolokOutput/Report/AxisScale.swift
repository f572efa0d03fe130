import Foundation

/// A linear axis: a domain of values onto a range of pixels, with "nice" ticks (steps of 1, 2,
/// 2.5 or 5 times a power of ten) that cover the values.
struct AxisScale: Sendable {
    var lower: Double
    var upper: Double
    var pixelStart: Double
    var pixelEnd: Double
    /// Tick values, lower to upper.
    var ticks: [Double]
    /// Decimals the ticks need.
    var tickDecimals: Int

    /// An axis covering `values` (and `include`), widened to nice ticks, about `tickCount` of them.
    init(covering values: [Double], pixels: (start: Double, end: Double), tickCount: Int = 5, padding: Double = 0.04) {
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if hi - lo < 1e-9 {
            let pad = max(abs(lo) * 0.05, 0.5)
            lo -= pad
            hi += pad
        }
        let span = hi - lo
        lo -= span * padding
        hi += span * padding
        let step = Self.niceStep(span * (1 + 2 * padding) / Double(max(1, tickCount)))
        let first = (lo / step).rounded(.down) * step
        let last = (hi / step).rounded(.up) * step
        var ticks: [Double] = []
        var t = first
        while t <= last + step * 1e-6 {
            ticks.append(abs(t) < step * 1e-9 ? 0 : t)
            t += step
        }
        self.lower = first
        self.upper = last
        self.pixelStart = pixels.start
        self.pixelEnd = pixels.end
        self.ticks = ticks
        self.tickDecimals = max(0, Int((-log10(step)).rounded(.up)) + (Self.isHalfStep(step) ? 1 : 0))
    }

    /// An axis over whole numbers (years, ranks) with the given ticks.
    init(lower: Double, upper: Double, pixels: (start: Double, end: Double), ticks: [Double]) {
        self.lower = lower
        self.upper = upper
        self.pixelStart = pixels.start
        self.pixelEnd = pixels.end
        self.ticks = ticks
        self.tickDecimals = 0
    }

    /// The pixel of `value`.
    func callAsFunction(_ value: Double) -> Double {
        guard upper > lower else { return (pixelStart + pixelEnd) / 2 }
        return pixelStart + (value - lower) / (upper - lower) * (pixelEnd - pixelStart)
    }

    /// 1, 2, 2.5 or 5 × 10^k, the smallest at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 2.5, 5, 10] where m * power >= raw * (1 - 1e-9) { return m * power }
        return 10 * power
    }

    /// True for 2.5 × 10^k, which needs one decimal more than its power.
    static func isHalfStep(_ step: Double) -> Bool {
        let power = pow(10, (log10(step)).rounded(.down))
        return abs(step / power - 2.5) < 1e-9
    }

    /// Whole-number ticks (ranks, years) from `lower` to `upper`, about `count` of them, always
    /// including `lower`.
    static func integerTicks(_ lower: Int, _ upper: Int, count: Int) -> [Double] {
        guard upper > lower else { return [Double(lower)] }
        let step = max(1, Int(niceStep(Double(upper - lower) / Double(max(1, count)))))
        var ticks = [Double(lower)]
        var t = (lower / step + 1) * step
        while t <= upper {
            if Double(t) - ticks.last! >= Double(step) / 2 { ticks.append(Double(t)) }
            t += step
        }
        return ticks
    }
}
