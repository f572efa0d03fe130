import Foundation

/// Writes the reports people read beside the CSV exports: `report.html`, `summary.md` and
/// `tolok.ipynb`, each atomically.
public enum ReportFiles {
    public static let names = ["report.html", "summary.md", "tolok.ipynb"]

    /// The three files' contents, by name, in ``names`` order.
    public static func render(_ data: ReportData, dialect: CSVDialect = .standard) -> [(name: String, text: String)] {
        [("report.html", HTMLReport(data).render()),
         ("summary.md", BriefingMarkdown(data).render()),
         ("tolok.ipynb", NotebookWriter(data, dialect: dialect).render())]
    }

    /// Writes the three files into `folder`.
    public static func write(_ data: ReportData, dialect: CSVDialect = .standard, to folder: URL) throws(AtomicFile.Failure) {
        for (name, text) in render(data, dialect: dialect) {
            try AtomicFile.write([Array(text.utf8)], to: folder.appendingPathComponent(name))
        }
    }
}
