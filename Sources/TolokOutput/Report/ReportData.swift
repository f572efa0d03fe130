/// What the reports show (`report.html`, `summary.md`, `tolok.ipynb`), as plain values: numbers,
/// names and the places they were printed. Gathered once from the analysis by
/// ``ReportData/init(_:english:)`` (the one file that reads the statistics), so the renderers
/// depend on nothing else and a change in the statistics touches one file.
public struct ReportData: Sendable {
    /// The language of the names the data carries (indicator names), and of the reports.
    public var language: ReportLanguage
    public var overview: Overview
    /// One per district with reports (observations or budget lines), by code.
    public var districts: [District]
    /// The composite index of the report, where enough districts are ranked.
    public var composite: CompositeRanking?
    /// Audit findings on areas without reports (BPS figures of other districts, provinces, the nation).
    public var otherFindings: [Finding]
    /// Every source the report cites, by id.
    public var sources: [SourceItem]
    /// Districts with reports not shown (beyond ``ReportData/maximumDistricts``), and findings on
    /// other areas not listed (beyond ``ReportData/maximumOtherFindings``): their files have them.
    public var omittedDistricts = 0
    public var omittedFindings = 0
    /// Every indicator's name in the report's language, by id: the notes name indicators by id
    /// (`no placements_domestic count for 2018`), the reports by name.
    public var indicatorNames: [String: String] = [:]

    public init(language: ReportLanguage, overview: Overview, districts: [District], composite: CompositeRanking?,
                otherFindings: [Finding], sources: [SourceItem], omittedDistricts: Int = 0, omittedFindings: Int = 0) {
        self.omittedDistricts = omittedDistricts
        self.omittedFindings = omittedFindings
        self.language = language
        self.overview = overview
        self.districts = districts
        self.composite = composite
        self.otherFindings = otherFindings
        self.sources = sources
    }

    /// A district, province or the nation.
    public struct AreaRef: Sendable, Hashable {
        public var code: String
        public var name: String
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// A document the figures come from.
    public struct SourceItem: Sendable, Hashable {
        public var id: String
        public var title: String
        /// LKIP, Renstra, PK, press, BPS, other.
        public var type: String
        public var year: Int?
        public init(id: String, title: String, type: String, year: Int?) {
            self.id = id
            self.title = title
            self.type = type
            self.year = year
        }
    }

    /// A number and where it was printed (`004 Tabel 3.1`, `gh-jessch22 sheet Populasi, col TPT_2024`).
    public struct Traced: Sendable, Hashable {
        public var value: Double
        public var source: String
        public init(value: Double, source: String) {
            self.value = value
            self.source = source
        }
    }

    /// A place in a ranking: 1 is best; the percentile is polarity-aware (100 = best).
    public struct Rank: Sendable, Hashable {
        public var rank: Int
        public var count: Int
        public var percentile: Double
        public init(rank: Int, count: Int, percentile: Double) {
            self.rank = rank
            self.count = count
            self.percentile = percentile
        }
    }

    /// What a canonical indicator is: enough to label an axis and read a gap.
    public struct IndicatorInfo: Sendable, Hashable {
        public var id: String
        public var name: String
        /// percent, persons, rupiah, index, score, per_1000.
        public var unit: String
        public var higherIsBetter: Bool
        /// Decimals values are shown with.
        public var decimals: Int
        /// `numerator / denominator (scope)`.
        public var definition: String
        public init(id: String, name: String, unit: String, higherIsBetter: Bool, decimals: Int, definition: String) {
            self.id = id
            self.name = name
            self.unit = unit
            self.higherIsBetter = higherIsBetter
            self.decimals = decimals
            self.definition = definition
        }
    }

