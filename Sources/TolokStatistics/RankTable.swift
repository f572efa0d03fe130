import Dispatch
import TolokModel
import TolokAlignment

/// The rankings of indicators × years × scopes as columns of integers: what ``Rankings`` lists
/// as entries and the exports write row by row, computed once.
///
/// A *group* is one indicator, year and scope (the nation, a province in that year, a kind). Its
/// *members* are the districts of the scope with a usable value (not suspect, unless suspects
/// are included): competition-ranked, polarity-aware, where there are at least
/// ``Rankings/minimumGroupSize`` of them, listed unranked otherwise. Its *others* are the
/// districts of the scope listed without a rank: where the group is ranked, every district
/// without a usable value; where it is not, the suspect ones.
public struct RankTable: Sendable {
    /// What a scope groups.
    public enum ScopeKind: UInt8, Sendable { case nation, province, kind }

    /// One indicator, year and scope.
    public struct Group: Sendable {
        /// Index into the catalogue's ``IndicatorCatalogue/all``.
        public var indicator: Int32
        public var year: Int32
        public var scopeKind: ScopeKind
        /// The province's area index; the kind's index in `Area.Kind.allCases`; -1 for the nation.
        public var scopeCode: Int32
        /// Range of the members in ``memberArea`` and the other member columns: by rank, then
        /// district code, where ranked; by district code otherwise.
        public var membersStart: Int32
        public var membersCount: Int32
        /// Range of the others in ``otherArea`` (by district code).
        public var othersStart: Int32
        public var othersCount: Int32
        /// The members' values summarised (quartiles and best only where ranked).
        public var summary: ScopeSummary

        /// True when the group is large enough to rank.
        public var isRanked: Bool { membersCount >= Rankings.minimumGroupSize }
        /// Districts with a usable value.
        public var count: Int { Int(membersCount) }
    }

    public private(set) var groups: [Group] = []
    /// Area index of each member.
    public private(set) var memberArea: [Int32] = []
    /// Fact index (``Alignment/facts``) of each member's value.
    public private(set) var memberFact: [Int32] = []
    /// Competition rank of each member; 0 where the group is not ranked.
    public private(set) var memberRank: [Int32] = []
    /// Polarity-aware percentile of each member (100 = best); NaN where not ranked.
    public private(set) var memberPercentile: [Double] = []
    /// Area index of each other district listed.
    public private(set) var otherArea: [Int32] = []
    /// Each province's summary for an indicator and year (all its districts with a usable value,
    /// whatever the scopes ranked), by ``provinceKey(indicator:year:province:)``.
    private var provinceSummaries: [Int64: ScopeSummary] = [:]

    /// The summary of province `province` (area index) for an indicator and year, if any district
    /// of it has a usable value.
    public func provinceSummary(indicator: Int, year: Int, province: Int32) -> ScopeSummary? {
        province < 0 ? nil : provinceSummaries[Self.provinceKey(indicator: indicator, year: year, province: province)]
    }

    static func provinceKey(indicator: Int, year: Int, province: Int32) -> Int64 {
        Int64(indicator) << 40 | Int64(year & 0xFFFF) << 24 | Int64(province)
    }

    /// What ranking reads of an alignment: the chosen fact of each cell, the facts and the
    /// indicators' polarities (a value of its own, so a caller can let the records go).
    public struct Input: Sendable {
        public let grid: ResolvedGrid
        public let facts: [Fact]
        /// By catalogue index.
        public let polarities: [Polarity]
        public let areaCount: Int

        public init(_ alignment: Alignment) {
            grid = alignment.grid
            facts = alignment.facts
            polarities = alignment.catalogue.all.map(\.polarity)
            areaCount = alignment.areaCodes.count
        }
    }

