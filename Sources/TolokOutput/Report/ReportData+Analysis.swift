import TolokModel
import TolokAlignment
import TolokStatistics

// The one place the reports read the statistics: everything below turns the analysis into the
// plain values of ``ReportData``, for the districts with reports and their provinces only.

extension ReportData {
    /// The decimals the reports show an audit's expected figure with: rounded to the published
    /// figure's decimals + 2, trailing zeros dropped down to the published figure's decimals
    /// (`68,1014` against a printed `66,22`; `9,13`, not `9,1300`, against `9,94`; `100` against
    /// a printed `97`, `100,00` against `99,23`). The method section of `report.html` states the rule.
    public static func expectedDecimals(_ expected: Double, published: Int) -> Int {
        let most = max(0, published) + 2
        let text = NumberText.fixed(expected, decimals: most)
        let fraction = text.split(separator: ".").dropFirst().first ?? ""
        let needed = fraction.count - fraction.reversed().prefix { $0 == "0" }.count
        return max(max(0, published), needed)
    }

    /// The first year the line charts show.
    public static let firstChartYear = 2018

    /// The most districts with reports a report shows (the first by code; a national dataset has
    /// hundreds: the CSV files hold them all).
    public static let maximumDistricts = 12

    /// The most audit findings on areas without reports a report lists (`audit.csv` holds them all).
    public static let maximumOtherFindings = 200

    /// The indicators placed among the province's districts and drawn against province and nation.
    public static let benchmarkIndicators = ["tpt", "tpak"]