    /// The datasets at a glance and the audit's headline.
    public struct Overview: Sendable {
        public var districtCount: Int
        public var provinceCount: Int
        /// Years of the reports' figures (observations and budget lines).
        public var reportYears: ClosedRange<Int>?
        /// Years of the reference figures (BPS, press).
        public var referenceYears: ClosedRange<Int>?
        public var observationCount: Int
        public var budgetLineCount: Int
        public var referenceCount: Int
        public var excludedReferenceCount: Int
        public var sourceCount: Int
        /// Sources per type (LKIP, Renstra, BPS, press, …), most first.
        public var sourcesByType: [(type: String, count: Int)]
        public var audit: AuditHeadline
        public init(districtCount: Int, provinceCount: Int, reportYears: ClosedRange<Int>?, referenceYears: ClosedRange<Int>?,
                    observationCount: Int, budgetLineCount: Int, referenceCount: Int, excludedReferenceCount: Int, sourceCount: Int,
                    sourcesByType: [(type: String, count: Int)], audit: AuditHeadline) {
            self.districtCount = districtCount
            self.provinceCount = provinceCount
            self.reportYears = reportYears
            self.referenceYears = referenceYears
            self.observationCount = observationCount
            self.budgetLineCount = budgetLineCount
            self.referenceCount = referenceCount
            self.excludedReferenceCount = excludedReferenceCount
            self.sourceCount = sourceCount
            self.sourcesByType = sourcesByType
            self.audit = audit
        }
    }

    /// How many checks the audit made and what it found, per check and per area.
    public struct AuditHeadline: Sendable {
        public var checks: Int
        public var errors: Int
        public var rounding: Int
        public var byCheck: [(check: String, checked: Int, errors: Int, rounding: Int)]
        public var byArea: [(area: AreaRef, errors: Int, rounding: Int)]
        public init(checks: Int, errors: Int, rounding: Int, byCheck: [(check: String, checked: Int, errors: Int, rounding: Int)],
                    byArea: [(area: AreaRef, errors: Int, rounding: Int)]) {
            self.checks = checks
            self.errors = errors
            self.rounding = rounding
            self.byCheck = byCheck
            self.byArea = byArea
        }
    }

    /// A district with reports: where it stands, how it moved, what it achieved, spent and printed wrong.
    public struct District: Sendable {
        public var area: AreaRef
        /// Its province in the latest year of its standings.
        public var province: AreaRef?
        /// The sources about it: its own documents (LKIP, Renstra, PK) and press reports on it.
        public var documents: [SourceItem]
        public var standings: [Standing]
        public var series: [Series]
        public var achievements: [AchievementRow]
        public var budgets: [BudgetRow]
        public var costs: [CostRow]
        public var findings: [Finding]
        public init(area: AreaRef, province: AreaRef?, documents: [SourceItem], standings: [Standing], series: [Series],
                    achievements: [AchievementRow], budgets: [BudgetRow], costs: [CostRow], findings: [Finding]) {
            self.area = area
            self.province = province
            self.documents = documents
            self.standings = standings
            self.series = series
            self.achievements = achievements
            self.budgets = budgets
            self.costs = costs
            self.findings = findings
        }
    }

    /// A district among its province's districts on one indicator in one year (the strip chart).
    public struct Standing: Sendable {
        public var indicator: IndicatorInfo
        public var year: Int
        public var province: AreaRef
        /// The district's value; `nil` when it has none that year.
        public var value: Traced?
        /// Every ranked district of the province that year, the district included, by value.
        public var peers: [(area: AreaRef, value: Traced)]
        public var provinceValue: Traced?
        public var nationValue: Traced?
        public var provinceRank: Rank?
        public var nationRank: Rank?
        /// Why the district is not ranked (a suspect value), or what to keep in mind.
        public var note: String?
        public init(indicator: IndicatorInfo, year: Int, province: AreaRef, value: Traced?, peers: [(area: AreaRef, value: Traced)],
                    provinceValue: Traced?, nationValue: Traced?, provinceRank: Rank?, nationRank: Rank?, note: String?) {
            self.indicator = indicator
            self.year = year
            self.province = province
            self.value = value
            self.peers = peers
            self.provinceValue = provinceValue
            self.nationValue = nationValue
            self.provinceRank = provinceRank
            self.nationRank = nationRank
            self.note = note
        }
    }