    /// Ranks `indicators` (catalogue indices, in the order the groups are wanted) in each year
    /// with a district value (or `year` only), under each of `groupings` in order, over the
    /// districts of province `province` (an area index; all districts when `nil`, and then the
    /// nation grouping is that province).
    ///
    /// The indicators are ranked on `threads` threads (each a run of them), the tables joined in
    /// order: the result is that of one thread. With `summaries: false`, the groups' summaries
    /// hold their counts only, and no province is summarised (ranks only, as the benchmark
    /// pipeline needs).
    public static func compute(_ alignment: Alignment, geography: DistrictGeography, indicators: [Int], year: Int? = nil,
                               province: Int32? = nil, groupings: [RankingScope.Grouping] = RankingScope.Grouping.allCases,
                               includeSuspect: Bool = false, summaries: Bool = true, threads: Int = 2) -> RankTable {
        compute(Input(alignment), geography: geography, indicators: indicators, year: year, province: province,
                groupings: groupings, includeSuspect: includeSuspect, summaries: summaries, threads: threads)
    }

    /// ``compute(_:geography:indicators:year:province:groupings:includeSuspect:summaries:threads:)`` over `input`.
    public static func compute(_ input: Input, geography: DistrictGeography, indicators: [Int], year: Int? = nil,
                               province: Int32? = nil, groupings: [RankingScope.Grouping] = RankingScope.Grouping.allCases,
                               includeSuspect: Bool = false, summaries: Bool = true, threads: Int = 2) -> RankTable {
        let parts = min(max(1, threads), indicators.count)
        guard parts > 1 else {
            return computeSerially(input, geography: geography, indicators: indicators, year: year, province: province,
                                   groupings: groupings, includeSuspect: includeSuspect, summaries: summaries)
        }
        let chunk = (indicators.count + parts - 1) / parts
        let results = ParallelSlots<RankTable>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { i in
            let run = Array(indicators[min(indicators.count, i * chunk)..<min(indicators.count, (i + 1) * chunk)])
            // The first part takes the others' rows when they are joined: it reserves room for all
            // of them, so the join appends in place instead of copying into a larger buffer.
            results[i] = computeSerially(input, geography: geography, indicators: run, year: year, province: province,
                                         groupings: groupings, includeSuspect: includeSuspect, summaries: summaries,
                                         reservingFor: i == 0 ? indicators.count : run.count)
        }
        var table = results.take(0)!  // the one reference: the joins append in place
        for i in 1..<parts { table.append(results.take(i)!) }
        return table
    }

    /// Appends the groups of `other` (computed over other indicators).
    mutating func append(_ other: RankTable) {
        let members = Int32(memberArea.count), others = Int32(otherArea.count)
        for var g in other.groups {
            g.membersStart += members
            g.othersStart += others
            groups.append(g)
        }
        memberArea += other.memberArea
        memberFact += other.memberFact
        memberRank += other.memberRank
        memberPercentile += other.memberPercentile
        otherArea += other.otherArea
        provinceSummaries.merge(other.provinceSummaries) { a, _ in a }
    }

    /// Buffers reused by ``sortByValueThenIndex(_:scratch:)``.
    struct SortScratch {
        var keys: [UInt64] = [], otherKeys: [UInt64] = []
        var indices: [Int32] = [], otherIndices: [Int32] = []
    }

