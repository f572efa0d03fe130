import TolokModel
import TolokAlignment

/// The districts as integers, for the hot paths: area indices (``Alignment/areaCodes``) in code
/// order, each district's kind, and its province in every year of the alignment's grid (the
/// history of boundaries applied, ``Areas/province(of:year:)``).
public struct DistrictGeography: Sendable {
    /// Area indices of the districts, by code.
    public let districts: [Int32]
    /// Area indices of the provinces, by code.
    public let provinces: [Int32]
    /// Area index of the nation (`00`), or -1.
    public let nation: Int32
    /// Kind of each area (by area index): ``Area/Kind`` index in `Area.Kind.allCases`, -1 when none.
    public let kindOf: [Int8]
    /// The years tabulated (those of the alignment's grids); others are looked up in ``areas``.
    public let years: ClosedRange<Int>
    @usableFromInline let areaCount: Int
    /// Province area index by (year − first year) × areas + district area index.
    @usableFromInline let provinceByYear: [Int32]
    private let areas: Areas
    private let areaIndex: [String: Int32]

    public init(_ alignment: Alignment, areas: Areas) {
        let codes = alignment.areaCodes
        areaCount = codes.count
        let all = areas.all
        districts = all.indices.filter { all[$0].level == .district }.sorted { codes[$0] < codes[$1] }.map(Int32.init)
        provinces = all.indices.filter { all[$0].level == .province }.sorted { codes[$0] < codes[$1] }.map(Int32.init)
        nation = alignment.areaIndex[Comparisons.nationCode] ?? -1
        kindOf = all.map { a in a.kind.map { Int8(Area.Kind.allCases.firstIndex(of: $0)!) } ?? -1 }
        let spans = [(alignment.facts.isEmpty, alignment.grid.years), (alignment.targetFacts.isEmpty, alignment.targetGrid.years)]
            .filter { !$0.0 }.map(\.1)
        years = spans.isEmpty ? 0...0 : spans.map(\.lowerBound).min()!...spans.map(\.upperBound).max()!
        self.areas = areas
        areaIndex = alignment.areaIndex
        var byYear = [Int32](repeating: -1, count: years.count * areaCount)
        for (y, year) in years.enumerated() {
            for d in districts {
                byYear[y * areaCount + Int(d)] = areas.province(of: all[Int(d)], year: year).flatMap { alignment.areaIndex[$0.code] } ?? -1
            }
        }
        provinceByYear = byYear
    }

    /// The province (area index) district `area` belonged to in `year`; -1 when none.
    @inlinable
    public func province(of area: Int, year: Int) -> Int32 {
        guard years.contains(year) else { return untabulatedProvince(of: area, year: year) }
        return provinceByYear[(year - years.lowerBound) * areaCount + area]
    }

    @usableFromInline
    func untabulatedProvince(of area: Int, year: Int) -> Int32 {
        areas.province(of: areas.all[area], year: year).flatMap { areaIndex[$0.code] } ?? -1
    }
}