    /// One year's value of a series.
    public struct Point: Sendable, Hashable {
        public var year: Int
        public var value: Traced
        public init(year: Int, value: Traced) {
            self.year = year
            self.value = value
        }
    }

    /// Whether a gap to a yardstick closed or widened between the first and last year with a gap.
    public struct GapChange: Sendable {
        public var yardstick: AreaRef
        public var firstYear: Int
        public var lastYear: Int
        /// value − yardstick in the first and last year (percentage points for rates).
        public var first: Double
        public var last: Double
        /// `closing`, `widening`, `unchanged`; `nil` with a single year.
        public var direction: String?
        /// `improving`, `worsening`, `unchanged` (by polarity).
        public var movement: String?
        public var note: String?
        public init(yardstick: AreaRef, firstYear: Int, lastYear: Int, first: Double, last: Double, direction: String?,
                    movement: String?, note: String?) {
            self.yardstick = yardstick
            self.firstYear = firstYear
            self.lastYear = lastYear
            self.first = first
            self.last = last
            self.direction = direction
            self.movement = movement
            self.note = note
        }
    }

    /// A district's series of one indicator against its province and the nation (the line chart).
    public struct Series: Sendable {
        public var indicator: IndicatorInfo
        public var district: [Point]
        public var province: [Point]
        public var nation: [Point]
        /// The province of the series' last year.
        public var provinceArea: AreaRef?
        public var gapProvince: GapChange?
        public var gapNation: GapChange?
        public init(indicator: IndicatorInfo, district: [Point], province: [Point], nation: [Point], provinceArea: AreaRef?,
                    gapProvince: GapChange?, gapNation: GapChange?) {
            self.indicator = indicator
            self.district = district
            self.province = province
            self.nation = nation
            self.provinceArea = provinceArea
            self.gapProvince = gapProvince
            self.gapNation = gapNation
        }
    }

    /// A printed indicator with target and realisation, and its capaian (achievement.csv), one row
    /// per distinct figure (the same figure printed in several tables lists every location).
    public struct AchievementRow: Sendable {
        public var year: Int
        public var period: String?
        public var level: String
        public var label: String
        public var unit: String?
        public var target: Double
        public var targetDecimals: Int
        public var realisation: Double
        public var realisationDecimals: Int
        public var capaian: Double?
        public var clamped: Double?
        /// AA, A, BB, B, CC, C, D.
        public var predicate: String?
        public var reportedCapaian: Double?
        public var reportedDecimals: Int
        /// `004 Tabel 3.1` for each place the figure is printed.
        public var locations: [String]
        public var note: String?
        public init(year: Int, period: String?, level: String, label: String, unit: String?, target: Double, targetDecimals: Int,
                    realisation: Double, realisationDecimals: Int, capaian: Double?, clamped: Double?, predicate: String?,
                    reportedCapaian: Double?, reportedDecimals: Int, locations: [String], note: String?) {
            self.year = year
            self.period = period
            self.level = level
            self.label = label
            self.unit = unit
            self.target = target
            self.targetDecimals = targetDecimals
            self.realisation = realisation
            self.realisationDecimals = realisationDecimals
            self.capaian = capaian
            self.clamped = clamped
            self.predicate = predicate
            self.reportedCapaian = reportedCapaian
            self.reportedDecimals = reportedDecimals
            self.locations = locations
            self.note = note
        }
    }

    /// Pagu, realisasi and absorption of a standard programme (or the whole agency) in a year (budget.csv).
    public struct BudgetRow: Sendable {
        public var year: Int
        /// `2.07.04`; `nil` for the agency's whole budget.
        public var code: String?
        public var name: String
        public var pagu: Double?
        public var realisasi: Double?
        public var absorption: Double?
        public var source: String
        public var suspect: [String]
        public var note: String?
        public init(year: Int, code: String?, name: String, pagu: Double?, realisasi: Double?, absorption: Double?, source: String,
                    suspect: [String], note: String?) {
            self.year = year
            self.code = code
            self.name = name
            self.pagu = pagu
            self.realisasi = realisasi
            self.absorption = absorption
            self.source = source
            self.suspect = suspect
            self.note = note
        }
    }