    /// Sorts `order` by value, then index: as `sort` with that comparator, but a group of a
    /// nation's districts by a radix sort of the values' bits (stable, so equal values stay in
    /// index order, the order they come in), a small group by insertion. `order` comes in index
    /// order, each entry's index its position (`order[i].index == i`), as the ranking makes it.
    static func sortByValueThenIndex(_ order: inout [(value: Double, index: Int32)], scratch: inout SortScratch) {
        let n = order.count
        guard n > 1 else { return }
        precondition(order.last!.index == Int32(n - 1), "entries in index order")
        @inline(__always) func precedes(_ a: (value: Double, index: Int32), _ b: (value: Double, index: Int32)) -> Bool {
            a.value < b.value || (a.value == b.value && a.index < b.index)
        }
        // A small group is sorted in place.
        if n <= 48 {
            order.withUnsafeMutableBufferPointer { o in
                for i in 1..<n {
                    let moving = o[i]
                    var j = i
                    while j > 0, precedes(moving, o[j - 1]) {
                        o[j] = o[j - 1]
                        j -= 1
                    }
                    o[j] = moving
                }
            }
            return
        }
        // The values' bits made to sort as unsigned integers (−0 as 0: the comparator holds them equal).
        scratch.keys.removeAll(keepingCapacity: true)
        scratch.indices.removeAll(keepingCapacity: true)
        var sortedAlready = true
        for (i, entry) in order.enumerated() {
            let bits = (entry.value == 0 ? 0.0 : entry.value).bitPattern
            scratch.keys.append(bits >> 63 == 1 ? ~bits : bits | 1 << 63)
            scratch.indices.append(entry.index)
            if i > 0 && precedes(entry, order[i - 1]) {
                sortedAlready = false
            }
        }
        if sortedAlready { return }
        if scratch.otherKeys.count < n {
            scratch.otherKeys = [UInt64](repeating: 0, count: n)
            scratch.otherIndices = [Int32](repeating: 0, count: n)
        }
        // Least significant byte first; a byte all keys share is skipped. Each pass is stable.
        var counts = [Int](repeating: 0, count: 256)
        scratch.keys.withUnsafeMutableBufferPointer { keys in
            scratch.otherKeys.withUnsafeMutableBufferPointer { otherKeys in
                scratch.indices.withUnsafeMutableBufferPointer { indices in
                    scratch.otherIndices.withUnsafeMutableBufferPointer { otherIndices in
                        var (fromKeys, toKeys) = (keys.baseAddress!, otherKeys.baseAddress!)
                        var (fromIndices, toIndices) = (indices.baseAddress!, otherIndices.baseAddress!)
                        for shift in stride(from: UInt64(0), to: 64, by: 8) {
                            for b in 0..<256 { counts[b] = 0 }
                            for i in 0..<n { counts[Int(truncatingIfNeeded: fromKeys[i] >> shift) & 255] += 1 }
                            if counts[Int(truncatingIfNeeded: fromKeys[0] >> shift) & 255] == n { continue }
                            var total = 0
                            for b in 0..<256 {
                                let c = counts[b]
                                counts[b] = total
                                total += c
                            }
                            for i in 0..<n {
                                let b = Int(truncatingIfNeeded: fromKeys[i] >> shift) & 255
                                toKeys[counts[b]] = fromKeys[i]
                                toIndices[counts[b]] = fromIndices[i]
                                counts[b] += 1
                            }
                            swap(&fromKeys, &toKeys)
                            swap(&fromIndices, &toIndices)
                        }
                        // The entries again, in the order of the sorted indices (wherever the last pass left them).
                        let sortedIndices = UnsafeBufferPointer(start: fromIndices, count: n)
                        order.withUnsafeMutableBufferPointer { o in
                            // Entries by index: order came in index order, index = position.
                            let byIndex = Array(o)
                            for (k, index) in sortedIndices.enumerated() { o[k] = byIndex[Int(index)] }
                        }
                    }
                }
            }
        }
    }

