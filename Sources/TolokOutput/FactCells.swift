import TolokModel
import TolokAlignment

/// The cells of each aligned fact that the large files repeat, rendered once by fact index: its
/// value and where it was printed. rankings.csv and statistics.csv write a fact on three rows each
/// (nation, province, kind of area), comparison.csv, trends.csv and targets.csv once more: at
/// national scale about nine values and five citations per fact, made once instead.
public struct FactCells: Sendable {
    /// The value with its indicator's decimals (``Indicator/valueDecimals``) and the dialect's
    /// decimal mark; empty when not finite.
    public let values: RenderedCellTable
    /// Where the value was printed (``Alignment/appendCitation(_:role:to:)``: `004 Tabel 3.1, p. 12`).
    public let citations: RenderedCellTable

    /// The cells of every fact of `alignment`, made in runs on `threads` cores.
    public init(_ alignment: Alignment, dialect: CSVDialect, threads: Int) {
        let decimals = alignment.catalogue.all.map(\.valueDecimals)
        values = RenderedCellTable(count: alignment.facts.count, threads: threads) { facts, out, ends in
            for f in facts {
                let fact = alignment.facts[f]
                var row = CSVRow(dialect: dialect)
                row.number(fact.value, decimals: decimals[Int(fact.indicator)], &out)
                ends.append(out.count)
            }
        }
        citations = RenderedCellTable(count: alignment.facts.count, threads: threads) { facts, out, ends in
            var scratch = ByteBuffer(capacity: 256)
            for f in facts {
                scratch.removeAll()
                alignment.appendCitation(f, to: &scratch)
                var row = CSVRow(dialect: dialect)
                scratch.withBytes { row.text($0, &out) }
                ends.append(out.count)
            }
        }
    }

    /// The number of facts.
    public var count: Int { values.count }
}
