import TolokModel
import TolokAlignment

/// The cells of each aligned fact that the large files repeat, rendered once: its value and where
/// it was printed. rankings.csv and statistics.csv write a fact on three rows each (nation,
/// province, kind of area), comparison.csv, trends.csv and targets.csv once more: at national
/// scale about nine values and five citations per fact, made once instead.
///
/// A fact's two cells are side by side in one table (keys `2f` and `2f + 1`): the rows of
/// rankings.csv visit the facts in rank order, not in memory order, and one place to read for
/// both cells is one cache miss instead of two.
public struct FactCells: Sendable {
    private let table: RenderedCellTable

    /// The cells of every fact of `alignment`, made in runs on `threads` cores.
    public init(_ alignment: Alignment, dialect: CSVDialect, threads: Int) {
        let decimals = alignment.catalogue.all.map(\.valueDecimals)
        table = RenderedCellTable(count: 2 * alignment.facts.count, threads: threads) { keys, out, ends in
            var scratch = ByteBuffer(capacity: 256)
            for key in keys {
                let f = key / 2
                var row = CSVRow(dialect: dialect)
                if key % 2 == 0 {
                    let fact = alignment.facts[f]
                    row.number(fact.value, decimals: decimals[Int(fact.indicator)], &out)
                } else {
                    scratch.removeAll()
                    alignment.appendCitation(f, to: &scratch)
                    scratch.withBytes { row.text($0, &out) }
                }
                ends.append(out.count)
            }
        }
    }

    /// The number of facts.
    public var count: Int { table.count / 2 }

    /// Fact `f`'s value with its indicator's decimals (``Indicator/valueDecimals``) and the
    /// dialect's decimal mark; empty when not finite.
    @inline(__always)
    public func value(_ f: Int) -> UnsafeBufferPointer<UInt8> { table.cells(2 * f) }

    /// Where fact `f` was printed (``Alignment/appendCitation(_:role:to:)``: `004 Tabel 3.1, p. 12`).
    @inline(__always)
    public func citation(_ f: Int) -> UnsafeBufferPointer<UInt8> { table.cells(2 * f + 1) }
}
