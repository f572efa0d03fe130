import TolokModel
import TolokAlignment

/// The cells of each aligned fact that the large files repeat, rendered once: its value, where
/// it was printed and its three flags. rankings.csv and statistics.csv write a fact on three rows
/// each (nation, province, kind of area), comparison.csv, trends.csv and targets.csv once more: at
/// national scale about nine values, five citations and five sets of flags per fact, made once
/// instead.
///
/// A fact's cells are side by side in one table (keys `3f`, `3f + 1`, `3f + 2`): the rows of
/// rankings.csv visit the facts in rank order, not in memory order, and one place to read for
/// all of them is one cache miss instead of three.
public struct FactCells: Sendable {
    private let table: RenderedCellTable

    /// The cells of every fact of `alignment`, made in runs on `threads` cores.
    public init(_ alignment: Alignment, dialect: CSVDialect, threads: Int) {
        let decimals = alignment.catalogue.all.map(\.valueDecimals)
        table = RenderedCellTable(count: 3 * alignment.facts.count, threads: threads) { keys, out, ends in
            var scratch = ByteBuffer(capacity: 256)
            for key in keys {
                let f = key / 3
                var row = CSVRow(dialect: dialect)
                switch key % 3 {
                case 0:
                    let fact = alignment.facts[f]
                    row.number(fact.value, decimals: decimals[Int(fact.indicator)], &out)
                case 1:
                    scratch.removeAll()
                    alignment.appendCitation(f, to: &scratch)
                    scratch.withBytes { row.text($0, &out) }
                default:
                    row.flags(alignment.flags(f), &out)
                }
                ends.append(out.count)
            }
        }
    }

    /// The number of facts.
    public var count: Int { table.count / 3 }

    /// Fact `f`'s value with its indicator's decimals (``Indicator/valueDecimals``) and the
    /// dialect's decimal mark; empty when not finite.
    @inline(__always)
    public func value(_ f: Int) -> UnsafeBufferPointer<UInt8> { table.cells(3 * f) }

    /// Where fact `f` was printed (``Alignment/appendCitation(_:role:to:)``: `004 Tabel 3.1, p. 12`).
    @inline(__always)
    public func citation(_ f: Int) -> UnsafeBufferPointer<UInt8> { table.cells(3 * f + 1) }

    /// Fact `f`'s three flag cells (``CSVRow/flags(_:borrowed:_:)`` of ``Alignment/flags(_:role:)``:
    /// its corrections, caveats and reasons to suspect it).
    @inline(__always)
    public func flags(_ f: Int) -> UnsafeBufferPointer<UInt8> { table.cells(3 * f + 2) }
}
