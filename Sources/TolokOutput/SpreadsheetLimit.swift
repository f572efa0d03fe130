import TolokModel

/// The rows an Excel sheet holds (1,048,576, the header's included), and the notice a command
/// prints for the CSV files that have more: Excel opens only their first rows (with a warning
/// that is easy to click away), so an analyst would compare districts that are not all there.
public enum SpreadsheetLimit {
    /// The rows of an Excel sheet, the header's included.
    public static let sheetRows = 1_048_576

    /// The files of `files` (each with its data rows, the header not counted) that a sheet
    /// cannot hold whole, in the order given.
    public static func exceeding(_ files: [(name: String, rows: Int)]) -> [(name: String, rows: Int)] {
        files.filter { $0.rows + 1 > sheetRows }
    }

    /// One line naming the files of `files` that a sheet cannot hold whole, and where to read
    /// them instead; `nil` when every file fits.
    public static func notice(_ files: [(name: String, rows: Int)]) -> String? {
        let over = exceeding(files)
        guard !over.isEmpty else { return nil }
        let named = over.map { "\($0.name) (\(NumberText.grouped($0.rows)) rows)" }
        let list = named.count == 1 ? named[0] : named.dropLast().joined(separator: ", ") + " and " + named.last!
        return "Excel: \(list) \(over.count == 1 ? "has" : "have") more rows than a sheet holds "
            + "(\(NumberText.grouped(sheetRows)) with the header), so Excel opens only the first \(NumberText.grouped(sheetRows - 1)); "
            + "read \(over.count == 1 ? "it" : "them") with pandas or DuckDB (load(name) in tolok.ipynb reads any of them, codes as text), "
            + "or a part at a time (tolok rank --indicator ID, tolok compare --district D)"
    }
}
