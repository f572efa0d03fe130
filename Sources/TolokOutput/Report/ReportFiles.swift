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

    /// Stages the three files in `folder` (written when `batch` is committed).
    public static func write(_ data: ReportData, dialect: CSVDialect = .standard, to folder: URL,
                             in batch: inout AtomicFile.Batch) throws(AtomicFile.Failure) {
        for (name, text) in render(data, dialect: dialect) {
            try batch.stage([Array(text.utf8)], at: folder.appendingPathComponent(name))
        }
    }
}