    /// A cost per result (costs.csv): realised spend of a programme / a count.
    public struct CostRow: Sendable {
        public var year: Int
        public var indicator: IndicatorInfo
        /// `realised spend of programme 2.07.04 / placements`.
        public var definition: String
        public var programmeCodes: [String]
        public var spend: Double?
        public var spendSource: String?
        public var outcomeName: String
        public var outcome: Traced?
        public var cost: Double?
        public var caveat: String?
        public var suspect: [String]
        public var note: String?
        public init(year: Int, indicator: IndicatorInfo, definition: String, programmeCodes: [String], spend: Double?, spendSource: String?,
                    outcomeName: String, outcome: Traced?, cost: Double?, caveat: String?, suspect: [String], note: String?) {
            self.year = year
            self.indicator = indicator
            self.definition = definition
            self.programmeCodes = programmeCodes
            self.spend = spend
            self.spendSource = spendSource
            self.outcomeName = outcomeName
            self.outcome = outcome
            self.cost = cost
            self.caveat = caveat
            self.suspect = suspect
            self.note = note
        }
    }

    /// A published figure the audit found to differ from its recomputation or its other printing (audit.csv).
    public struct Finding: Sendable {
        public var area: AreaRef
        public var year: Int?
        /// `capaian`, `percentage`, `total`, `same_fact`, …
        public var check: String
        /// `error` or `rounding`.
        public var severity: String
        public var subject: String
        public var published: Double
        public var publishedDecimals: Int
        public var expected: Double
        public var expectedDecimals: Int
        /// Where the published figure is, and where the other value or the first summed line is.
        public var location: String
        public var otherLocation: String?
        public var detail: String
        public init(area: AreaRef, year: Int?, check: String, severity: String, subject: String, published: Double,
                    publishedDecimals: Int, expected: Double, expectedDecimals: Int, location: String, otherLocation: String?,
                    detail: String) {
            self.area = area
            self.year = year
            self.check = check
            self.severity = severity
            self.subject = subject
            self.published = published
            self.publishedDecimals = publishedDecimals
            self.expected = expected
            self.expectedDecimals = expectedDecimals
            self.location = location
            self.otherLocation = otherLocation
            self.detail = detail
        }
    }

    /// The composite index (composite.csv) and the ranks of the report's provinces' districts in it.
    public struct CompositeRanking: Sendable {
        public var year: Int
        public var indicators: [IndicatorInfo]
        public var normalisation: String
        public var draws: Int
        public var seed: UInt64
        /// Districts ranked nationally.
        public var rankedCount: Int
        /// For each province of a district with reports: its ranked districts, best first.
        public var provinces: [(province: AreaRef, rows: [CompositeRow])]
        public init(year: Int, indicators: [IndicatorInfo], normalisation: String, draws: Int, seed: UInt64, rankedCount: Int,
                    provinces: [(province: AreaRef, rows: [CompositeRow])]) {
            self.year = year
            self.indicators = indicators
            self.normalisation = normalisation
            self.draws = draws
            self.seed = seed
            self.rankedCount = rankedCount
            self.provinces = provinces
        }
    }

    /// A district's composite rank with its 5–95 % interval under random weights.
    public struct CompositeRow: Sendable {
        public var area: AreaRef
        public var rank: Int
        public var score: Double
        public var rankP5: Double?
        public var rankP95: Double?
        public var stable: Bool?
        /// `tpt 2024=8.82; tpak 2024=65.11`.
        public var inputs: String
        /// A district with reports.
        public var highlighted: Bool
        public init(area: AreaRef, rank: Int, score: Double, rankP5: Double?, rankP95: Double?, stable: Bool?, inputs: String,
                    highlighted: Bool) {
            self.area = area
            self.rank = rank
            self.score = score
            self.rankP5 = rankP5
            self.rankP95 = rankP95
            self.stable = stable
            self.inputs = inputs
            self.highlighted = highlighted
        }
    }
}