    /// Ranks on the calling thread; the member columns reserve room for the rows of
    /// `reservingFor` indicators (default: those of `indicators`).
    static func computeSerially(_ input: Input, geography: DistrictGeography, indicators: [Int], year: Int?,
                                province: Int32?, groupings: [RankingScope.Grouping], includeSuspect: Bool, summaries: Bool = true,
                                reservingFor reserved: Int? = nil) -> RankTable {
        var table = RankTable()
        let grid = input.grid, facts = input.facts
        let districts = geography.districts.map(Int.init)
        let kindCount = Area.Kind.allCases.count
        // Slots of the provinces (by code); scratch lists reused from group to group.
        var provinceSlot = [Int32](repeating: -1, count: input.areaCount)
        for (i, p) in geography.provinces.enumerated() { provinceSlot[Int(p)] = Int32(i) }
        var byProvince = [[Int]](repeating: [], count: geography.provinces.count)
        var byKind = [[Int]](repeating: [], count: kindCount)
        var members: [Int] = []
        var usable = [Int32](repeating: -1, count: input.areaCount)  // fact index by area, this indicator-year
        var usableValue = [Double](repeating: .nan, count: input.areaCount)  // its value
        var withValue: [Int] = []
        var values: [Double] = []
        var sorted: [Double] = []
        var order: [(value: Double, index: Int32)] = []
        var sortScratch = SortScratch()
        var summarised = [Bool](repeating: false, count: geography.provinces.count)
        var ranked = RankedScopes(provinceCount: geography.provinces.count, kindCount: kindCount)
        let expected = districts.count * (reserved ?? indicators.count) * max(1, grid.yearSpan) * max(1, groupings.count)
        table.memberArea.reserveCapacity(expected)
        table.memberFact.reserveCapacity(expected)
        table.memberRank.reserveCapacity(expected)
        table.memberPercentile.reserveCapacity(expected)
        let cells = (reserved ?? indicators.count) * max(1, grid.yearSpan)
        table.groups.reserveCapacity(cells * (1 + geography.provinces.count))
        table.provinceSummaries.reserveCapacity(cells * geography.provinces.count)

        /// Ranks the districts of one scope (by code) and appends its group.
        func rank(_ scopeDistricts: [Int], kind: ScopeKind, code: Int32, indicator ind: Int, year y: Int, polarity: Polarity) -> ScopeSummary {
            withValue.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            for d in scopeDistricts where usable[d] >= 0 {
                withValue.append(d)
                values.append(usableValue[d])
            }
            var group = Group(indicator: Int32(ind), year: Int32(y), scopeKind: kind, scopeCode: code,
                              membersStart: Int32(table.memberArea.count), membersCount: Int32(withValue.count),
                              othersStart: Int32(table.otherArea.count), othersCount: 0, summary: ScopeSummary(count: withValue.count))
            if group.isRanked {
                // Best first; equal values by district code (the stable order).
                order.removeAll(keepingCapacity: true)
                for (i, v) in values.enumerated() { order.append((polarity == .positive ? -v : v, Int32(i))) }
                Self.sortByValueThenIndex(&order, scratch: &sortScratch)
                let n = order.count
                var position = 0
                while position < n {
                    // The run of ties read through the arrays' buffers: a closure over the captured
                    // arrays themselves has each read checked for exclusive access at run time.
                    let end = values.withUnsafeBufferPointer { values in
                        order.withUnsafeBufferPointer { order in
                            TieTolerance.runEnd(from: position, count: n) { values[Int(order[$0].index)] }
                        }
                    }
                    // Ties share the better rank, listed by district code.
                    if end - position > 1 { order[position..<end].sort { $0.index < $1.index } }
                    let percentile = CompetitionRank.percentile(position: position, ties: end - position, of: n)
                    for entry in order[position..<end] {
                        let d = withValue[Int(entry.index)]
                        table.memberArea.append(Int32(d))
                        table.memberFact.append(usable[d])
                        table.memberRank.append(Int32(position + 1))
                        table.memberPercentile.append(percentile)
                    }
                    position = end
                }
                if summaries {
                    sorted.removeAll(keepingCapacity: true)
                    for i in 0..<n { sorted.append(values[Int(order[polarity == .positive ? n - 1 - i : i].index)]) }
                    group.summary = ScopeSummary(count: n, distribution: Distribution(values, sorted: sorted),
                                                 best: values[Int(order[0].index)])
                }
                for d in scopeDistricts where usable[d] < 0 { table.otherArea.append(Int32(d)) }
            } else {
                for d in withValue {
                    table.memberArea.append(Int32(d))
                    table.memberFact.append(usable[d])
                    table.memberRank.append(0)
                    table.memberPercentile.append(.nan)
                }
                for d in scopeDistricts where usable[d] < 0 && grid.fact(indicator: ind, year: y, area: d) != nil {
                    table.otherArea.append(Int32(d))
                }
            }
            group.othersCount = Int32(table.otherArea.count) - group.othersStart
            table.groups.append(group)
            return group.summary
        }

        for ind in indicators {
            let polarity = input.polarities[ind]
            let years: [Int] = year.map { [$0] } ?? grid.years.filter { y in
                districts.contains { grid.fact(indicator: ind, year: y, area: $0) != nil }
            }
            for y in years {
                // The usable value of each district; each province's districts.
                for d in districts {
                    usable[d] = -1
                    guard let cell = grid.cell(indicator: ind, year: y, area: d), grid.chosen[cell] >= 0 else { continue }
                    let f = Int(grid.chosen[cell])
                    if includeSuspect || !facts[f].suspect {
                        usable[d] = Int32(f)
                        usableValue[d] = grid.value(cell: cell, in: facts)
                    }
                }
                for i in byProvince.indices { byProvince[i].removeAll(keepingCapacity: true) }
                for d in districts {
                    let p = geography.province(of: d, year: y)
                    if p >= 0, provinceSlot[Int(p)] >= 0 { byProvince[Int(provinceSlot[Int(p)])].append(d) }
                }
                for i in summarised.indices { summarised[i] = false }

                // The scopes of each grouping, in order; a scope met twice is ranked once.
                ranked.removeAll()
                for grouping in groupings {
                    switch (grouping, province) {
                    case (.nation, nil):
                        if ranked.insertNation() { _ = rank(districts, kind: .nation, code: -1, indicator: ind, year: y, polarity: polarity) }
                    case (.nation, let p?), (.province, let p?):
                        let slot = p >= 0 ? Int(provinceSlot[Int(p)]) : -1
                        if ranked.insertProvince(p, slot: slot) {
                            let summary = rank(slot >= 0 ? byProvince[slot] : [], kind: .province, code: p, indicator: ind, year: y, polarity: polarity)
                            if summaries, slot >= 0, summary.count > 0 {
                                table.provinceSummaries[provinceKey(indicator: ind, year: y, province: p)] = summary
                                summarised[slot] = true
                            }
                        }
                    case (.province, nil):
                        for (i, list) in byProvince.enumerated() where !list.isEmpty {
                            guard ranked.insertProvince(geography.provinces[i], slot: i) else { continue }
                            let summary = rank(list, kind: .province, code: geography.provinces[i], indicator: ind, year: y, polarity: polarity)
                            if summaries, summary.count > 0 {
                                table.provinceSummaries[provinceKey(indicator: ind, year: y, province: geography.provinces[i])] = summary
                                summarised[i] = true
                            }
                        }
                    case (.kind, _):
                        members = province.map { p in districts.filter { geography.province(of: $0, year: y) == p } } ?? districts
                        for i in byKind.indices { byKind[i].removeAll(keepingCapacity: true) }
                        for d in members where geography.kindOf[d] >= 0 { byKind[Int(geography.kindOf[d])].append(d) }
                        for (i, list) in byKind.enumerated() where !list.isEmpty {
                            guard ranked.insertKind(i) else { continue }
                            _ = rank(list, kind: .kind, code: Int32(i), indicator: ind, year: y, polarity: polarity)
                        }
                    }
                }
                // The provinces no scope ranked still summarise their districts' values.
                for (i, list) in byProvince.enumerated() where summaries && !summarised[i] {
                    let v = list.compactMap { usable[$0] >= 0 ? facts[Int(usable[$0])].value : nil }
                    if !v.isEmpty {
                        table.provinceSummaries[provinceKey(indicator: ind, year: y, province: geography.provinces[i])] =
                            Rankings.summary(v, polarity: polarity)
                    }
                }
            }
        }
        return table
    }
}


