import TolokModel

/// The value used for each indicator, year and area, as a dense grid of fact indices: the
/// resolution of several values of one fact by a priority, in one pass over the facts.
///
/// The order of the other values (``alternatives(_:)``) is the one the outputs list them in: when
/// a later fact is preferred, the one it displaces goes first; otherwise a later fact goes last.
public struct ResolvedGrid: Sendable {
    public let minYear: Int
    public let yearSpan: Int
    public let areaCount: Int
    public let indicatorCount: Int
    /// The chosen fact of each cell; `-1` when none.
    public private(set) var chosen: [Int32]
    /// The other facts of the cells that have several, by cell.
    public private(set) var others: [Int32: [Int32]] = [:]
    /// The chosen fact's value of each cell (NaN when none), when the grid keeps them; empty
    /// otherwise. Facts lie by district, a ranking reads them by indicator and year: from here a
    /// group's values are one run of memory, not one cache miss per district.
    public private(set) var values: [Double] = []

    /// How many facts the grid has placed: those of `facts[..<placed]` (``place(factsFrom:prefers:)``
    /// adds the ones appended since).
    public private(set) var placed = 0

    /// Resolves `facts` in order: `prefers(a, b)` says `a` wins over `b`. `keepsValues`: the grid
    /// holds the chosen facts' ``values`` too.
    public init(_ facts: [Fact], areaCount: Int, indicatorCount: Int, keepsValues: Bool = false, prefers: (Fact, Fact) -> Bool) {
        var lo = Int.max, hi = Int.min
        for f in facts { lo = min(lo, Int(f.year)); hi = max(hi, Int(f.year)) }
        if facts.isEmpty { lo = 0; hi = 0 }
        minYear = lo
        yearSpan = hi - lo + 1
        self.areaCount = areaCount
        self.indicatorCount = indicatorCount
        chosen = [Int32](repeating: -1, count: max(1, indicatorCount * yearSpan * areaCount))
        if keepsValues { values = [Double](repeating: .nan, count: chosen.count) }
        for i in facts.indices { place(i, of: facts, prefers: prefers) }
        placed = facts.count
    }

    /// Places fact `i` in its cell after the facts placed before it: chosen if preferred to the
    /// cell's chosen one (which goes first among the others), otherwise last among the others.
    @inline(__always)
    private mutating func place(_ i: Int, of facts: [Fact], prefers: (Fact, Fact) -> Bool) {
        let f = facts[i]
        let cell = cellOf(f)
        let current = chosen[cell]
        if current < 0 {
            chosen[cell] = Int32(i)
            if !values.isEmpty { values[cell] = f.value }
        } else if prefers(f, facts[Int(current)]) {
            others[Int32(cell), default: []].insert(current, at: 0)
            chosen[cell] = Int32(i)
            if !values.isEmpty { values[cell] = f.value }
        } else {
            others[Int32(cell), default: []].append(Int32(i))
        }
    }

    @inline(__always)
    private func cellOf(_ f: Fact) -> Int {
        (Int(f.indicator) * yearSpan + Int(f.year) - minYear) * areaCount + Int(f.area)
    }

    /// Places the facts appended to `facts` since the grid was made (from ``placed`` on), as
    /// ``init(_:areaCount:indicatorCount:keepsValues:prefers:)`` would have: the same grid as one
    /// made of all of them. `false`, and nothing placed, when one lies outside the grid's years,
    /// areas or indicators, or `facts` is not the grid's facts with others appended (fewer of
    /// them): a new grid is needed.
    public mutating func place(factsFrom facts: [Fact], prefers: (Fact, Fact) -> Bool) -> Bool {
        guard placed <= facts.count else { return false }
        let new = facts[placed...]
        guard new.allSatisfy({ f in
            Int(f.year) >= minYear && Int(f.year) < minYear + yearSpan && Int(f.area) < areaCount && Int(f.indicator) < indicatorCount
        }) else { return false }
        for i in new.indices { place(i, of: facts, prefers: prefers) }
        placed = facts.count
        return true
    }

    /// Resolves again the cells of the placed facts `changed` (whose preference changed, such as
    /// a value found suspect): each cell's facts placed anew in order, so the grid is the one
    /// made of `facts` as they are now.
    public mutating func resolve(changed: [Int], of facts: [Fact], prefers: (Fact, Fact) -> Bool) {
        var cells = changed.map { cellOf(facts[$0]) }
        cells.sort()
        var previous = -1
        for cell in cells where cell != previous {
            previous = cell
            var members = [Int(chosen[cell])] + (others.removeValue(forKey: Int32(cell)) ?? []).map(Int.init)
            members.sort()
            chosen[cell] = -1
            for i in members { place(i, of: facts, prefers: prefers) }
        }
    }

    /// The value of cell `cell`'s chosen fact among `facts` (the facts the grid resolved): from
    /// ``values`` when the grid keeps them.
    @inlinable
    public func value(cell: Int, in facts: [Fact]) -> Double {
        values.isEmpty ? facts[Int(chosen[cell])].value : values[cell]
    }

    /// The cell of an indicator, year and area; `nil` outside the grid. The cells of one indicator
    /// and year are consecutive by area: area `a`'s is area 0's plus `a`.
    @inlinable
    public func cell(indicator: Int, year: Int, area: Int) -> Int? {
        let y = year - minYear
        guard y >= 0, y < yearSpan, indicator >= 0, indicator < indicatorCount, area >= 0, area < areaCount else { return nil }
        return (indicator * yearSpan + y) * areaCount + area
    }

    /// The chosen fact of an indicator, year and area.
    @inlinable
    public func fact(indicator: Int, year: Int, area: Int) -> Int? {
        guard let c = cell(indicator: indicator, year: year, area: area) else { return nil }
        let f = chosen[c]
        return f < 0 ? nil : Int(f)
    }

    /// The other facts of a cell, in output order.
    public func alternatives(_ cell: Int) -> [Int32] { others[Int32(cell)] ?? [] }

    /// The years of the grid, ascending.
    public var years: ClosedRange<Int> { minYear...(minYear + yearSpan - 1) }
}