    /// Gathers what the reports show from `analysis`: for each district with reports, its place
    /// among its province's districts and its series on TPT and TPAK, its capaian, budgets, costs
    /// and audit findings; the composite index; the audit's headline.
    /// `composite`: the default composite (``Composite/defaultSpec(_:areas:includeSuspect:)``)
    /// when the caller has computed it already (as `tolok report` has for composite.csv).
    public init(_ analysis: Analysis, english: Bool = false,
                composite defaultComposite: (spec: CompositeSpec, entries: [CompositeEntry])? = nil) {
        let language: ReportLanguage = english ? .en : .id
        let dataset = analysis.dataset, areas = analysis.areas, alignment = analysis.alignment
        let catalogue = alignment.catalogue
        let sources = dataset.sources()
        var cited = Set<String>()

        func ref(_ area: Area) -> AreaRef { AreaRef(code: area.code, name: area.name) }
        func ref(code: String) -> AreaRef { AreaRef(code: code, name: areas.byCode[code]?.name ?? code) }
        func trace(_ v: AlignedValue) -> Traced {
            cited.insert(v.source.sourceID)
            return Traced(value: v.value, source: v.sourceDescription)
        }
        func cite(_ location: SourceLocation) -> String {
            cited.insert(location.sourceID)
            return location.cited
        }
        func info(_ indicator: Indicator) -> IndicatorInfo {
            IndicatorInfo(id: indicator.id, name: indicator.name(english: english), unit: indicator.unit,
                          higherIsBetter: indicator.polarity == .positive,
                          decimals: indicator.valueDecimals, definition: indicator.definition)
        }
        func item(_ id: String) -> SourceItem {
            let s = sources[id]
            return SourceItem(id: id, title: s?.title ?? id, type: s?.type ?? "other", year: s?.year)
        }

        // Rankings of a year in the nation, computed once per indicator and year.
        var nationRankings: [String: [String: RankingEntry]] = [:]
        func nationEntry(_ indicator: Indicator, _ year: Int, _ code: String) -> RankingEntry? {
            let key = "\(indicator.id) \(year)"
            if nationRankings[key] == nil {
                let entries = Rankings.compute(alignment, areas: areas, indicator: indicator, year: year, groupings: [.nation],
                                               includeSuspect: analysis.includeSuspect)
                nationRankings[key] = Dictionary(entries.map { ($0.district.code, $0) }, uniquingKeysWith: { a, _ in a })
            }
            return nationRankings[key]?[code]
        }
        func rank(_ e: RankingEntry?) -> Rank? {
            guard let e, let r = e.rank, let p = e.percentile else { return nil }
            return Rank(rank: r, count: e.rankedCount, percentile: p)
        }

        let findings = AuditExport.sorted(analysis.audit.findings).map { f -> Finding in
            let decimals = Self.expectedDecimals(f.expected, published: f.publishedDecimals)
            return Finding(area: ref(code: f.districtCode), year: f.year, check: f.check.rawValue, severity: f.severity.rawValue,
                           subject: f.subject, published: f.published, publishedDecimals: f.publishedDecimals, expected: f.expected,
                           expectedDecimals: decimals, location: cite(f.location),
                           otherLocation: f.otherLocation.map(cite), detail: f.detail)
        }
        let withReports = dataset.districtsWithData()
        let reportYears = dataset.years()
        let seeds = Array(withReports.prefix(Self.maximumDistricts))
        let achievementRows = AchievementExport.rows(dataset, districts: Set(seeds.map(\.code)))
        let benchmark = Self.benchmarkIndicators.compactMap { catalogue.byID[$0] }
        let benchmarkIDs = Set(benchmark.map(\.id))

        var districts: [District] = []
        for d in seeds {
            // Standings: the latest year in which the district is ranked in its province.
            var standings: [Standing] = []
            for indicator in benchmark {
                let years = alignment.years(d.code, indicator.id).sorted(by: >)
                var chosen: (year: Int, province: Area, entries: [RankingEntry])?
                for year in years {
                    guard let province = areas.province(of: d, year: year) else { continue }
                    let entries = Rankings.compute(alignment, areas: areas, indicator: indicator, year: year, province: province.code,
                                                   groupings: [.province], includeSuspect: analysis.includeSuspect)
                    if chosen == nil { chosen = (year, province, entries) }
                    if entries.contains(where: { $0.district.code == d.code && $0.rank != nil }) {
                        chosen = (year, province, entries)
                        break
                    }
                }
                guard let (year, province, entries) = chosen else { continue }
                let own = entries.first { $0.district.code == d.code }
                let peers = entries.filter { $0.rank != nil }.compactMap { e in e.value.map { (area: ref(e.district), value: trace($0.chosen)) } }
                    .sorted { ($0.value.value, $0.area.code) < ($1.value.value, $1.area.code) }
                standings.append(Standing(
                    indicator: info(indicator), year: year, province: ref(province),
                    value: alignment.value(d.code, year, indicator.id).map { trace($0.chosen) }, peers: peers,
                    provinceValue: alignment.value(province.code, year, indicator.id).map { trace($0.chosen) },
                    nationValue: alignment.value(Comparisons.nationCode, year, indicator.id).map { trace($0.chosen) },
                    provinceRank: rank(own), nationRank: rank(nationEntry(indicator, year, d.code)),
                    note: own?.rank == nil ? own?.note : nil))
            }

            // Series against province and nation, and whether the gaps close.
            let comparisons = Comparisons.compute(alignment, areas: areas, districts: [d], indicators: benchmarkIDs)
            var series: [Series] = []
            for indicator in benchmark {
                let rows = comparisons.filter { $0.indicator.id == indicator.id }.sorted { $0.year < $1.year }
                let shown = rows.filter { $0.year >= Self.firstChartYear }
                guard !shown.isEmpty else { continue }
                let trends = GapTrends.compute(rows, includeSuspect: analysis.includeSuspect)
                func change(_ yardstick: GapTrend.Yardstick) -> GapChange? {
                    guard let t = trends.first(where: { $0.yardstick == yardstick }), let a = t.used.first, let b = t.used.last else { return nil }
                    return GapChange(yardstick: ref(code: b.yardstickCode), firstYear: a.year, lastYear: b.year, first: a.gap, last: b.gap,
                                     direction: t.direction?.rawValue, movement: t.movement?.rawValue, note: t.note)
                }
                series.append(Series(
                    indicator: info(indicator),
                    district: shown.map { Point(year: $0.year, value: trace($0.value.chosen)) },
                    province: shown.compactMap { c in c.provinceValue.map { Point(year: c.year, value: trace($0.chosen)) } },
                    nation: shown.compactMap { c in c.nationalValue.map { Point(year: c.year, value: trace($0.chosen)) } },
                    provinceArea: shown.last?.province.map(ref), gapProvince: change(.province), gapNation: change(.nation)))
            }

            // Capaian, one row per distinct figure.
            var achievements: [AchievementRow] = []
            // The rows printed so far by year, period, label, target and realisation (a district
            // prints thousands: a search of every earlier row for each would be quadratic).
            struct Figure: Hashable { var year: Int; var period: String?; var label: String; var target: Double; var realisation: Double }
            var rowsOfFigure: [Figure: [Int]] = [:]
            for row in achievementRows where row.observation.districtCode == d.code {
                let o = row.observation, a = row.achievement
                guard let target = o.target, let realisation = o.realisation else { continue }
                let location = cite(o.source)
                let figure = Figure(year: o.year, period: o.period, label: o.indicatorLabel, target: target.value, realisation: realisation.value)
                if let i = rowsOfFigure[figure]?.first(where: {
                    achievements[$0].reportedCapaian == nil || o.reportedCapaian == nil || achievements[$0].reportedCapaian == o.reportedCapaian?.value
                }) {
                    if !achievements[i].locations.contains(location) { achievements[i].locations.append(location) }
                    if achievements[i].reportedCapaian == nil, let r = o.reportedCapaian {
                        achievements[i].reportedCapaian = r.value
                        achievements[i].reportedDecimals = r.decimals
                    }
                    continue
                }
                rowsOfFigure[figure, default: []].append(achievements.count)
                achievements.append(AchievementRow(
                    year: o.year, period: o.period, level: o.level, label: o.indicatorLabel, unit: o.unit, target: target.value,
                    targetDecimals: target.decimals, realisation: realisation.value, realisationDecimals: realisation.decimals,
                    capaian: a.capaian, clamped: a.clamped, predicate: a.predicate?.rawValue, reportedCapaian: o.reportedCapaian?.value,
                    reportedDecimals: o.reportedCapaian?.decimals ?? 0, locations: [location], note: a.note))
            }

            let budgets = analysis.budgets.filter { $0.districtCode == d.code }.map { b in
                BudgetRow(year: b.year, code: b.programme?.code,
                          name: b.programme?.standardName ?? language.pick("Seluruh anggaran dinas", "Whole agency budget"),
                          pagu: b.pagu, realisasi: b.realisasi, absorption: b.absorption, source: cite(b.source), suspect: b.suspicions,
                          note: b.note)
            }

            let costs = analysis.costs.filter { $0.districtCode == d.code }.compactMap { c -> CostRow? in
                guard let indicator = catalogue.byID[c.indicatorID],
                      let definition = Costs.definitions.first(where: { $0.indicator == c.indicatorID }) else { return nil }
                let outcomeName = catalogue.byID[definition.outcome]?.name(english: english) ?? definition.outcome
                let outcome = c.outcome?.chosen
                return CostRow(
                    year: c.year, indicator: info(indicator),
                    definition: language.pick("realisasi belanja program \(definition.programmeCode) / \(outcomeName)",
                                              "realised spend of programme \(definition.programmeCode) / \(outcomeName)"),
                    programmeCodes: c.programmes.compactMap { $0.programme?.code }, spend: c.spend,
                    spendSource: c.programmes.first.map { cite($0.source) }, outcomeName: outcomeName, outcome: outcome.map(trace),
                    cost: c.cost, caveat: (outcome?.caveats ?? []).isEmpty ? nil : outcome!.caveats.joined(separator: "; "),
                    suspect: c.programmes.flatMap(\.suspicions) + (outcome?.suspicions ?? []), note: c.note)
            }

            let latestYear = standings.map(\.year).max() ?? reportYears.last ?? 0
            let documents = sources.values.filter { $0.areaCode == d.code }.sorted { $0.id < $1.id }.map { item($0.id) }
            for doc in documents { cited.insert(doc.id) }
            districts.append(District(
                area: ref(d), province: areas.province(of: d, year: latestYear).map(ref), documents: documents, standings: standings,
                series: series, achievements: achievements, budgets: budgets, costs: costs,
                findings: findings.filter { $0.area.code == d.code }))
        }

        // The composite, where enough districts are ranked: the ranks of the provinces' districts.
        var composite: CompositeRanking?
        if let (spec, entries) = defaultComposite ?? Composite.defaultSpec(alignment, areas: areas, includeSuspect: analysis.includeSuspect)
            .map({ ($0, Composite.compute(alignment, districts: areas.districts, spec: $0)) }) {
            let ranked = entries.filter { $0.rank != nil && $0.score != nil }
            if ranked.count >= Rankings.minimumGroupSize {
                let seedCodes = Set(seeds.map(\.code))
                var provinces: [(province: AreaRef, rows: [CompositeRow])] = []
                var seen = Set<String>()
                for d in seeds {
                    guard let province = areas.province(of: d, year: spec.year), seen.insert(province.code).inserted else { continue }
                    let rows = ranked.filter { areas.province(of: $0.district, year: spec.year)?.code == province.code }.map { e in
                        CompositeRow(area: ref(e.district), rank: e.rank!, score: e.score!, rankP5: e.rankP5, rankP95: e.rankP95,
                                     stable: e.stable, inputs: e.inputs, highlighted: seedCodes.contains(e.district.code))
                    }
                    if !rows.isEmpty { provinces.append((ref(province), rows)) }
                }
                composite = CompositeRanking(year: spec.year, indicators: spec.indicators.map(info), normalisation: spec.normalisation.rawValue,
                                             draws: spec.draws, seed: spec.seed, rankedCount: ranked.count, provinces: provinces)
            }
        }

        // The overview.
        let audit = analysis.audit
        // The findings counted in one pass: errors and rounding by check and by area.
        var checkCounts: [AuditCheck: (errors: Int, rounding: Int)] = [:], areaCounts: [String: (errors: Int, rounding: Int)] = [:]
        for f in audit.findings {
            let error = f.severity == .error ? 1 : 0, rounding = f.severity == .rounding ? 1 : 0
            checkCounts[f.check, default: (0, 0)].errors += error
            checkCounts[f.check, default: (0, 0)].rounding += rounding
            areaCounts[f.districtCode, default: (0, 0)].errors += error
            areaCounts[f.districtCode, default: (0, 0)].rounding += rounding
        }
        let byCheck = AuditCheck.allCases.compactMap { check -> (check: String, checked: Int, errors: Int, rounding: Int)? in
            let ran = audit.runs.count(check)
            guard ran > 0 else { return nil }
            let counts = checkCounts[check] ?? (0, 0)
            return (check.rawValue, ran, counts.errors, counts.rounding)
        }
        let byArea = areaCounts.keys.sorted().map { code in
            (area: ref(code: code), errors: areaCounts[code]!.errors, rounding: areaCounts[code]!.rounding)
        }
        let references = dataset.referenceSpan()
        var types: [String: Int] = [:]
        for s in sources.values { types[s.type, default: 0] += 1 }
        let overview = Overview(
            districtCount: areas.districts.count, provinceCount: areas.all.count { $0.level == .province },
            reportYears: reportYears.first.map { $0...reportYears.last! },
            referenceYears: references.years,
            observationCount: dataset.count(ObservationField.self), budgetLineCount: dataset.count(BudgetField.self),
            referenceCount: dataset.count(ReferenceField.self), excludedReferenceCount: references.excluded,
            sourceCount: sources.count, sourcesByType: types.map { ($0.key, $0.value) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) },
            audit: AuditHeadline(checks: audit.runs.count, errors: audit.count(.error), rounding: audit.count(.rounding),
                                 byCheck: byCheck, byArea: byArea))

        let seedCodes = Set(withReports.map(\.code))
        let others = findings.filter { !seedCodes.contains($0.area.code) }
        self.init(language: language, overview: overview, districts: districts, composite: composite,
                  otherFindings: Array(others.prefix(Self.maximumOtherFindings)), sources: cited.sorted().map(item),
                  omittedDistricts: withReports.count - seeds.count, omittedFindings: max(0, others.count - Self.maximumOtherFindings))
        indicatorNames = catalogue.names(english: english)
    }
}