/// Each district's place in its nation and province rankings, by cell of the alignment's grid:
/// what a comparison row shows beside the gaps (``Comparison/Place``, by ``nationPlace(cell:)``
/// and ``provincePlace(cell:)``).
public struct CellRanks: Sendable {
    /// Rank in the nation (0: listed, not ranked) and the group's count (-1: not listed with a value).
    public private(set) var nationRank: [Int32]
    public private(set) var nationCount: [Int32]
    public private(set) var provinceRank: [Int32]
    public private(set) var provinceCount: [Int32]

    /// The place of a cell's district in its nation's ranking; `nil` when it is not listed there with a value.
    public func nationPlace(cell: Int) -> Comparison.Place? { Self.place(nationRank[cell], nationCount[cell]) }

    /// The place of a cell's district in its province's ranking; `nil` when it is not listed there with a value.
    public func provincePlace(cell: Int) -> Comparison.Place? { Self.place(provinceRank[cell], provinceCount[cell]) }

    private static func place(_ rank: Int32, _ count: Int32) -> Comparison.Place? {
        count < 0 ? nil : Comparison.Place(rank: rank > 0 ? Int(rank) : nil, rankedCount: Int(count))
    }

    /// The places of every district with a value in the nation and province groups of `table`.
    public init(_ table: RankTable, alignment: Alignment) {
        let grid = alignment.grid
        let cells = grid.chosen.count
        nationRank = Array(repeating: 0, count: cells)
        nationCount = Array(repeating: -1, count: cells)
        provinceRank = nationRank
        provinceCount = nationCount
        for g in table.groups where g.scopeKind != .kind {
            let nation = g.scopeKind == .nation
            func set(_ area: Int32, _ rank: Int32) {
                guard let c = grid.cell(indicator: Int(g.indicator), year: Int(g.year), area: Int(area)) else { return }
                if nation { nationRank[c] = rank; nationCount[c] = g.membersCount } else { provinceRank[c] = rank; provinceCount[c] = g.membersCount }
            }
            for m in Int(g.membersStart)..<Int(g.membersStart + g.membersCount) {
                set(table.memberArea[m], g.isRanked ? table.memberRank[m] : 0)
            }
            // Suspect values are listed unranked (with the group's count); districts without one are not.
            for o in Int(g.othersStart)..<Int(g.othersStart + g.othersCount) {
                let area = table.otherArea[o]
                if grid.fact(indicator: Int(g.indicator), year: Int(g.year), area: Int(area)) != nil { set(area, 0) }
            }
        }
    }
}

