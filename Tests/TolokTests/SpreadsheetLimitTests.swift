import Testing
@testable import Tolok

@Suite("Spreadsheet limit")
struct SpreadsheetLimitTests {
    /// A sheet holds 1,048,576 rows with the header: 1,048,575 data rows fit, one more does not.
    @Test func aFileOverASheetsRowsIsNamed() {
        #expect(SpreadsheetLimit.notice([("fits.csv", 1_048_575), ("small.csv", 12)]) == nil)
        let notice = SpreadsheetLimit.notice([("fits.csv", 1_048_575), ("over.csv", 1_048_576)])
        #expect(notice?.hasPrefix("Excel: over.csv (1,048,576 rows) has more rows than a sheet holds (1,048,576 with the header), "
            + "so Excel opens only the first 1,048,575; read it with pandas or DuckDB") == true)
        #expect(notice?.contains("fits.csv") == false)
    }

    /// Several files are listed in the order given, as at national scale (scale 1 of `tolok synth`).
    @Test func severalFilesAreListedInOrder() {
        let notice = SpreadsheetLimit.notice([("rankings.csv", 2_775_600), ("statistics.csv", 2_673_582), ("comparison.csv", 1_002_407),
                                              ("audit.csv", 3_000_000)])
        #expect(notice?.hasPrefix("Excel: rankings.csv (2,775,600 rows), statistics.csv (2,673,582 rows) and audit.csv (3,000,000 rows) have more rows") == true)
        #expect(notice?.contains("read them with pandas") == true)
    }
}