/// The scopes already ranked for one indicator and year, so a scope met under two groupings is
/// ranked once: flags by province slot and kind index (no set hashed per indicator and year).
struct RankedScopes {
    private var nation = false
    /// By province slot (the index in ``DistrictGeography/provinces``).
    private var provinces: [Bool]
    /// By index in `Area.Kind.allCases`.
    private var kinds: [Bool]
    /// Province codes without a slot (not a province of the geography).
    private var others: [Int32] = []

    init(provinceCount: Int, kindCount: Int) {
        provinces = [Bool](repeating: false, count: provinceCount)
        kinds = [Bool](repeating: false, count: kindCount)
    }

    mutating func removeAll() {
        nation = false
        for i in provinces.indices { provinces[i] = false }
        for i in kinds.indices { kinds[i] = false }
        others.removeAll(keepingCapacity: true)
    }

    /// True the first time the nation is met.
    mutating func insertNation() -> Bool {
        defer { nation = true }
        return !nation
    }

    /// True the first time province `code` (at `slot`, or -1 when it has none) is met.
    mutating func insertProvince(_ code: Int32, slot: Int) -> Bool {
        if slot >= 0 {
            defer { provinces[slot] = true }
            return !provinces[slot]
        }
        if others.contains(code) { return false }
        others.append(code)
        return true
    }

    /// True the first time kind `index` is met.
    mutating func insertKind(_ index: Int) -> Bool {
        defer { kinds[index] = true }
        return !kinds[index]
    }
}
